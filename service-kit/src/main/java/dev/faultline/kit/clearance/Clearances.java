package dev.faultline.kit.clearance;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** What every service derives from a clearance alike. */
public final class Clearances {

    private Clearances() {
    }

    /**
     * The one injection a clearance can run, named by it: so a clearance that ran, or was refused, is known by its
     * injection's events, and analysis can watch a clearance that no injector took.
     */
    public static UUID injectionIdOf(UUID clearanceId) {
        return UUID.nameUUIDFromBytes(("injection:" + clearanceId).getBytes(StandardCharsets.UTF_8));
    }
}
