package dev.faultline.demo.storefront;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.demo.pricing.Price;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Calls {@code GET <pricing>/prices/{id}} over HTTP/1.1 with one timeout for connect and answer. */
public final class HttpPricingClient implements PricingClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http;
    private final String baseUrl;
    private final Duration timeout;

    public HttpPricingClient(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    @Override
    public Price fetch(String productId) throws PricingUnavailableException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/prices/"
                        + URLEncoder.encode(productId, StandardCharsets.UTF_8)))
                .timeout(timeout).GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new PricingUnavailableException("timeout", "pricing did not answer within " + timeout.toMillis() + " ms");
        } catch (ConnectException e) {
            throw new PricingUnavailableException("connect", "pricing refused the connection (" + baseUrl + ")");
        } catch (IOException e) {
            throw new PricingUnavailableException("io", "pricing call failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PricingUnavailableException("io", "interrupted while calling pricing");
        }
        if (response.statusCode() != 200) {
            throw new PricingUnavailableException("status", "pricing answered " + response.statusCode());
        }
        try {
            JsonNode body = MAPPER.readTree(response.body());
            return new Price(productId, new BigDecimal(body.path("amount").asText()), body.path("currency").asText("EUR"));
        } catch (IOException | NumberFormatException e) {
            throw new PricingUnavailableException("body", "pricing answered an unreadable price: " + e.getMessage());
        }
    }
}
