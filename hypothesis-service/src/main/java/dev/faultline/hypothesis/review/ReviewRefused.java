package dev.faultline.hypothesis.review;

import java.util.List;

/** A review that cannot be recorded, and why; the HTTP adapter maps the kind to a status. */
public class ReviewRefused extends RuntimeException {

    /** Why the review is refused. */
    public enum Kind { NOT_FOUND, FORBIDDEN, CONFLICT, INVALID, UNPROCESSABLE }

    private final Kind kind;
    private final List<String> reasons;

    public ReviewRefused(Kind kind, String message, List<String> reasons) {
        super(message);
        this.kind = kind;
        this.reasons = List.copyOf(reasons);
    }

    public ReviewRefused(Kind kind, String message) {
        this(kind, message, List.of());
    }

    public Kind kind() {
        return kind;
    }

    public List<String> reasons() {
        return reasons;
    }
}
