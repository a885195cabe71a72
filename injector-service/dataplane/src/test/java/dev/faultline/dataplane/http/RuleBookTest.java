package dev.faultline.dataplane.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.dataplane.api.ApiException;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RuleBookTest {

    private static final HttpRequest GET_ORDERS = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/orders/7");

    private static HttpRuleSpec respond(String name, String path, int status, double share) {
        return new HttpRuleSpec(name, "respond", new HttpMatch(null, new PathPattern(path, PathPattern.Kind.PREFIX), Map.of()),
                share, new RespondAction(status, null, null, null));
    }

    private static int status(Outcome outcome) {
        return outcome instanceof Outcome.Respond respond ? respond.status() : -1;
    }

    @Test
    void shouldLetTheFirstMatchingRuleInCreationOrderDecide() {
        RuleBook book = new RuleBook(new Random(1));
        book.add(respond("other", "/users", 500, 1.0), "p");
        book.add(respond("first", "/orders", 503, 1.0), "p");
        book.add(respond("second", "/", 429, 1.0), "p");
        assertThat(status(book.decide(GET_ORDERS))).isEqualTo(503);
        assertThat(book.find("second").orElseThrow().matched()).isZero();
    }

    @Test
    void shouldPassARequestTheFirstMatchingRuleDidNotSelect() {
        RuleBook book = new RuleBook(new Random(1));
        book.add(respond("never", "/orders", 503, 0.0), "p");
        book.add(respond("always", "/", 429, 1.0), "p");
        assertThat(book.decide(GET_ORDERS)).isSameAs(Outcome.PASS);
        assertThat(book.find("never").orElseThrow().matched()).isEqualTo(1);
        assertThat(book.find("never").orElseThrow().applied()).isZero();
    }

    @Test
    void shouldAffectThePlannedShareOfTheRequestsItMatchesAndCountThem() {
        RuleBook book = new RuleBook(new Random(42));
        book.add(respond("flaky", "/", 503, 0.3), "p");
        int answered = 0;
        for (int i = 0; i < 1000; i++) {
            answered += book.decide(GET_ORDERS) instanceof Outcome.Respond ? 1 : 0;
        }
        HttpRule rule = book.find("flaky").orElseThrow();
        assertThat(answered).isEqualTo(300);
        assertThat(rule.matched()).isEqualTo(1000);
        assertThat(rule.applied()).isEqualTo(300);
    }

    @Test
    void shouldRefuseADuplicateNameAndRemoveOnlyTheExpectedRule() {
        RuleBook book = new RuleBook(new Random(1));
        HttpRule first = book.add(respond("down", "/", 503, 1.0), "pricing");
        assertThatThrownBy(() -> book.add(respond("down", "/", 500, 1.0), "pricing"))
                .isInstanceOf(ApiException.class).hasMessageContaining("rule down already exists on http proxy pricing");
        book.remove("down", null);
        HttpRule second = book.add(respond("down", "/", 500, 1.0), "pricing");
        assertThat(book.remove("down", first)).as("a stale expiry leaves the new rule alone").isFalse();
        assertThat(book.all()).containsExactly(second);
    }
}
