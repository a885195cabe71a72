package dev.faultline.cli.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo host's Faultline agent, as its owner would set it up: the token the injector presents (injector-service's
 * demo default {@code faultline.injector.agent-token}), the stack's clearance public key (a fault is applied only
 * under a clearance the stack's safety-service signed), an allow-list naming the demo's pricing and storefront
 * processes (by their whole command lines, ports included, so that no other stack's are touched) and one directory
 * for disk faults, and its state directory — all under the stack's work directory.
 */
final class DemoAgent {

    /** injector-service's default {@code faultline.injector.agent-token}: the demo's shared secret, not for real hosts. */
    static final String TOKEN = "faultline-demo-agent-token";

    private DemoAgent() {
    }

    /**
     * A regular expression matching the whole command line of the JVM running {@code mainClass} with
     * {@code --port <port>} first (and any arguments after it); not its supervisor's, whose command line is a loop.
     */
    static String processPattern(String mainClass, int port) {
        return "\\S*java .* " + mainClass.replace(".", "\\.") + " --port " + port + "( .*)?";
    }

    /** Where disk faults may write: the one directory on the agent's allow-list. */
    static Path fillDirectory(Path workDir) {
        return workDir.resolve("agent/fill");
    }

    /** Writes the agent's config under {@code workDir/agent} (creating its fill directory); returns the file. */
    static Path writeConfig(Path workDir, StackEndpoints stack, StackKeys keys) {
        try {
            Path dir = Files.createDirectories(workDir.resolve("agent"));
            Files.createDirectories(fillDirectory(workDir));
            Path file = dir.resolve("agent.json");
            write(file, config("127.0.0.1", stack.ports().agent(), keys.publicKeys(), dir.resolve("state").toString(),
                    stack.ports().pricing(), stack.ports().storefront(), fillDirectory(workDir).toString()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the agent's config under " + workDir, e);
        }
    }

    /**
     * The agent's config: where it listens, the token and keys it checks, its state directory, and its allow-list —
     * the demo's pricing and storefront JVMs on their ports, one directory for disk faults.
     */
    static Map<String, Object> config(String host, int port, Map<String, String> publicKeys, String stateDirectory,
                                      int pricingPort, int storefrontPort, String fillDirectory) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("host", host);
        config.put("port", port);
        config.put("token", TOKEN);
        config.put("publicKeys", publicKeys);
        config.put("stateDirectory", stateDirectory);
        config.put("allow", Map.of(
                "processes", List.of(processPattern(ServiceCatalog.PRICING_MAIN, pricingPort),
                        processPattern(ServiceCatalog.STOREFRONT_MAIN, storefrontPort)),
                "directories", List.of(fillDirectory)));
        return config;
    }

    static void write(Path file, Map<String, Object> config) throws IOException {
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), config);
    }
}
