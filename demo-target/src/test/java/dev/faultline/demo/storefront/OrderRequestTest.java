package dev.faultline.demo.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.demo.http.BadRequestException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OrderRequestTest {

    @Test
    void shouldReadAValidOrder() {
        assertThat(parse("{\"productId\":\"sku-1\",\"quantity\":2}")).isEqualTo(new OrderRequest("sku-1", 2));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"productId\":|malformed JSON",
        "[1,2]|must be a JSON object",
        "{\"quantity\":1}|productId is required",
        "{\"productId\":\"sku-1\"}|quantity is required",
        "{\"productId\":\"sku-1\",\"quantity\":1.5}|quantity is required",
        "{\"productId\":\"sku-1\",\"quantity\":0}|quantity must be 1-100",
        "{\"productId\":\"sku-1\",\"quantity\":\"2\"}|quantity is required"})
    void shouldRejectABadBodyNamingTheProblem(String body, String message) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(BadRequestException.class).hasMessageContaining(message);
    }

    @Test
    void shouldRejectAnEmptyBody() {
        assertThatThrownBy(() -> OrderRequest.parse(new byte[0])).isInstanceOf(BadRequestException.class);
    }

    private static OrderRequest parse(String body) {
        return OrderRequest.parse(body.getBytes(StandardCharsets.UTF_8));
    }
}
