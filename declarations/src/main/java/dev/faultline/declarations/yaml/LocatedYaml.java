package dev.faultline.declarations.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document read token by token (Jackson's YAML parser) into maps, lists and scalars that each remember the
 * line and column they start at, so that every problem found in a file can be located. A key given twice is a
 * problem, not a silent override. Anchors and aliases ({@code &name}, {@code *name}) share a part between places;
 * an alias stands for its anchor's node, located where the anchor is.
 */
public final class LocatedYaml {

    /** A value and where it starts: a {@code Map<String, Node>}, a {@code List<Node>}, or a scalar's text (or null). */
    public record Node(Object value, int line, int column) {

        public boolean isMap() {
            return value instanceof Map;
        }

        public boolean isList() {
            return value instanceof List;
        }

        public boolean isScalar() {
            return !isMap() && !isList();
        }

        @SuppressWarnings("unchecked")
        public Map<String, Node> map() {
            return (Map<String, Node>) value;
        }

        @SuppressWarnings("unchecked")
        public List<Node> list() {
            return (List<Node>) value;
        }

        public String text() {
            return value == null ? null : value.toString();
        }
    }

    /** The document could not be read as YAML at all. */
    public static final class Unreadable extends Exception {
        public final int line;
        public final int column;

        Unreadable(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    private LocatedYaml() {
    }

    public static Node read(String text) throws Unreadable {
        try (JsonParser parser = new YAMLFactory().createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Node(new LinkedHashMap<String, Node>(), 1, 1);
            }
            return value(parser, new HashMap<>());
        } catch (Unreadable e) {
            throw e;
        } catch (IOException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            JsonLocation at = e instanceof com.fasterxml.jackson.core.JsonProcessingException p && p.getLocation() != null
                    ? p.getLocation() : JsonLocation.NA;
            throw new Unreadable("not YAML: " + message, Math.max(at.getLineNr(), 1), Math.max(at.getColumnNr(), 1));
        }
    }

    private static Node value(JsonParser parser, Map<String, Node> anchors) throws IOException, Unreadable {
        JsonLocation at = parser.currentTokenLocation();
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            Node anchored = anchors.get(parser.getText());
            if (anchored == null) {
                throw new Unreadable("'*" + parser.getText() + "' names no anchor (&" + parser.getText()
                        + ") given before it", at.getLineNr(), at.getColumnNr());
            }
            return anchored;
        }
        String anchor = parser.getObjectId() == null ? null : parser.getObjectId().toString();
        Node node = node(parser, anchors, at);
        if (anchor != null) {
            anchors.put(anchor, node);
        }
        return node;
    }

    private static Node node(JsonParser parser, Map<String, Node> anchors, JsonLocation at)
            throws IOException, Unreadable {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, Node> map = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonLocation keyAt = parser.currentTokenLocation();
                parser.nextToken();
                Node child = value(parser, anchors);
                if (map.containsKey(key)) {
                    throw new Unreadable("'" + key + "' is given twice", keyAt.getLineNr(), keyAt.getColumnNr());
                }
                map.put(key, child);
            }
            return new Node(map, at.getLineNr(), at.getColumnNr());
        }
        if (token == JsonToken.START_ARRAY) {
            List<Node> list = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                list.add(value(parser, anchors));
            }
            return new Node(list, at.getLineNr(), at.getColumnNr());
        }
        return new Node(token == JsonToken.VALUE_NULL ? null : parser.getText(), at.getLineNr(), at.getColumnNr());
    }
}
