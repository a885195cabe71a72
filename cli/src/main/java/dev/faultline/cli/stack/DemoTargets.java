package dev.faultline.cli.stack;

import dev.faultline.cli.targets.TargetsTopic;
import dev.faultline.declarations.targets.TargetsFile;
import dev.faultline.declarations.yaml.Invalid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Collectors;

/**
 * The demo system's targets: {@code deploy/targets/demo.yaml}, with this stack's storefront, pricing and agent
 * addresses, ports and log directory filled in, applied on faultline.targets as {@code faultline targets apply} does,
 * before the services start.
 */
final class DemoTargets {

    static final String FILE = "deploy/targets/demo.yaml";

    private DemoTargets() {
    }

    /** Applies the demo targets; returns what was declared, in words. */
    static String apply(RepoLayout repo, StackEndpoints endpoints, Path logDir) {
        Path file = repo.root().resolve(FILE);
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8)
                    .replace("${storefront-url}", endpoints.storefrontUrl())
                    .replace("${storefront-port}", Integer.toString(endpoints.ports().storefront()))
                    .replace("${pricing-url}", endpoints.pricingUrl())
                    .replace("${pricing-port}", Integer.toString(endpoints.ports().pricing()))
                    .replace("${agent-url}", endpoints.agentUrl())
                    .replace("${logs}", logDir.toAbsolutePath().toString());
            TargetsTopic.Applied applied = new TargetsTopic(endpoints.services().kafkaEndpoint())
                    .apply(TargetsFile.read(text, FILE, "faultline-stack", Clock.systemUTC()), Clock.systemUTC());
            return FILE + ": " + applied.declared();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (Invalid invalid) {
            throw new IllegalStateException(FILE + " is invalid: " + invalid.problems().stream().map(Object::toString)
                    .collect(Collectors.joining("; ")));
        }
    }
}
