package dev.faultline.injector.fault;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The rollback rehearsal on one data-plane proxy, alike for an L4 toxic and an L7 rule: a harmless fault under a
 * short lease of its own is created, seen listed, deleted, and seen gone with no lease left.
 *
 * @param kind "toxic" or "rule", for the messages
 * @param harmless what the harmless fault does, for the messages (e.g. "latency 0, toxicity 0")
 * @param place the proxy in words, e.g. "proxy 'pricing'"
 */
record DataPlaneRehearsal(DataPlanePort dataPlane, String kind, String harmless, String place,
                          BiConsumer<String, Lease> create, Supplier<List<String>> names, Consumer<String> delete) {

    String run() {
        String name = "faultline-dry-run-" + UUID.randomUUID().toString().substring(0, 8);
        String holder = "injector:" + name;
        create.accept(name, new Lease(holder, Duration.ofSeconds(3)));
        try {
            if (!names.get().contains(name)) {
                throw new DataPlaneException("harmless " + kind + " " + name + " was accepted but is not listed on " + place);
            }
            delete.accept(name);
        } finally {
            dataPlane.release(holder);
        }
        if (names.get().contains(name) || !dataPlane.leasesOf(holder).isEmpty()) {
            throw new DataPlaneException("harmless " + kind + " " + name + " still present on " + place + " after DELETE");
        }
        return "created harmless " + kind + " " + name + " (" + harmless + ") on " + place
                + ", deleted it and confirmed it is gone";
    }
}
