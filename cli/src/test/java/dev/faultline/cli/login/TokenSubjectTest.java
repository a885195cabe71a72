package dev.faultline.cli.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenSubjectTest {

    private static String token(String claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"EdDSA\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    @Test
    void shouldReadTheSubjectOfTheToken() {
        assertThat(TokenSubject.of(token("{\"sub\":\"dora\",\"roles\":[\"operator\"],\"exp\":1}"))).isEqualTo("dora");
    }

    @Test
    void shouldSayHowToSignInWhenThereIsNoUsableToken() {
        assertThatThrownBy(() -> TokenSubject.of(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("not signed in: run `faultline login --user NAME`");
        assertThatThrownBy(() -> TokenSubject.of("opaque")).hasMessageContaining("not a JWT")
                .hasMessageContaining("faultline login");
        assertThatThrownBy(() -> TokenSubject.of(token("{\"roles\":[]}"))).hasMessageContaining("names no user");
        assertThatThrownBy(() -> TokenSubject.of("a.%%%.c")).hasMessageContaining("claims are not readable");
    }
}
