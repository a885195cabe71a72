package dev.faultline.safety.calendar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The freezes currently known: those from the configuration (fixed) and those published on the calendar topic by
 * other tools, by entry id so that a republished entry replaces the old one and a cancelled one disappears.
 */
public final class FreezeCalendar {

    private final List<Freeze> configured;
    private final Map<String, Freeze> published = new ConcurrentHashMap<>();

    public FreezeCalendar(List<Freeze> configured) {
        this.configured = List.copyOf(configured);
    }

    public void put(String entryId, Freeze freeze) {
        published.put(entryId, freeze);
    }

    public void remove(String entryId) {
        published.remove(entryId);
    }

    public List<Freeze> all() {
        List<Freeze> all = new ArrayList<>(configured);
        all.addAll(published.values());
        return all;
    }
}
