package dev.faultline.console.gateway;

import java.util.Locale;

/** The services the console forwards to, each at its {@code faultline.services.<name>-url}. */
public enum Upstream {
    HYPOTHESIS("hypothesis-url", "http://127.0.0.1:8101"),
    SAFETY("safety-url", "http://127.0.0.1:8102"),
    ANALYSIS("analysis-url", "http://127.0.0.1:8104"),
    CATALOG("catalog-url", "http://127.0.0.1:8105");

    private final String setting;
    private final String defaultUrl;

    Upstream(String setting, String defaultUrl) {
        this.setting = setting;
        this.defaultUrl = defaultUrl;
    }

    /** The configuration key of its address. */
    public String setting() {
        return "faultline.services." + setting;
    }

    public String defaultUrl() {
        return defaultUrl;
    }

    /** How the services name it (in a 502's message). */
    public String serviceName() {
        return name().toLowerCase(Locale.ROOT) + "-service";
    }
}
