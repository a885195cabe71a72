package dev.faultline.agent.fault;

/** A fault in force on the host. */
public interface Effect {

    /** Measures the effect now (threads burning, bytes resident, files present, processes stopped...). */
    Check check();

    /**
     * Undoes the fault and measures that the undoing took effect. Never throws: an undo that
     * failed or could not be verified is a {@link Check} that is not ok, saying why.
     */
    Check remove();
}
