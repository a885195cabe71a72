package dev.faultline.cli.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.faultline.cli.FaultlineCli;
import dev.faultline.devstack.issuer.IssuerUsers;
import dev.faultline.devstack.issuer.LocalIssuer;
import dev.faultline.devstack.support.FreePorts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code faultline login} against the devstack's real token issuer, storing the token under a throwaway home. */
class LoginCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private LocalIssuer issuer;
    private String userHome;
    @TempDir
    Path home;

    @BeforeEach
    void start() {
        issuer = LocalIssuer.start(IssuerUsers.bundled(), 0);
        userHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString()); // where TokenStore.ofProcess() stores without FAULTLINE_HOME
    }

    @AfterEach
    void stop() {
        System.setProperty("user.home", userHome);
        issuer.close();
    }

    @Test
    void shouldStoreTheTokenOfAUserOfTheUsersFile() throws Exception {
        assertThat(run("login", "--user", "carol", "--issuer", issuer.url())).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("signed in as carol (roles: approver:staging, "
                + "approver:production) for 60 min; token in " + home.resolve(".faultline/token"));
        SignedJWT token = SignedJWT.parse(Files.readString(home.resolve(".faultline/token")).strip());
        assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("carol");
    }

    @Test
    void shouldSayWhoIsUnknownAndWhenTheIssuerIsNotThere() {
        assertThat(run("login", "--user", "mallory", "--issuer", issuer.url())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("refused to sign in mallory: no user 'mallory'", "alice");
        assertThat(run("login", "--user", "alice", "--issuer", "http://127.0.0.1:" + FreePorts.next())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("the token issuer is not reachable");
        assertThat(home.resolve(".faultline/token")).doesNotExist();
    }

    private int run(String... tokens) {
        return FaultlineCli.run(List.of(tokens), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    }
}
