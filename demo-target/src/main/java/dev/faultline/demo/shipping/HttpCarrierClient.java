package dev.faultline.demo.shipping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.demo.carrier.Rate;
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

/** Calls {@code GET <carrier>/rates/{zone}} over HTTP/1.1 with one timeout for connect and answer. */
public final class HttpCarrierClient implements CarrierClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http;
    private final String baseUrl;
    private final Duration timeout;

    public HttpCarrierClient(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    @Override
    public Rate rate(String zone) throws CarrierUnavailableException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/rates/"
                        + URLEncoder.encode(zone, StandardCharsets.UTF_8)))
                .timeout(timeout).GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new CarrierUnavailableException("timeout", "the carrier did not answer within " + timeout.toMillis() + " ms");
        } catch (ConnectException e) {
            throw new CarrierUnavailableException("connect", "the carrier refused the connection (" + baseUrl + ")");
        } catch (IOException e) {
            throw new CarrierUnavailableException("io", "the carrier call failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CarrierUnavailableException("io", "interrupted while calling the carrier");
        }
        if (response.statusCode() != 200) {
            throw new CarrierUnavailableException("status", "the carrier answered " + response.statusCode());
        }
        try {
            JsonNode body = MAPPER.readTree(response.body());
            return new Rate(zone, new BigDecimal(body.path("amount").asText()), body.path("currency").asText("EUR"),
                    body.path("deliveryDays").asInt());
        } catch (IOException | NumberFormatException e) {
            throw new CarrierUnavailableException("body", "the carrier answered an unreadable rate: " + e.getMessage());
        }
    }
}
