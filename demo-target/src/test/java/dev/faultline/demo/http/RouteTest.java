package dev.faultline.demo.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTest {

    private final Route route = new Route("GET", "/products/{id}", request -> Response.json(200, Map.of()));

    @Test
    void shouldBindPathParameters() {
        assertThat(route.match("/products/sku-1")).contains(Map.of("id", "sku-1"));
    }

    @Test
    void shouldNotMatchOtherShapes() {
        assertThat(route.match("/products")).isEmpty();
        assertThat(route.match("/products/")).isEmpty();
        assertThat(route.match("/products/sku-1/extra")).isEmpty();
        assertThat(route.match("/orders/1")).isEmpty();
    }
}
