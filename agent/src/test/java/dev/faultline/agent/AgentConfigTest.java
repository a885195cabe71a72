package dev.faultline.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.clearance.ClearanceKeyPair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigTest {

    private static final ClearanceKeyPair SAFETY = ClearanceKeyPair.generate("safety-1");

    @TempDir
    Path tmp;

    private Path file(String json) throws IOException {
        return Files.writeString(tmp.resolve("agent.json"), json);
    }

    @Test
    void shouldNeverRunWithoutAToken() {
        assertThatThrownBy(() -> AgentConfig.of(AgentConfig.File.EMPTY, null, null, null, null))
                .hasMessageContaining("no token: set 'token' in the config file or FAULTLINE_AGENT_TOKEN");
    }

    @Test
    void shouldReadTheFileAndLetFlagsAndTheEnvironmentOverrideIt() throws IOException {
        AgentConfig.File file = AgentConfig.read(file("""
                {"port": 9000, "token": "from-the-file-123", "stateDirectory": "/var/lib/fl",
                 "publicKeys": {"safety-1": "%s"},
                 "allow": {"processes": ["sleep \\\\d+"], "directories": ["/var/tmp"]},
                 "diskFloorMegabytes": 2048, "sweepMillis": 50}
                """.formatted(SAFETY.publicKeyBase64())));
        AgentConfig config = AgentConfig.of(file, null, 9100, null, "from-the-environment");
        assertThat(config.port()).isEqualTo(9100);
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.token()).isEqualTo("from-the-environment");
        assertThat(config.stateDirectory()).isEqualTo(Path.of("/var/lib/fl"));
        assertThat(config.allowProcesses()).containsExactly("sleep \\d+");
        assertThat(config.allowDirectories()).containsExactly("/var/tmp");
        assertThat(config.diskFloorMegabytes()).isEqualTo(2048);
        assertThat(config.memoryFloorMegabytes()).isEqualTo(512);
        assertThat(config.sweep().toMillis()).isEqualTo(50);
        assertThat(config.clearances().keyIds()).containsExactly("safety-1");
    }

    @Test
    void shouldNeverRunWithoutAValidPublicKeyToVerifyClearancesWith() throws IOException {
        AgentConfig.File none = AgentConfig.read(file("{\"token\": \"from-the-file-123\"}"));
        assertThatThrownBy(() -> AgentConfig.of(none, null, null, null, null))
                .hasMessageStartingWith("no public keys: set 'publicKeys' {\"<key-id>\": \"<safety-service's Ed25519 public key");
        AgentConfig.File privateKey = AgentConfig.read(file("{\"token\": \"from-the-file-123\", \"publicKeys\": {\"k1\": \""
                + SAFETY.privateKeyBase64() + "\"}}"));
        assertThatThrownBy(() -> AgentConfig.of(privateKey, null, null, null, null))
                .hasMessageStartingWith("publicKeys.k1 is not an Ed25519 public key");
    }

    @Test
    void shouldNameAnUnknownSetting() throws IOException {
        Path file = file("{\"token\": \"x\", \"allowlist\": []}");
        assertThatThrownBy(() -> AgentConfig.read(file)).hasMessageContaining("unknown setting 'allowlist'");
    }
}
