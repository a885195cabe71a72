package dev.faultline.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ComposeSecretsCommandTest {

    /**
     * The compose agent's config trusts the clearance key the injector is given, admits the demo's two JVMs by their
     * containers' command lines and nothing on other ports, is readable by its owner alone, and is written into a
     * secrets directory made before the agent was in compose (from that directory's public key), not made anew.
     */
    @Test
    void shouldWriteTheAgentsConfigWithTheStacksClearanceKeyAlsoIntoAnOlderSecretsDirectory(@TempDir Path dir)
            throws Exception {
        assertThat(new CommandLine(new ComposeSecretsCommand()).execute(dir.toString())).isZero();

        Path file = dir.resolve("agent.json");
        JsonNode agent = new ObjectMapper().readTree(file.toFile());
        Properties injector = new Properties();
        try (var in = Files.newInputStream(dir.resolve("clearance/injector-service.clearance.properties"))) {
            injector.load(in);
        }
        String keyProperty = injector.stringPropertyNames().iterator().next();
        String keyId = keyProperty.substring("faultline.clearance.public-keys.".length());
        assertThat(agent.path("publicKeys").path(keyId).asText()).isEqualTo(injector.getProperty(keyProperty));
        assertThat(agent.path("host").asText()).isEqualTo("0.0.0.0");
        assertThat(agent.path("port").asInt()).isEqualTo(8479);
        assertThat(agent.path("token").asText()).isEqualTo(DemoAgent.TOKEN);
        Pattern pricing = Pattern.compile(agent.path("allow").path("processes").get(0).asText());
        assertThat(pricing.matcher("java @/app/classpath dev.faultline.demo.PricingMain --port 18090").matches()).isTrue();
        assertThat(pricing.matcher("java @/app/classpath dev.faultline.demo.PricingMain --port 28090").matches()).isFalse();
        assertThat(agent.path("allow").path("directories").get(0).asText()).isEqualTo("/var/lib/faultline-agent/fill");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        Files.delete(file); // a directory from before the agent: complete, but without its config
        assertThat(new CommandLine(new ComposeSecretsCommand()).execute(dir.toString())).isZero();
        assertThat(new ObjectMapper().readTree(file.toFile()).path("publicKeys")).isEqualTo(agent.path("publicKeys"));
    }
}
