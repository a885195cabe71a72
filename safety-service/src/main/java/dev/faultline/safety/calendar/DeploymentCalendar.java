package dev.faultline.safety.calendar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calendar as currently known: the freezes of the configuration (fixed) and the entries other tools published on
 * the calendar topic, by entry id so that a republished entry replaces the old one and a cancelled one disappears.
 */
public final class DeploymentCalendar {

    private final List<CalendarEntry> configured;
    private final Map<String, CalendarEntry> published = new ConcurrentHashMap<>();

    public DeploymentCalendar(List<CalendarEntry> configured) {
        this.configured = List.copyOf(configured);
    }

    public void put(CalendarEntry entry) {
        published.put(entry.id(), entry);
    }

    public void remove(String entryId) {
        published.remove(entryId);
    }

    public List<CalendarEntry> all() {
        List<CalendarEntry> all = new ArrayList<>(configured);
        all.addAll(published.values());
        return all;
    }
}
