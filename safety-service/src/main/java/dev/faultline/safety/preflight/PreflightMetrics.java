package dev.faultline.safety.preflight;

/** Where the preflight reports each decision it publishes, for monitoring (port; Micrometer behind it). */
public interface PreflightMetrics {

    void decided(boolean passed);
}
