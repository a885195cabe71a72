package dev.faultline.cli.stack;

import dev.faultline.cli.declared.CliTopic;
import dev.faultline.declarations.targets.TargetsFile;
import dev.faultline.declarations.yaml.Invalid;
import dev.faultline.schemas.avro.TargetDeclared;
import dev.faultline.schemas.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The demo system's targets: {@code deploy/targets/demo.yaml}, with this stack's storefront, pricing and agent
 * addresses, ports and log directory filled in, published on faultline.targets before the services start, so that
 * every service starts with them declared. This bootstrap of a fresh stack is the one direct write to the topic
 * besides hypothesis-service's admin API ({@code faultline targets apply}), which is not up yet; nothing was declared
 * before, so there is nothing to remove.
 */
final class DemoTargets {

    static final String FILE = "deploy/targets/demo.yaml";

    private DemoTargets() {
    }

    /** Publishes the demo targets; returns what was declared, in words. */
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
            Map<String, TargetDeclared> byKey = new LinkedHashMap<>();
            TargetsFile.read(text, FILE, "faultline-stack", Clock.systemUTC())
                    .forEach(d -> byKey.put(TargetsFile.keyOf(d.getEnvironment(), d.getService()), d));
            new CliTopic<>(Topics.TARGETS, TargetDeclared.class, endpoints.services().kafkaEndpoint()).publish(byKey, "faultline-stack-targets");
            return FILE + ": " + List.copyOf(byKey.keySet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (Invalid invalid) {
            throw new IllegalStateException(FILE + " is invalid: " + invalid.problems().stream().map(Object::toString)
                    .collect(Collectors.joining("; ")));
        }
    }
}
