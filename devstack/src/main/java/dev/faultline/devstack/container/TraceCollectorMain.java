package dev.faultline.devstack.container;

import dev.faultline.devstack.traces.TraceCollector;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The compose stack's trace collector: {@code TraceCollectorMain [--port 4318] [--capacity 200000]}, an OTLP/HTTP
 * receiver on every interface ({@link TraceCollector}); the services export to it with
 * {@code OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf}.
 */
public final class TraceCollectorMain {

    static final String USAGE = "usage: TraceCollectorMain [--port 4318] [--capacity 200000] (env PORT, CAPACITY)\n";

    private TraceCollectorMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        ContainerArgs options = ContainerArgs.parse(args, Set.of("--port", "--capacity"), USAGE);
        TraceCollector collector = TraceCollector.start(new InetSocketAddress("0.0.0.0", options.number("--port", 4318)),
                options.number("--capacity", 200_000));
        System.out.println("trace collector: OTLP/HTTP on " + collector.endpoint().replace("127.0.0.1", "0.0.0.0")
                + "/v1/traces; GET /v1/services, GET /v1/traces/<trace id>");
        Runtime.getRuntime().addShutdownHook(new Thread(collector::close, "trace-collector-stop"));
        new CountDownLatch(1).await();
    }
}
