package dev.faultline.agent.fault;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A measurement of a fault's effect on the host: whether it is as it should be, a sentence a
 * person can read, and the figures it rests on (units in their names: {@code residentMb}, {@code pids}).
 */
public record Check(boolean ok, String detail, Map<String, Object> evidence) {

    public Check {
        evidence = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    public static Check ok(String detail, Map<String, Object> evidence) {
        return new Check(true, detail, evidence);
    }

    public static Check failed(String detail, Map<String, Object> evidence) {
        return new Check(false, detail, evidence);
    }

    public static Check of(boolean ok, String detail, Map<String, Object> evidence) {
        return new Check(ok, detail, evidence);
    }
}
