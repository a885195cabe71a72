package dev.faultline.devstack.support;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Where a class was loaded from: its class directory or jar, as a classpath entry. */
public final class CodeLocations {

    private CodeLocations() {
    }

    public static String of(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + type.getName(), e);
        }
    }
}
