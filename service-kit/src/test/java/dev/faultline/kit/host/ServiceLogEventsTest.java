package dev.faultline.kit.host;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class ServiceLogEventsTest {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceLogEventsTest.class);

    @Test
    void shouldCountOnlyTheLinesOfItsOwnServicesThreads() throws InterruptedException {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        SimpleMeterRegistry firstMeters = new SimpleMeterRegistry();
        SimpleMeterRegistry secondMeters = new SimpleMeterRegistry();
        try (ServiceLogEvents first = new ServiceLogEvents("first", logging);
             ServiceLogEvents second = new ServiceLogEvents("second", logging)) {
            first.bindTo(firstMeters);
            second.bindTo(secondMeters);

            runIn("first", () -> {
                LOG.warn("one warning of the first service");
                LOG.error("one error of the first service");
                LOG.trace("below the effective level: not an event");
            });
            runIn("second", () -> LOG.warn("one warning of the second service"));
            LOG.warn("a line of no service's thread");

            assertThat(count(firstMeters, "warn")).isEqualTo(1);
            assertThat(count(firstMeters, "error")).isEqualTo(1);
            assertThat(count(firstMeters, "trace")).isZero();
            assertThat(count(secondMeters, "warn")).isEqualTo(1);
            assertThat(count(secondMeters, "error")).isZero();
        }
        runIn("first", () -> LOG.warn("after the service stopped"));
        assertThat(count(firstMeters, "warn")).as("no counting once closed").isEqualTo(1);
    }

    private static void runIn(String group, Runnable work) throws InterruptedException {
        Thread thread = new Thread(new ThreadGroup(group), work, group + "-worker");
        thread.start();
        thread.join();
    }

    private static double count(SimpleMeterRegistry registry, String level) {
        return registry.get("logback.events").tag("level", level).counter().count();
    }
}
