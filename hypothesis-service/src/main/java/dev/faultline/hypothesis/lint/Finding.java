package dev.faultline.hypothesis.lint;

import dev.faultline.schemas.avro.LintRule;

/**
 * One reason a proposal or hypothesis cannot run as it stands: the rule broken, a message that says what to fix,
 * and where (a path such as {@code predictions[reads-p99].threshold}), if it is about one field.
 */
public record Finding(LintRule rule, String message, String path) {

    public static Finding of(LintRule rule, String path, String message) {
        return new Finding(rule, message, path);
    }

    /** The finding as one line for an HTTP {@code reasons} list. */
    public String reason() {
        return rule + (path == null ? "" : " at " + path) + ": " + message;
    }
}
