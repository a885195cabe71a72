package dev.faultline.safety.norm;

import dev.faultline.schemas.avro.Environment;

/**
 * Whose history: one probe of one service in one environment — staging's storefront is not production's, even when
 * their plans name the probe alike.
 */
public record ProbeKey(Environment environment, String service, String probeId) {

    @Override
    public String toString() {
        return environment + "/" + service + "/" + probeId;
    }
}
