package dev.faultline.dataplane.toxic;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.faultline.dataplane.api.ApiException;
import java.util.Locale;

/**
 * The direction a toxic acts on, in Toxiproxy's words: {@code upstream} is the data the
 * client sends towards the upstream server, {@code downstream} the data coming back.
 */
public enum Stream {
    UPSTREAM, DOWNSTREAM;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Stream parse(String value) {
        for (Stream s : values()) {
            if (s.wireName().equalsIgnoreCase(value)) {
                return s;
            }
        }
        throw ApiException.badRequest("stream was invalid, can be either upstream or downstream (got '" + value + "')");
    }
}
