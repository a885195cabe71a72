package dev.faultline.dataplane.http;

import dev.faultline.dataplane.api.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The registry of L7 actions by name. A new action is one record implementing
 * {@link HttpAction} plus one {@link #register} line in {@link #builtIn()}.
 */
public final class HttpActionTypes {

    private final Map<String, HttpActionType<?>> byName = new LinkedHashMap<>();

    /** The five built-in actions with their stated defaults. */
    public static HttpActionTypes builtIn() {
        return new HttpActionTypes()
                .register(new HttpActionType<>("respond", RespondAction.class, new RespondAction(503, null, null, null)))
                .register(new HttpActionType<>("delay", DelayAction.class, new DelayAction(0, 0)))
                .register(new HttpActionType<>("replace_body", ReplaceBodyAction.class, new ReplaceBodyAction(null, null)))
                .register(new HttpActionType<>("corrupt_body", CorruptBodyAction.class, new CorruptBodyAction(1, -1)))
                .register(new HttpActionType<>("abort", AbortAction.class, new AbortAction(null)));
    }

    public HttpActionTypes register(HttpActionType<?> type) {
        if (byName.putIfAbsent(type.name(), type) != null) {
            throw new IllegalStateException("action " + type.name() + " registered twice");
        }
        return this;
    }

    /** The action called {@code name}; a 400 listing the known actions otherwise. */
    public HttpActionType<?> get(String name) {
        HttpActionType<?> type = name == null ? null : byName.get(name);
        if (type == null) {
            throw ApiException.badRequest("unknown action type '" + name + "'; known types: " + String.join(", ", byName.keySet()));
        }
        return type;
    }
}
