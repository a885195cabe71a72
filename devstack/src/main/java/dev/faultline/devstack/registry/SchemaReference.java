package dev.faultline.devstack.registry;

/**
 * A reference from one schema to a named type registered under another subject, exactly as
 * Confluent's API carries it: {@code {"name": ..., "subject": ..., "version": ...}}.
 */
public record SchemaReference(String name, String subject, int version) {
}
