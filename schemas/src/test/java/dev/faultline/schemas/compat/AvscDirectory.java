package dev.faultline.schemas.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/**
 * Reads a tree of {@code .avsc} files (one named type per file, referring to each other by name) into schemas by
 * full name, parsing each file after the types it refers to.
 */
public final class AvscDirectory {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAMESPACE = "dev.faultline.schemas.avro";

    private AvscDirectory() {
    }

    /** The raw JSON of every file under {@code root}, by the full name of the type it defines. */
    public static Map<String, JsonNode> json(Path root) {
        Map<String, JsonNode> byName = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList()) {
                JsonNode node = JSON.readTree(file.toFile());
                String namespace = node.path("namespace").asText(NAMESPACE);
                byName.put(namespace + "." + node.path("name").asText(), node);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byName;
    }

    /** Every named type under {@code root}, parsed, by full name. */
    public static Map<String, Schema> load(Path root) {
        Map<String, JsonNode> sources = json(root);
        Schema.Parser parser = new Schema.Parser();
        Map<String, Schema> parsed = new LinkedHashMap<>();
        for (String name : dependencyOrder(sources)) {
            parsed.put(name, parser.parse(sources.get(name).toString()));
        }
        return parsed;
    }

    private static List<String> dependencyOrder(Map<String, JsonNode> sources) {
        List<String> order = new ArrayList<>();
        Set<String> visiting = new HashSet<>();
        for (String name : sources.keySet()) {
            visit(name, sources, visiting, order);
        }
        return order;
    }

    private static void visit(String name, Map<String, JsonNode> sources, Set<String> visiting, List<String> order) {
        if (order.contains(name) || !visiting.add(name)) {
            return; // done, or a recursive type already being visited
        }
        Set<String> references = new HashSet<>();
        collectReferences(sources.get(name), references);
        for (String reference : references) {
            String full = reference.contains(".") ? reference : NAMESPACE + "." + reference;
            if (sources.containsKey(full) && !full.equals(name)) {
                visit(full, sources, visiting, order);
            }
        }
        order.add(name);
    }

    private static void collectReferences(JsonNode node, Set<String> references) {
        if (node.isTextual()) {
            references.add(node.asText());
        } else if (node.isArray()) {
            node.forEach(item -> collectReferences(item, references));
        } else if (node.isObject()) {
            for (String key : List.of("type", "items", "values", "fields")) {
                if (node.has(key)) {
                    collectReferences(node.get(key), references);
                }
            }
        }
    }
}
