package dev.faultline.cli.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {

    @Test
    void shouldKeepTheTokenUnderTheUsersHomeReadableByTheOwnerOnly(@TempDir Path home) throws Exception {
        TokenStore store = new TokenStore(Map.of(), home);
        assertThat(store.stored()).isEmpty();

        Path file = store.save("first.token.jwt");
        store.save("second.token.jwt");

        assertThat(file).isEqualTo(home.resolve(".faultline/token"));
        assertThat(store.stored()).contains("second.token.jwt");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void shouldUseFaultlineHomeWhenSet(@TempDir Path dir) {
        TokenStore store = new TokenStore(Map.of("FAULTLINE_HOME", dir.resolve("fl").toString()), dir.resolve("home"));

        assertThat(store.save("t")).isEqualTo(dir.resolve("fl/token"));
        assertThat(store.stored()).contains("t");
    }
}
