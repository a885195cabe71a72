package dev.faultline.injector.run;

import io.micronaut.context.annotation.ConfigurationInject;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.UUID;

/**
 * This injector instance among the others sharing its keyspace ({@code faultline.injector.instance.*}):
 * <ul>
 *   <li>{@code id} (default: {@code injector-} and 8 random hex digits, new at every start): the name this instance
 *       records as the owner of the injections it runs. Give each instance a name of its own that stays the same
 *       across its restarts ({@code injector-1}, the container's name): a restarted instance then knows its
 *       previous life's runs at once as left over. Two live instances must never share a name;</li>
 *   <li>{@code heartbeat} (default 1 s): how often the instance says it is alive;</li>
 *   <li>{@code dead-after} (default 15 s): how long another instance's heartbeat must stand still, watched without a
 *       break by this one, before its runs count as left over and this instance closes them — once its consumer has
 *       left the clearance listener's group as well (an instance cut off from the store only is alive). It must be
 *       well over the heartbeat and over the store's reconnection delay (5 s), since nobody beats while the store is
 *       down.</li>
 * </ul>
 */
@ConfigurationProperties("faultline.injector.instance")
public final class InjectorInstance {

    private static final String PREFIX = "faultline.injector.instance.";

    private final String id;
    private final Duration heartbeat;
    private final Duration deadAfter;

    @ConfigurationInject
    public InjectorInstance(@Bindable(defaultValue = "") String id,
                            @Bindable(defaultValue = "1s") Duration heartbeat,
                            @Bindable(defaultValue = "15s") Duration deadAfter) {
        this.id = id == null || id.isBlank() ? "injector-" + UUID.randomUUID().toString().substring(0, 8) : id.strip();
        if (heartbeat == null || heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException(PREFIX + "heartbeat must be positive, was " + heartbeat);
        }
        if (deadAfter == null || deadAfter.compareTo(heartbeat.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException(PREFIX + "dead-after must be at least three heartbeats (" + heartbeat
                    + " each), was " + deadAfter);
        }
        this.heartbeat = heartbeat;
        this.deadAfter = deadAfter;
    }

    public String id() {
        return id;
    }

    public Duration heartbeat() {
        return heartbeat;
    }

    public Duration deadAfter() {
        return deadAfter;
    }
}
