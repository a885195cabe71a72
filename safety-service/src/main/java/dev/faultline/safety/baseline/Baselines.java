package dev.faultline.safety.baseline;

import java.util.Optional;

/** Port: where the norms of (service, probe) are kept. */
public interface Baselines {

    Optional<Baseline> find(String service, String probeId);

    void save(Baseline baseline);
}
