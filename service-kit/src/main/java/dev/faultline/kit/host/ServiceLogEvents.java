package dev.faultline.kit.host;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * The log events of one service hosted with others ({@link ServiceHost}), by level, as {@code logback.events} — the
 * meter Micrometer's {@code LogbackMetrics} makes, counted from this service's own threads only. Micrometer's counts
 * every event of the JVM's one logging context, so in the local stack's shared JVM each service's
 * {@code logback_events_total} was all six services' lines. A service's threads are those of the thread group it
 * started in, which its threads inherit: the same attribution as the shared log's service column
 * ({@link ServiceOfThread}). The host turns Micrometer's binder off in its contexts and names the service, which turns
 * this on.
 */
@Singleton
@Requires(property = ServiceHost.HOSTED_SERVICE)
@Requires(classes = LoggerContext.class)
final class ServiceLogEvents implements MeterBinder, AutoCloseable {

    private static final List<Level> LEVELS = List.of(Level.ERROR, Level.WARN, Level.INFO, Level.DEBUG, Level.TRACE);

    private final String service;
    private final LoggerContext logging;
    private final List<TurboFilter> filters = new CopyOnWriteArrayList<>();

    @Inject
    ServiceLogEvents(@Property(name = ServiceHost.HOSTED_SERVICE) String service) {
        this(service, (LoggerContext) LoggerFactory.getILoggerFactory());
    }

    ServiceLogEvents(String service, LoggerContext logging) {
        this.service = service;
        this.logging = logging;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Counter[] counters = new Counter[LEVELS.size()];
        for (int i = 0; i < counters.length; i++) {
            counters[i] = Counter.builder("logback.events").tag("level", LEVELS.get(i).toString().toLowerCase())
                    .description("Number of log events that were enabled by the effective log level")
                    .baseUnit("events").register(registry);
        }
        TurboFilter filter = new TurboFilter() {
            @Override
            public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                                      Throwable t) {
                // no format: an isDebugEnabled()-style question, not an event (as Micrometer's filter skips it)
                if (format != null && level.isGreaterOrEqual(logger.getEffectiveLevel())
                        && service.equals(ServiceOfThread.current())) {
                    counters[LEVELS.indexOf(level)].increment();
                }
                return FilterReply.NEUTRAL;
            }
        };
        filter.setName("log events of " + service);
        filter.start();
        logging.addTurboFilter(filter);
        filters.add(filter);
    }

    /** Stops counting (the context's close): the logging context outlives every hosted service. */
    @Override
    @PreDestroy
    public void close() {
        for (TurboFilter filter : filters) {
            logging.getTurboFilterList().remove(filter);
            filter.stop();
        }
        filters.clear();
    }
}
