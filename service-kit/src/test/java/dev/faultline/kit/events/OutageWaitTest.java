package dev.faultline.kit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class OutageWaitTest {

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger pauses = new AtomicInteger();
    private final OutageWait wait = new OutageWait(Duration.ofSeconds(10), length -> {
        pauses.incrementAndGet();
        now.addAndGet(length.toNanos());
    }, now::get);

    @Test
    void shouldHandleTheRecordOnceTheStoreAnswersAgain() throws Exception {
        AtomicInteger attempts = new AtomicInteger();

        wait.run("EvidenceCaptured", () -> {
            if (attempts.incrementAndGet() <= 3) {
                throw new EventHandlingException("EvidenceCaptured", new NoNodeAvailableException());
            }
        });

        assertThat(attempts).hasValue(4);
        assertThat(pauses).hasValue(3);
    }

    @Test
    void shouldThrowAnyOtherFailureAtOnce() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> wait.run("x", () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("handler bug");
        })).hasMessage("handler bug");
        assertThatThrownBy(() -> wait.run("x", () -> {
            throw new InvalidEventException("motivation is not a reason");
        })).isInstanceOf(InvalidEventException.class);

        assertThat(attempts).hasValue(1);
        assertThat(pauses).hasValue(0);
    }

    @Test
    void shouldGiveUpOnAnOutageThatOutlastsItsPatience() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> wait.run("x", () -> {
            attempts.incrementAndGet();
            throw new DriverTimeoutException("Query timed out after PT2S");
        })).isInstanceOf(DriverTimeoutException.class);

        assertThat(attempts).hasValue(11); // at 0 s, then a second apart until 10 s
    }

    @Test
    void shouldTellAnOutageByWhatCausedIt() {
        assertThat(OutageWait.isOutage(new CompletionException(new EventHandlingException("x", new NoNodeAvailableException()))))
                .isTrue();
        assertThat(OutageWait.isOutage(new TimeoutException("Expiring 1 record(s)"))).as("Kafka not answering").isTrue();
        assertThat(OutageWait.isOutage(new EventHandlingException("x", new IllegalArgumentException("bad")))).isFalse();
        assertThat(OutageWait.isOutage(new EventHandlingException("x", new InvalidEventException("bad")))).isFalse();
    }
}
