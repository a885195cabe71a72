package dev.faultline.agent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BearerTokenTest {

    private final BearerToken token = new BearerToken("s3cret-s3cret-s3cret");

    @Test
    void shouldAcceptTheSharedTokenWithTheBearerSchemeInAnyCase() {
        assertThat(token.refusal("Bearer s3cret-s3cret-s3cret")).isNull();
        assertThat(token.refusal("bearer s3cret-s3cret-s3cret")).isNull();
    }

    @Test
    void shouldSayWhatIsWrongWithEveryOtherHeader() {
        assertThat(token.refusal(null)).startsWith("missing Authorization header");
        assertThat(token.refusal("Basic dXNlcjpwYXNz")).contains("Bearer scheme");
        assertThat(token.refusal("Bearer s3cret-s3cret-s3cre")).isEqualTo("bearer token is not the agent's shared token");
        assertThat(token.refusal("Bearer ")).isEqualTo("bearer token is not the agent's shared token");
    }

    @Test
    void shouldRefuseAShortSecret() {
        assertThatThrownBy(() -> new BearerToken("short")).hasMessageContaining("at least 16 characters");
    }
}
