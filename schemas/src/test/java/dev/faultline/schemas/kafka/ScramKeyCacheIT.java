package dev.faultline.schemas.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.devstack.kafka.KafkaCredentials;
import dev.faultline.devstack.kafka.KafkaPrincipal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Kafka clients against the devstack's broker (SASL/SCRAM-SHA-256) with the cache installed: every client of a
 * principal authenticates with the one key derived for its password, and a wrong password is still refused.
 */
@ExtendWith(DevStackExtension.class)
class ScramKeyCacheIT {

    @Test
    void shouldAuthenticateEveryClientOfAPrincipalWithOneDerivedKey(DevStack stack) throws Exception {
        ScramKeyCache.install();
        Map<String, Object> auditor = stack.kafkaClientProperties(KafkaPrincipal.AUDITOR);
        long before = ScramKeyCache.derivations();

        // each admin authenticates twice at least: at the bootstrap address, then at the broker it names
        assertThat(topicsSeenBy(auditor)).isNotNull();
        long afterFirst = ScramKeyCache.derivations();
        assertThat(topicsSeenBy(auditor)).isNotNull();
        assertThat(topicsSeenBy(auditor)).isNotNull();

        assertThat(afterFirst - before).as("derived at most once for the principal").isLessThanOrEqualTo(1);
        assertThat(ScramKeyCache.derivations()).as("derived through the cache").isPositive()
                .as("the later clients' connections derived nothing").isEqualTo(afterFirst);
    }

    @Test
    void shouldStillBeRefusedWithAWrongPassword(DevStack stack) throws Exception {
        ScramKeyCache.install();
        Map<String, Object> wrong = new HashMap<>(stack.kafkaClientProperties(KafkaPrincipal.AUDITOR));
        wrong.put("sasl.jaas.config", KafkaCredentials.scramJaas(KafkaPrincipal.AUDITOR.username(), "not-its-password"));

        assertThatThrownBy(() -> topicsSeenBy(wrong)).hasRootCauseInstanceOf(SaslAuthenticationException.class);
        assertThat(topicsSeenBy(stack.kafkaClientProperties(KafkaPrincipal.AUDITOR))).isNotNull();
    }

    private static Set<String> topicsSeenBy(Map<String, Object> clientProperties) throws Exception {
        Map<String, Object> props = new HashMap<>(clientProperties);
        try (Admin admin = Admin.create(props)) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        }
    }
}
