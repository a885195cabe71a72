package dev.faultline.injector.fault.record;

/** One bad record to write: its kind, its key (null for {@link RecordKind#NULL_KEY}) and its value. */
public record MalformedRecord(RecordKind kind, String key, byte[] value) {
}
