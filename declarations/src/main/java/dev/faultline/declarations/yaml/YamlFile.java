package dev.faultline.declarations.yaml;

import dev.faultline.declarations.yaml.LocatedYaml.Node;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What every declarations file reader shares: reading the YAML, and checks that record a located {@link Problem}
 * instead of stopping, so that a reader goes on and reports every problem of a file at once. A check that fails
 * returns null (or an empty value) and the reader carries on with what it has.
 */
public abstract class YamlFile {

    /** Names of services, endpoints, dependencies, templates: lower case letters, digits, '.', '_' or '-'. */
    protected static final String NAME = "[a-z0-9][a-z0-9._-]*";

    private final List<Problem> problems = new ArrayList<>();

    /** The document, or null when it is not YAML at all (then that is the one problem). */
    protected final Node parse(String text) {
        try {
            return LocatedYaml.read(text);
        } catch (LocatedYaml.Unreadable e) {
            problems.add(new Problem(e.line, e.column, "(file)", e.getMessage()));
            return null;
        }
    }

    /** @throws Invalid when any problem was recorded */
    protected final void throwIfInvalid() throws Invalid {
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
    }

    protected final int problemCount() {
        return problems.size();
    }

    protected final void problem(Node at, String path, String message) {
        problems.add(new Problem(at.line(), at.column(), path, message));
    }

    protected final String scalar(Node node, String path) {
        if (node == null || node.value() == null) {
            return null;
        }
        if (!node.isScalar()) {
            problem(node, path, "expected a single value, found a " + (node.isMap() ? "map" : "list"));
            return null;
        }
        return node.text();
    }

    protected final String required(Map<String, Node> fields, Node parent, String path, String key) {
        String value = scalar(fields.get(key), path + "." + key);
        if (value == null || value.isBlank()) {
            problem(fields.getOrDefault(key, parent), path + "." + key, "required");
            return null;
        }
        return value;
    }

    /** The value of {@code key} as one of {@code type}'s constants (any case), UNKNOWN excluded; null if absent. */
    protected final <E extends Enum<E>> E enumValue(Map<String, Node> fields, String path, String key, Class<E> type,
                                                      boolean isRequired, Node parent) {
        String text = scalar(fields.get(key), path + "." + key);
        if (text == null) {
            if (isRequired) {
                problem(parent, path + "." + key, "required: one of " + names(type));
            }
            return null;
        }
        Optional<E> value = EnumNames.parse(text, type);
        if (value.isPresent()) {
            return value.get();
        }
        problem(fields.get(key), path + "." + key, "'" + text + "' is not one of " + names(type));
        return null;
    }

    protected static <E extends Enum<E>> List<String> names(Class<E> type) {
        return EnumNames.names(type);
    }

    /** A whole number of {@code key}, at least {@code min}; {@code fallback} when absent. */
    protected final Long number(Map<String, Node> fields, String path, String key, long min, Long fallback) {
        String text = scalar(fields.get(key), path + "." + key);
        if (text == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(fields.get(key), path + "." + key, "a whole number of at least " + min + ", was '" + text + "'");
        return fallback;
    }

    /**
     * A duration of {@code key} in milliseconds: a number with a unit ({@code 250ms}, {@code 3s}, {@code 1m});
     * {@code fallback} when absent.
     */
    protected final Long millis(Map<String, Node> fields, String path, String key, Long fallback) {
        String text = scalar(fields.get(key), path + "." + key);
        if (text == null) {
            return fallback;
        }
        Optional<Long> parsed = Durations.millis(text);
        if (parsed.isEmpty()) {
            problem(fields.get(key), path + "." + key, "a duration such as 250ms, 3s or 1m, was '" + text + "'");
            return fallback;
        }
        return parsed.get();
    }

    protected final String url(Node spec, String path, boolean isRequired, Node parent) {
        String text = scalar(spec, path);
        if (text == null) {
            if (isRequired) {
                problem(parent, path, "required: the http(s) URL");
            }
            return null;
        }
        try {
            URI uri = URI.create(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problem(spec, path, "'" + text + "' is not an http(s) URL");
        return null;
    }

    protected final List<String> strings(Node node, String path) {
        List<String> values = new ArrayList<>();
        if (node == null) {
            return values;
        }
        List<Node> list = list(node, path);
        for (Node item : list == null ? List.<Node>of() : list) {
            String value = scalar(item, path);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    protected final Map<String, String> stringMap(Node node, String path) {
        Map<String, String> values = new LinkedHashMap<>();
        if (node == null) {
            return values;
        }
        Map<String, Node> map = map(node, path);
        if (map != null) {
            map.forEach((key, value) -> {
                String text = scalar(value, path + "." + key);
                if (text != null) {
                    values.put(key, text);
                }
            });
        }
        return values;
    }

    protected final Map<String, Node> map(Node node, String path) {
        if (!node.isMap()) {
            problem(node, path, "expected a map of names to settings, found " + describe(node));
            return null;
        }
        return node.map();
    }

    protected final List<Node> list(Node node, String path) {
        if (!node.isList()) {
            problem(node, path, "expected a list ([a, b]), found " + describe(node));
            return null;
        }
        return node.list();
    }

    /** The items of a map of names to settings, each read by {@code reader} (null results are left out). */
    protected final <T> List<T> named(Node spec, String path, NamedReader<T> reader) {
        List<T> items = new ArrayList<>();
        if (spec == null) {
            return items;
        }
        Map<String, Node> byName = map(spec, path);
        if (byName == null) {
            return items;
        }
        byName.forEach((name, item) -> {
            if (!name.matches(NAME)) {
                problem(item, path + "." + name, "a name is lower case letters, digits, '.', '_' or '-'");
            }
            T read = reader.read(name, item, path + "." + name);
            if (read != null) {
                items.add(read);
            }
        });
        return items;
    }

    /** The items of a list, each read by {@code reader} with its path {@code path[i]} (null results left out). */
    protected final <T> List<T> each(Node spec, String path, Function<Item, T> reader) {
        List<T> items = new ArrayList<>();
        if (spec == null) {
            return items;
        }
        List<Node> list = list(spec, path);
        for (int i = 0; list != null && i < list.size(); i++) {
            T read = reader.apply(new Item(list.get(i), path + "[" + i + "]"));
            if (read != null) {
                items.add(read);
            }
        }
        return items;
    }

    /** One item of a list and its path. */
    protected record Item(Node node, String path) {
    }

    @FunctionalInterface
    protected interface NamedReader<T> {
        T read(String name, Node spec, String path);
    }

    protected final void allowOnly(Map<String, Node> fields, String path, String... allowed) {
        List<String> known = List.of(allowed);
        fields.forEach((key, value) -> {
            if (!known.contains(key)) {
                problem(value, path + "." + key, "unknown key '" + key + "'; expected one of " + known);
            }
        });
    }

    protected static String describe(Node node) {
        return node.isList() ? "a list" : node.isMap() ? "a map" : node.value() == null ? "nothing" : "'" + node.text() + "'";
    }
}
