package dev.faultline.analysis.watchdog;

import jakarta.inject.Singleton;

/**
 * Whether the listener has handled the backlog that was on its topics when the service started: until then a store
 * being rebuilt from offset zero is incomplete, and nothing derived from it may be kept (a report rendered now).
 */
@Singleton
public class CatchUp {

    private volatile StartupBacklog backlog;

    public void track(StartupBacklog startupBacklog) {
        this.backlog = startupBacklog;
    }

    public boolean done() {
        StartupBacklog tracked = backlog;
        return tracked != null && tracked.caughtUp();
    }
}
