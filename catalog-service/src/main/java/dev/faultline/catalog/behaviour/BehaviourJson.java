package dev.faultline.catalog.behaviour;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.faultline.schemas.avro.KnownBehaviourUpdated;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON of each catalog entry as {@code GET /catalog/{service}/{faultType}} answers it, written once per version of
 * the entry: the entry read from the store is compared with the one last written, and written again only when it
 * changed (a verdict, a staleness change). Writing the JSON was a fifth of that query's CPU; the entries are few (one
 * per service and failure mode) and bounded here all the same.
 */
@Singleton
public class BehaviourJson {

    private static final int MAX_ENTRIES = 100_000;

    private final JsonMapper json;
    private final Cache<String, Written> written = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();

    public BehaviourJson(JsonMapper json) {
        this.json = json;
    }

    /** {@code entry} as the API's JSON ({@link BehaviourView}). */
    public byte[] of(KnownBehaviourUpdated entry) {
        Written last = written.getIfPresent(entry.getBehaviourKey());
        if (last != null && last.entry().equals(entry)) {
            return last.json();
        }
        byte[] bytes = write(BehaviourView.of(entry));
        written.put(entry.getBehaviourKey(), new Written(entry, bytes));
        return bytes;
    }

    private byte[] write(BehaviourView view) {
        try {
            return json.writeValueAsBytes(view);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + view.behaviourKey() + " as JSON", e);
        }
    }

    private record Written(KnownBehaviourUpdated entry, byte[] json) {
    }
}
