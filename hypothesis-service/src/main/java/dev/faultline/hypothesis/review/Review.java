package dev.faultline.hypothesis.review;

/**
 * One review round as asked: who, what decision, an optional comment and optional changes.
 *
 * @param changes null when none are asked for
 */
public record Review(String reviewer, Decision decision, String comment, Changes changes) {

    /** What a reviewer can decide. */
    public enum Decision { COMMENT, REQUEST_CHANGES, ACCEPT }
}
