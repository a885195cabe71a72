package dev.faultline.catalog.bench;

import static org.awaitility.Awaitility.await;

import dev.faultline.catalog.behaviour.CatalogQueries;
import dev.faultline.catalog.streams.TestDeclarations;
import dev.faultline.catalog.streams.TestVerdicts;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.support.WorkDirs;
import dev.faultline.kit.testing.ServiceProperties;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.PredictionOutcome;
import dev.faultline.schemas.avro.TargetDeclared;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.avro.VerdictOutcome;
import dev.faultline.schemas.serde.FaultlineSerdes;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Catalog query latency under load: a real devstack and a real catalog-service; a catalog of {@code services} x every
 * fault type (16) entries, each from {@code verdicts} verdicts with 3 dimensions, the services declared as targets
 * (so that the gaps have work to do); then {@code threads} threads query it over HTTP (keep-alive, bearer token) for
 * {@code seconds} after a 5 s warm-up, each endpoint on its own: one entry ({@code GET /catalog/{service}/{faultType}},
 * a random one each time — the query the hypothesis stage and the console make), the gaps, and the whole catalog.
 * Prints p50/p99/max and requests/s per endpoint, measured by the client (on the same cores as the service), and the
 * machine's 1-minute load average when the endpoint's run ended (other work on the machine shows there).
 * Run by {@code scripts/bench-catalog-query.sh}.
 */
public final class CatalogQueryBench {

    private static final FaultType[] TYPES = Arrays.stream(FaultType.values()).filter(t -> t != FaultType.UNKNOWN)
            .toArray(FaultType[]::new);

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1); // the context's threads must not keep a failed run alive
        }
    }

    private static void run(String[] args) throws Exception {
        int services = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int verdicts = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (DevStack stack = DevStack.start(WorkDirs.fresh("faultline-bench-"))) {
            EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, ServiceProperties.withKafkaLogin(stack,
                    Map.of("micronaut.server.port", -1,
                            "faultline.kafka.bootstrap-servers", stack.kafkaBootstrapServers(),
                            "faultline.kafka.schema-registry-url", stack.schemaRegistryUrl(),
                            "faultline.catalog.application-id", "catalog-bench-" + run,
                            "faultline.catalog.state-dir", Files.createTempDirectory("catalog-bench-").toString(),
                            "faultline.security.jwks-url", stack.issuer().jwksUrl(),
                            "faultline.security.issuer", stack.issuer().url())));
            try (ApplicationContext context = server.getApplicationContext()) {
                String base = "http://127.0.0.1:" + server.getPort();
                String token = stack.issuer().mint("bench", List.of(), Duration.ofHours(1));
                int entries = services * TYPES.length;
                load(stack, run, services, verdicts);
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                long loaded = System.nanoTime();
                await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).alias(entries + " entries")
                        .until(() -> count(http, base, token) >= entries);
                System.out.printf("catalog: %d services x %d fault types = %d entries from %,d verdicts (folded in %.1f s"
                                + " after sending); %d threads, %d s per endpoint after a 5 s warm-up, %d cores%n",
                        services, TYPES.length, entries, entries * verdicts, (System.nanoTime() - loaded) / 1e9, threads,
                        seconds, Runtime.getRuntime().availableProcessors());
                drive(http, base, token, threads, 5, i -> one(run, services));  // warm-up, not reported
                report("GET /catalog/{service}/{faultType}", drive(http, base, token, threads, seconds, i -> one(run, services)),
                        seconds);
                report("GET /catalog/gaps", drive(http, base, token, threads, seconds, i -> "/catalog/gaps"), seconds);
                report("GET /catalog (all " + entries + ")", drive(http, base, token, threads, seconds, i -> "/catalog"),
                        seconds);
                inProcess(context, run, services);
            }
        }
    }

    /**
     * The same one-entry query without HTTP, on one thread: the store lookup and the JSON the controller writes, to
     * tell the query's own cost from the HTTP stack's and from waiting for a core.
     */
    private static void inProcess(ApplicationContext context, String run, int services) throws Exception {
        CatalogQueries queries = context.getBean(CatalogQueries.class);
        JsonMapper json = context.getBean(JsonMapper.class);
        int n = 20_000;
        long[] took = new long[n];
        for (int i = 0; i < n; i++) {
            String[] path = one(run, services).split("/");
            long start = System.nanoTime();
            json.writeValueAsBytes(queries.behaviour(path[2], FaultType.valueOf(path[3])).orElseThrow());
            took[i] = System.nanoTime() - start;
        }
        Arrays.sort(took);
        System.out.printf("  in-process lookup + JSON, one thread       %7d calls                 p50 %7.3f ms   p99 %7.3f ms"
                + "   max %7.2f ms   (load %.1f)%n", n, percentile(took, 0.50), percentile(took, 0.99),
                took[n - 1] / 1e6, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String service(String run, int i) {
        return "svc-" + run + "-" + i;
    }

    private static String one(String run, int services) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "/catalog/" + service(run, random.nextInt(services)) + "/" + TYPES[random.nextInt(TYPES.length)];
    }

    /** Targets for every service, then {@code verdicts} verdicts per service and fault type, pipelined. */
    private static void load(DevStack stack, String run, int services, int verdicts) throws Exception {
        Map<String, Object> props = new HashMap<>(stack.kafkaClientProperties());
        props.put("schema.registry.url", stack.schemaRegistryUrl());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        Instant t0 = Instant.now().minus(Duration.ofDays(1));
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(props, new StringSerializer(),
                FaultlineSerdes.anyEvent(props).serializer())) {
            StringBuilder yaml = new StringBuilder("environments:\n  staging:\n");
            for (int s = 0; s < services; s++) {
                yaml.append("    ").append(service(run, s)).append(":\n      type: http-api\n")
                        .append("      base-url: http://127.0.0.1:1\n")
                        .append("      dependencies:\n        pricing: {protocol: http, proxy: pricing}\n");
            }
            for (TargetDeclared target : TestDeclarations.targets(yaml.toString())) {
                producer.send(new ProducerRecord<>(Topics.TARGETS.name(), TestDeclarations.key(target), target));
            }
            List<Future<?>> sent = new ArrayList<>();
            for (int v = 0; v < verdicts; v++) {
                for (int s = 0; s < services; s++) {
                    for (FaultType type : TYPES) {
                        String id = "exp-bench-" + run + "-" + s + "-" + type + "-" + v;
                        VerdictIssued verdict = TestVerdicts.verdict(id, VerdictOutcome.PARTIALLY_HELD,
                                t0.plusSeconds(v), TestVerdicts.readsServed(PredictionOutcome.HELD, 0.995),
                                TestVerdicts.readsP99(PredictionOutcome.NOT_HELD, 900 + v),
                                TestVerdicts.orders503(PredictionOutcome.HELD, 1.0));
                        verdict.setService(service(run, s));
                        verdict.setFaultType(type);
                        sent.add(producer.send(new ProducerRecord<>(Topics.VERDICTS.name(), id, verdict)));
                    }
                }
            }
            for (Future<?> f : sent) {
                f.get();
            }
        }
    }

    private static int count(HttpClient http, String base, String token) {
        try {
            String body = get(http, base, token, "/catalog").body();
            return body.split("\"behaviourKey\"", -1).length - 1;
        } catch (Exception e) {
            return 0;
        }
    }

    private static HttpResponse<String> get(HttpClient http, String base, String token, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().header("authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Latencies (ns) of the requests {@code threads} threads made for {@code seconds}, each path from {@code paths}. */
    private static long[] drive(HttpClient http, String base, String token, int threads, int seconds,
                                IntFunction<String> paths) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                long[] latencies = new long[1024];
                int n = 0;
                for (int i = 0; System.nanoTime() < end; i++) {
                    long start = System.nanoTime();
                    HttpResponse<String> response = get(http, base, token, paths.apply(i));
                    long took = System.nanoTime() - start;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(response.statusCode() + " " + response.body());
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = took;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> result : results) {
            all.add(result.get());
        }
        pool.shutdown();
        return all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    }

    private static void report(String endpoint, long[] sorted, int seconds) {
        System.out.printf("  %-40s %7d requests %6.0f req/s   p50 %7.2f ms   p99 %7.2f ms   max %7.2f ms   (load %.1f)%n",
                endpoint, sorted.length, sorted.length / (double) seconds, percentile(sorted, 0.50),
                percentile(sorted, 0.99), sorted[sorted.length - 1] / 1e6,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
