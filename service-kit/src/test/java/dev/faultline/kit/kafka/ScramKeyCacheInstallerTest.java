package dev.faultline.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.schemas.kafka.ScramKeyCache;
import io.micronaut.context.ApplicationContext;
import java.security.Security;
import org.junit.jupiter.api.Test;

/** A service's context, as it is built, puts the SCRAM key cache first among the JVM's SASL client factories. */
class ScramKeyCacheInstallerTest {

    @Test
    void shouldInstallTheCacheWhenAContextIsBuilt() {
        ApplicationContext.builder().build().close();

        // Sasl.createSaslClient asks the providers in this order
        assertThat(Security.getProviders()[0].getName()).isEqualTo(ScramKeyCache.PROVIDER_NAME);
    }
}
