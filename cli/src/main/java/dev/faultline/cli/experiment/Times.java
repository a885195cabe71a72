package dev.faultline.cli.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Times as the CLI prints them: {@code HH:mm:ss.SSS} UTC, from epoch millis or ISO-8601 text. */
public final class Times {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private Times() {
    }

    public static String clock(Instant instant) {
        return instant == null ? "?" : CLOCK.format(instant);
    }

    /** A JSON time (number of epoch millis, or ISO text) as {@code HH:mm:ss.SSS}, or the text itself. */
    public static String clock(JsonNode node) {
        if (node.isNumber()) {
            return clock(Instant.ofEpochMilli(node.asLong()));
        }
        String text = node.asText("");
        try {
            return clock(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return text.isEmpty() ? "?" : text;
        }
    }
}
