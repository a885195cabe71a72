package dev.faultline.injector.fault;

/**
 * One injection's fault, planned from its FaultSpec by a {@link FaultKind} and bound to the place it lives (a proxy,
 * a host's agent, a topic) and to the injection's lease. The lifecycle calls {@link #rehearse()} before anything
 * real, then {@link #apply()}, {@link #renew()} while it runs and {@link #remove()} always. Every call either succeeds
 * or throws {@link FaultException} with the reason.
 */
public interface Fault {

    /** Where the fault lives, in words, for logs and events: "L4 proxy 'pricing'". */
    String where();

    /**
     * The rollback rehearsal: creates a harmless fault of the same kind in the same place, checks that it exists,
     * removes it and checks that it is gone. Returns what was done; proves that the place exists and answers.
     */
    String rehearse();

    /** Creates the fault under the injection's lease; if part of it is refused, what was created is removed first. */
    void apply();

    /** Renews the lease; false when the fault is no longer there (its lease lapsed). */
    boolean renew();

    /** Removes every part of the fault and returns whether its place confirms that nothing of it is left. */
    boolean remove();

    /**
     * What the last {@link #remove()} found in the fault's place, in words, when there is more to say than "gone" —
     * e.g. that a killed process came back as another pid (a kill cannot be undone: its removal's news is whether
     * something brought the process back) — for InjectionStopped's detail; empty when there is nothing more.
     */
    default String removalDetail() {
        return "";
    }
}
