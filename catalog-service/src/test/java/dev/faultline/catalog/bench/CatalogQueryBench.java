package dev.faultline.catalog.bench;

import static org.awaitility.Awaitility.await;

import dev.faultline.catalog.behaviour.BehaviourJson;
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
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Catalog query latency under load: a real devstack and a real catalog-service; a catalog of {@code services} x every
 * fault type (16) entries, each from {@code verdicts} verdicts with 3 dimensions, the services declared as targets
 * (so that the gaps have work to do); then it is queried over HTTP (keep-alive, bearer token) for {@code seconds} per
 * run, after a 5 s warm-up. One entry ({@code GET /catalog/{service}/{faultType}}, a random one each time — the query
 * the hypothesis stage and the console make) first at a fixed rate of {@code rate} requests/s spread over
 * {@code threads} threads (an open model: each request has its intended send time, and its latency counts from then,
 * so a request held up behind a slow one counts its wait — no coordinated omission), then flat out by
 * {@code threads} threads (a closed model: each sends when its previous answer came; with the client on the same
 * cores as the service this measures the queue at saturation, and gives the most requests/s); then the gaps and the
 * whole catalog, flat out. Prints p50/p99/max and requests/s per run, measured by the client, and the machine's
 * 1-minute load average when the run ended (other work on the machine shows there).
 * Run by {@code scripts/bench-catalog-query.sh}.
 */
public final class CatalogQueryBench {

    /** A one-entry answer slower than this misses the goal (ns). */
    private static final long SLOW = Duration.ofMillis(5).toNanos();
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
        int rate = args.length > 4 ? Integer.parseInt(args[4]) : 300;
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
                                + " after sending); %d threads, %d s per run after a 5 s warm-up, %d cores%n",
                        services, TYPES.length, entries, entries * verdicts, (System.nanoTime() - loaded) / 1e9, threads,
                        seconds, Runtime.getRuntime().availableProcessors());
                drive(http, base, token, threads, 5, i -> one(run, services));  // warm-up, not reported
                report("GET /catalog/{service}/{faultType} @" + rate + "/s",
                        paced(base, token, threads, seconds, rate, i -> one(run, services)));
                report("GET /catalog/{service}/{faultType} flat out",
                        drive(http, base, token, threads, seconds, i -> one(run, services)));
                report("GET /catalog/gaps", drive(http, base, token, threads, seconds, i -> "/catalog/gaps"));
                report("GET /catalog (all " + entries + ")", drive(http, base, token, threads, seconds, i -> "/catalog"));
                inProcess(context, run, services);
            }
        }
    }

    /**
     * The same one-entry query without HTTP, on one thread: the store lookup and the JSON the controller answers (written
     * once per version of the entry), to tell the query's own cost from the HTTP stack's and from waiting for a core.
     */
    private static void inProcess(ApplicationContext context, String run, int services) throws Exception {
        CatalogQueries queries = context.getBean(CatalogQueries.class);
        BehaviourJson json = context.getBean(BehaviourJson.class);
        int n = 20_000;
        long[] took = new long[n];
        for (int i = 0; i < n; i++) {
            String[] path = one(run, services).split("/");
            long start = System.nanoTime();
            json.of(queries.entry(path[2], FaultType.valueOf(path[3])).orElseThrow());
            took[i] = System.nanoTime() - start;
        }
        Arrays.sort(took);
        System.out.printf("  in-process lookup + JSON, one thread               %7d calls                 p50 %7.3f ms   p99 %7.3f ms"
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

    /**
     * Latencies (ns) of {@code rate} requests/s for {@code seconds}, request i due at {@code i / rate} s and sent by the
     * next free one of {@code threads} threads (at once if it is late), its latency counted from when it was due. Each
     * thread sends on its own keep-alive connection from the thread itself ({@link Connection}): the JDK's HttpClient
     * hands every request to its selector and worker threads, and on 2 busy cores each hand-off is a wait for a core
     * that would be counted as the service's.
     */
    private static Run paced(String base, String token, int threads, int seconds, int rate,
                                IntFunction<String> paths) throws Exception {
        int total = rate * seconds;
        long[] latencies = new long[total];
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime() + Duration.ofMillis(10).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                try (Connection connection = new Connection(URI.create(base), token)) {
                    for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        long due = start + Math.round(i * 1e9 / rate);
                        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                            LockSupport.parkNanos(wait);
                        }
                        connection.get(paths.apply(i));
                        latencies[i] = System.nanoTime() - due;
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double took = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] slowSeconds = IntStream.range(0, total).filter(i -> latencies[i] > SLOW).mapToLong(i -> i / rate)
                .distinct().toArray();
        Arrays.sort(latencies);
        int slow = (int) Arrays.stream(latencies).filter(l -> l > SLOW).count();
        System.out.printf("  (@%d/s: %d requests over %d ms, due in %d of the %d seconds: %s)%n", rate, slow,
                SLOW / 1_000_000, slowSeconds.length, seconds, Arrays.toString(slowSeconds));
        return new Run(latencies, took);
    }

    /** Latencies (ns) of the requests {@code threads} threads made for {@code seconds}, each path from {@code paths}. */
    private static Run drive(HttpClient http, String base, String token, int threads, int seconds,
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
        return new Run(all.stream().flatMapToLong(Arrays::stream).sorted().toArray(), seconds);
    }

    /**
     * One HTTP/1.1 keep-alive connection used by one thread, blocking: writes a GET with the bearer token, reads the
     * status line, the headers and {@code Content-Length} bytes of body; anything but a 200 fails the run.
     */
    private static final class Connection implements AutoCloseable {

        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final String headers;

        Connection(URI base, String token) throws IOException {
            socket = new Socket(base.getHost(), base.getPort());
            socket.setTcpNoDelay(true);
            out = new BufferedOutputStream(socket.getOutputStream());
            in = new BufferedInputStream(socket.getInputStream());
            headers = " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\nAuthorization: Bearer " + token
                    + "\r\nAccept: application/json\r\n\r\n";
        }

        byte[] get(String path) throws IOException {
            out.write(("GET " + path + headers).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = line();
            int length = -1;
            for (String header = line(); !header.isEmpty(); header = line()) {
                if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
                    length = Integer.parseInt(header.substring(15).strip());
                }
            }
            if (length < 0) {
                throw new IOException("no Content-Length in the answer to " + path);
            }
            byte[] body = in.readNBytes(length);
            if (!status.startsWith("HTTP/1.1 200")) {
                throw new IllegalStateException(status + " " + new String(body, StandardCharsets.UTF_8));
            }
            return body;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** A run's latencies (ns, sorted) and how long it took (s). */
    private record Run(long[] sorted, double seconds) {
    }

    private static void report(String endpoint, Run run) {
        long[] sorted = run.sorted();
        System.out.printf("  %-48s %7d requests %6.0f req/s   p50 %7.2f ms   p99 %7.2f ms   max %7.2f ms   (load %.1f)%n",
                endpoint, sorted.length, sorted.length / run.seconds(), percentile(sorted, 0.50),
                percentile(sorted, 0.99), sorted[sorted.length - 1] / 1e6,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
