package dev.faultline.dataplane.toxic;

/**
 * One fault kind's own attributes (a record per type: {@link LatencyToxic}, ...), kept apart
 * from the common envelope ({@link ToxicSpec}). A toxic makes a fresh {@link ToxicStage} for
 * each connection direction it affects; the stage holds the per-connection state.
 */
public interface Toxic {

    /** A new stage for one direction of one connection. Called on that connection's event loop. */
    ToxicStage newStage(StageContext context);
}
