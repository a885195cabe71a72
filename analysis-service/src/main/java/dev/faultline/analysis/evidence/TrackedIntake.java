package dev.faultline.analysis.evidence;

import dev.faultline.analysis.watchdog.StartupBacklog;
import dev.faultline.kit.events.EventHandler;
import dev.faultline.kit.events.IncomingEvent;

/** Wraps the intake so that every handled record, processed or dead-lettered, counts against the start-up backlog. */
public record TrackedIntake(EventHandler intake, StartupBacklog backlog) implements EventHandler {

    @Override
    public void handle(IncomingEvent event) throws Exception {
        try {
            intake.handle(event);
        } finally {
            backlog.handled(event.topic(), event.partition(), event.offset());
        }
    }
}
