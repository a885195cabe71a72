package dev.faultline.dataplane;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How a data plane is set up: where its management API listens, the lease given to a fault
 * created without one (plain Toxiproxy clients), how often expired leases are reaped, and the
 * clock and random source (injectable so tests can fix time and toxicity draws).
 *
 * @param host           management API bind address
 * @param port           management API port (0 picks a free one; Toxiproxy's default is 8474)
 * @param defaultLease   lease of a fault created without {@code lease}: every fault expires
 * @param reapInterval   how often expired leases are looked for
 * @param eventLoops     number of Netty event-loop threads (0 = Netty's default, 2 x cores); one per
 *                       core by default: a relay is never blocked, so more threads than cores only
 *                       add context switches and per-thread buffer caches (resident memory)
 * @param spin           how long an event loop keeps polling after its last I/O before it sleeps, so
 *                       that an answer arriving meanwhile is relayed without a wake-up; zero on one core,
 *                       where polling would only hold back the processes it waits for
 * @param clock          time source of leases
 * @param random         toxicity draws ({@code nextDouble() < toxicity} affects a connection)
 */
public record DataPlaneConfig(String host, int port, Duration defaultLease, Duration reapInterval,
                              int eventLoops, Duration spin, Clock clock, RandomGenerator random) {

    public static final int TOXIPROXY_PORT = 8474;
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(10);
    /** Measured with scripts/bench-dataplane.sh (module README, "Benchmark"). */
    public static final Duration DEFAULT_SPIN = Duration.ofNanos(50_000);

    public DataPlaneConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        if (spin.isNegative()) {
            throw new IllegalArgumentException("spin must not be negative, was " + spin);
        }
        if (defaultLease.isNegative() || defaultLease.isZero()) {
            throw new IllegalArgumentException("default lease must be positive, was " + defaultLease);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
    }

    /** Loopback, Toxiproxy's port 8474, a 10-minute default lease. */
    public static DataPlaneConfig defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new DataPlaneConfig("127.0.0.1", TOXIPROXY_PORT, DEFAULT_LEASE, Duration.ofMillis(200),
                cores, cores > 1 ? DEFAULT_SPIN : Duration.ZERO, Clock.systemUTC(), synchronizedRandom(new java.util.Random()));
    }

    public DataPlaneConfig withPort(int newPort) {
        return new DataPlaneConfig(host, newPort, defaultLease, reapInterval, eventLoops, spin, clock, random);
    }

    public DataPlaneConfig withHost(String newHost) {
        return new DataPlaneConfig(newHost, port, defaultLease, reapInterval, eventLoops, spin, clock, random);
    }

    public DataPlaneConfig withDefaultLease(Duration lease) {
        return new DataPlaneConfig(host, port, lease, reapInterval, eventLoops, spin, clock, random);
    }

    public DataPlaneConfig withReapInterval(Duration interval) {
        return new DataPlaneConfig(host, port, defaultLease, interval, eventLoops, spin, clock, random);
    }

    public DataPlaneConfig withSpin(Duration newSpin) {
        return new DataPlaneConfig(host, port, defaultLease, reapInterval, eventLoops, newSpin, clock, random);
    }

    public DataPlaneConfig withClock(Clock newClock) {
        return new DataPlaneConfig(host, port, defaultLease, reapInterval, eventLoops, spin, newClock, random);
    }

    /** Seeded toxicity draws, for tests that must count affected connections exactly. */
    public DataPlaneConfig withRandom(RandomGenerator newRandom) {
        return new DataPlaneConfig(host, port, defaultLease, reapInterval, eventLoops, spin, clock, synchronizedRandom(newRandom));
    }

    /** Draws happen on several event-loop threads; a seeded generator must not be shared unsynchronized. */
    private static RandomGenerator synchronizedRandom(RandomGenerator delegate) {
        return new RandomGenerator() {
            @Override
            public synchronized long nextLong() {
                return delegate.nextLong();
            }

            @Override
            public synchronized double nextDouble() {
                return delegate.nextDouble();
            }
        };
    }
}
