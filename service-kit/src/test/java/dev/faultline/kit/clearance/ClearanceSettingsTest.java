package dev.faultline.kit.clearance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.clearance.ClearanceKeyPair;
import dev.faultline.kit.testing.SettingsBinding;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.PropertySource.PropertyConvention;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signing key (safety-service) and the public keys (verifiers): required, with no defaults, the private key never
 * shown, and every mistake refused at start with the setting named.
 */
class ClearanceSettingsTest {

    private static final ClearanceKeyPair KEYS = ClearanceKeyPair.generate("safety-1");

    @TempDir
    Path dir;

    @Test
    void shouldTakeTheSigningKeyInlineOrFromAFile() throws Exception {
        ClearanceSigningSettings inline = SettingsBinding.bind(ClearanceSigningSettings.class, Map.of(
                "faultline.clearance.key-id", "safety-1", "faultline.clearance.signing-key", KEYS.privateKeyBase64()));
        Path file = Files.writeString(dir.resolve("signing.pem"),
                "-----BEGIN PRIVATE KEY-----\n" + KEYS.privateKeyBase64() + "\n-----END PRIVATE KEY-----\n");
        ClearanceSigningSettings fromFile = SettingsBinding.bind(ClearanceSigningSettings.class, Map.of(
                "faultline.clearance.key-id", "safety-1", "faultline.clearance.signing-key-file", file.toString()));

        assertThat(inline.signer().keyId()).isEqualTo("safety-1");
        assertThat(fromFile.signer().keyId()).isEqualTo("safety-1");
        assertThat(inline.toString()).doesNotContain(KEYS.privateKeyBase64()).contains("keyId=safety-1");
    }

    @Test
    void shouldRefuseToSignWithoutAKeyOrAKeyIdNamingTheSetting() {
        assertThatThrownBy(() -> SettingsBinding.bind(ClearanceSigner.class, Map.of("faultline.clearance.key-id", "k1")))
                .hasStackTraceContaining("faultline.clearance.signing-key (an Ed25519 private key, PKCS#8 Base64 or PEM)"
                        + " or faultline.clearance.signing-key-file (a file holding it) must be set");
        assertThatThrownBy(() -> SettingsBinding.bind(ClearanceSigner.class,
                Map.of("faultline.clearance.signing-key", KEYS.privateKeyBase64())))
                .hasStackTraceContaining("faultline.clearance.key-id must be a key id");
        assertThatThrownBy(() -> SettingsBinding.bind(ClearanceSigner.class, Map.of("faultline.clearance.key-id", "k1",
                "faultline.clearance.signing-key", KEYS.publicKeyBase64())))
                .hasStackTraceContaining("faultline.clearance.signing-key is not an Ed25519 private key");
        assertThatThrownBy(() -> SettingsBinding.bind(ClearanceSigner.class, Map.of("faultline.clearance.key-id", "k1",
                "faultline.clearance.signing-key", KEYS.privateKeyBase64(),
                "faultline.clearance.signing-key-file", "/nowhere")))
                .hasStackTraceContaining("set one of faultline.clearance.signing-key").hasStackTraceContaining("not both");
    }

    @Test
    void shouldTrustPublicKeysByKeyIdFromSettingsAndFromADirectory() throws Exception {
        ClearanceKeyPair next = ClearanceKeyPair.generate("safety-2");
        Files.writeString(dir.resolve("safety-2.pub"), next.publicKeyBase64());
        Files.writeString(dir.resolve("README"), "not a key");

        ClearanceKeySettings settings = SettingsBinding.bind(ClearanceKeySettings.class, Map.of(
                "faultline.clearance.public-keys.safety-1", KEYS.publicKeyBase64(),
                "faultline.clearance.public-key-directory", dir.toString()));

        assertThat(settings.verifier().keyIds()).containsExactly("safety-1", "safety-2");
    }

    @Test
    void shouldBindTheEnvironmentVariablesDockerComposeSets() throws Exception {
        Path signing = Files.writeString(dir.resolve("signing-key.pem"), KEYS.privateKeyBase64());
        Path publicKeys = Files.createDirectories(dir.resolve("public"));
        Files.writeString(publicKeys.resolve("safety-1.pub"), KEYS.publicKeyBase64());
        try (ApplicationContext context = ApplicationContext.builder().enableDefaultPropertySources(false)
                // a service's application.yml sets faultline.* keys of its own
                .properties(Map.of("kafka.enabled", false, "micronaut.health.monitor.enabled", false,
                        "faultline.service.name", "safety-service"))
                .propertySources(PropertySource.of("env", Map.of("FAULTLINE_CLEARANCE_KEY_ID", "safety-1",
                        "FAULTLINE_CLEARANCE_SIGNING_KEY_FILE", signing.toString(),
                        "FAULTLINE_CLEARANCE_PUBLIC_KEY_DIRECTORY", publicKeys.toString()),
                        PropertyConvention.ENVIRONMENT_VARIABLE))
                .start()) {
            assertThat(context.getBean(ClearanceSigningSettings.class).signer().keyId()).isEqualTo("safety-1");
            assertThat(context.getBean(ClearanceKeySettings.class).verifier().keyIds()).containsExactly("safety-1");
        }
    }

    @Test
    void shouldRefuseToVerifyWithoutAPublicKeyNamingTheSettings() {
        assertThatThrownBy(() -> SettingsBinding.bind(ClearanceVerifier.class, Map.of()))
                .hasStackTraceContaining("no public key to verify clearances with: set faultline.clearance.public-keys.<key-id>")
                .hasStackTraceContaining("or faultline.clearance.public-key-directory");
        assertThatThrownBy(() -> SettingsBinding.bind(ClearanceVerifier.class,
                Map.of("faultline.clearance.public-keys.safety-1", KEYS.privateKeyBase64())))
                .hasStackTraceContaining("faultline.clearance.public-keys.safety-1 is not an Ed25519 public key");
    }
}
