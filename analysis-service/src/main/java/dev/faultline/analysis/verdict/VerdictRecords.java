package dev.faultline.analysis.verdict;

import dev.faultline.schemas.avro.VerdictIssued;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** The verdicts issued, at most one per injection: the store that makes issuing happen once. */
public interface VerdictRecords {

    Optional<IssuedVerdict> find(String experimentId, UUID injectionId);

    /** Whether the injection has a verdict and whether it reached the topic, without reading the verdict itself or waiting. */
    CompletionStage<Claim> claimOf(String experimentId, UUID injectionId);

    /** An injection's verdict as far as issuing goes. */
    enum Claim {
        /** No verdict yet. */
        NONE,
        /** Claimed but not published yet (its publication failed): publish it. */
        UNPUBLISHED,
        /** Published: nothing left to do. */
        PUBLISHED
    }

    /** The most recently issued verdict of an experiment. */
    Optional<IssuedVerdict> latest(String experimentId);

    /** Stores a verdict about to be published unless the injection has one already; true when it was stored. */
    boolean claim(IssuedVerdict verdict);

    void markPublished(String experimentId, UUID injectionId);

    /** Records a verdict read back from the verdicts topic as published (a rebuilt store learns what was issued). */
    void saveKnown(VerdictIssued issued);

    void saveReport(String experimentId, UUID injectionId, String report);
}
