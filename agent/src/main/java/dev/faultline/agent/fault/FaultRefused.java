package dev.faultline.agent.fault;

/**
 * The agent refuses a fault before touching anything, and says why. One root, one subclass per
 * reason, so the API maps each to its status and callers can tell a typo from a policy.
 */
public abstract class FaultRefused extends RuntimeException {

    protected FaultRefused(String message) {
        super(message);
    }

    /** The request is malformed or names nothing: unknown kind, bad attribute, no matching process. */
    public static final class Invalid extends FaultRefused {
        public Invalid(String message) {
            super(message);
        }
    }

    /**
     * The fault comes without a clearance safety-service signed for its run, or with one that does not verify
     * (forged, altered, signed with an unknown key, expired).
     */
    public static final class NotCleared extends FaultRefused {
        public NotCleared(String message) {
            super(message);
        }
    }

    /** The target is outside the allow-list (or is the agent itself). */
    public static final class NotAllowed extends FaultRefused {
        public NotAllowed(String message) {
            super(message);
        }
    }

    /** Applying it would push the host below a configured floor (free disk, available memory). */
    public static final class BelowFloor extends FaultRefused {
        public BelowFloor(String message) {
            super(message);
        }
    }

    /** A fault of that name is already in force. */
    public static final class NameInUse extends FaultRefused {
        public NameInUse(String message) {
            super(message);
        }
    }

    /** No fault of that name is in force (never created, stopped, or its lease lapsed). */
    public static final class Unknown extends FaultRefused {
        public Unknown(String message) {
            super(message);
        }
    }
}
