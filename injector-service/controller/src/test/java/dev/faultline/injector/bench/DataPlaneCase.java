package dev.faultline.injector.bench;

import dev.faultline.injector.Fixtures;
import dev.faultline.injector.fault.Fault;
import dev.faultline.injector.fault.FaultContext;
import dev.faultline.injector.fault.FaultKinds;
import dev.faultline.injector.fault.Lease;
import dev.faultline.injector.fault.Route;
import dev.faultline.schemas.avro.FaultDirection;
import dev.faultline.schemas.avro.FaultSpec;
import dev.faultline.schemas.avro.FaultType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;

/**
 * A fault on the data plane (an L4 toxic on {@code pricing}, an L7 rule on {@code pricing-http}) planned by the
 * injector's {@link FaultKinds}, observed with one HTTP GET through the proxy it acts on.
 */
final class DataPlaneCase implements RemovalCase {

    private static final Route ROUTE = new Route("storefront", null, dependency -> Optional.of("pricing"),
            dependency -> Optional.of("pricing-http"));

    private final String name;
    private final String configured;
    private final FaultKinds kinds;
    private final FaultSpec spec;
    private final URI through;
    private final int observations;
    private final BiPredicate<HttpResponse<String>, Double> affected;
    private final BiFunction<List<Observation>, List<Observation>, String> effect;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    DataPlaneCase(String name, String configured, FaultKinds kinds, FaultType type, double share, Map<String, String> parameters,
                  String through, int observations, BiPredicate<HttpResponse<String>, Double> affected,
                  BiFunction<List<Observation>, List<Observation>, String> effect) {
        this.name = name;
        this.configured = configured;
        this.kinds = kinds;
        this.spec = Fixtures.fault(type, FaultDirection.UPSTREAM, 60_000, parameters);
        this.spec.setToxicity(share);
        this.through = URI.create(through);
        this.observations = observations;
        this.affected = affected;
        this.effect = effect;
    }

    /** The effect of a fault on a share of requests: the share observed against the plan. */
    static BiFunction<List<Observation>, List<Observation>, String> share(double plan, String what) {
        return (during, after) -> String.format(Locale.ROOT, "%s: %.1f%% of %d requests (plan %.0f%%); after removal %d of %d",
                what, 100.0 * affected(during) / during.size(), during.size(), plan * 100, affected(after), after.size());
    }

    /** The effect of a latency fault: the median round trip while applied against the median after its removal. */
    static BiFunction<List<Observation>, List<Observation>, String> latency() {
        return (during, after) -> String.format(Locale.ROOT, "+%.1f ms at p50 (%.1f ms applied, %.1f ms after removal, %d requests); after removal %d of %d >= 90 ms",
                median(during) - median(after), median(during), median(after), during.size(), affected(after), after.size());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String configured() {
        return configured;
    }

    @Override
    public Fault plan(String namePrefix, Lease lease) {
        return kinds.plan(spec, new FaultContext(ROUTE, namePrefix, lease));
    }

    @Override
    public Observation observe() {
        long started = System.nanoTime();
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(through).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            double millis = (System.nanoTime() - started) / 1e6;
            return new Observation(affected.test(answer, millis), millis);
        } catch (IOException e) {
            throw new UncheckedIOException("request through " + through + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int observationsPerTrial() {
        return observations;
    }

    @Override
    public String effect(List<Observation> during, List<Observation> after) {
        return effect.apply(during, after);
    }

    @Override
    public void close() {
        // the data plane and the upstream belong to the bench's TestTarget
    }

    private static long affected(List<Observation> observations) {
        return observations.stream().filter(Observation::affected).count();
    }

    private static double median(List<Observation> observations) {
        List<Double> millis = new ArrayList<>(observations.stream().map(Observation::millis).toList());
        Collections.sort(millis);
        return millis.get(millis.size() / 2);
    }
}
