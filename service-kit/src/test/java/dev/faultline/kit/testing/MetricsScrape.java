package dev.faultline.kit.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One scrape of a service's {@code GET /metrics} (Prometheus text format), parsed just enough for assertions: the
 * value of a sample by metric name and a subset of its labels. Shared by the services' integration tests.
 */
public record MetricsScrape(int status, String contentType, String text) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** Scrapes {@code baseUrl + "/metrics"}. */
    public static MetricsScrape of(String baseUrl) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/metrics")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new MetricsScrape(response.statusCode(), response.headers().firstValue("content-type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot scrape " + baseUrl + "/metrics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scraping " + baseUrl, e);
        }
    }

    /** The value of the first sample of {@code name} whose labels include all of {@code labels}. */
    public OptionalDouble value(String name, Map<String, String> labels) {
        return samples(name).filter(sample -> labels(sample.group(3)).entrySet().containsAll(labels.entrySet()))
                .mapToDouble(sample -> Double.parseDouble(sample.group(4))).findFirst();
    }

    /** The value as {@link #value}, 0 when the sample is absent (a counter that has not counted yet). */
    public double count(String name, Map<String, String> labels) {
        return value(name, labels).orElse(0);
    }

    /** The label names of each series of {@code name}, one set per distinct combination, in the order first seen. */
    public Set<Set<String>> labelNames(String name) {
        return samples(name).map(sample -> (Set<String>) new TreeSet<>(labels(sample.group(3)).keySet()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The sample lines of {@code name}, matched: group 3 its labels, group 4 its value. */
    private Stream<Matcher> samples(String name) {
        return text.lines().map(line -> SAMPLE.matcher(line.trim()))
                .filter(sample -> sample.matches() && sample.group(1).equals(name));
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new HashMap<>();
        if (text != null) {
            Matcher label = LABEL.matcher(text);
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
        }
        return labels;
    }
}
