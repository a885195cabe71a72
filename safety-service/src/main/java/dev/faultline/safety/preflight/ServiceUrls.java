package dev.faultline.safety.preflight;

import dev.faultline.kit.SettingChecks;
import io.micronaut.context.annotation.ConfigurationInject;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;

/**
 * Where safety-service finds the services it calls ({@code faultline.services.*}):
 * {@code injector-url} (required; {@code http://127.0.0.1:8103} in application.yml), injector-service's HTTP API,
 * where the ROLLBACK_READY check rehearses the stop action. The other {@code faultline.services.*-url} keys the
 * stack passes to every service are not used here.
 */
@ConfigurationProperties("faultline.services")
public final class ServiceUrls {

    private static final String INJECTOR_URL = "faultline.services.injector-url";

    private final String injectorUrl;

    @ConfigurationInject
    public ServiceUrls(@Nullable String injectorUrl) {
        this.injectorUrl = httpUrl(injectorUrl);
    }

    private static String httpUrl(@Nullable String url) {
        SettingChecks.notBlank(url, INJECTOR_URL);
        try {
            URI uri = URI.create(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                // without its trailing slash, so that paths can be appended
                return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            }
        } catch (IllegalArgumentException e) {
            // reported below with the key
        }
        throw new IllegalArgumentException(INJECTOR_URL + " must be an http(s) URL, was " + url);
    }

    /** injector-service's base URL, without a trailing slash. */
    public String injectorUrl() {
        return injectorUrl;
    }
}
