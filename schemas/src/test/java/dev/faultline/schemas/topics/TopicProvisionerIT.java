package dev.faultline.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.schemas.KafkaTestClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Topic creation on the devstack's broker: partitions, retention and compaction as the catalogue says. */
@ExtendWith(DevStackExtension.class)
class TopicProvisionerIT {

    private final DevStack stack;

    TopicProvisionerIT(DevStack stack) {
        this.stack = stack;
    }

    @Test
    void shouldCreateMissingTopicsOnceWithTheirDefinitions() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Topic log = new Topic("schemas-it.log-" + suffix, "test", RecordKey.EXPERIMENT_ID, List.of(),
                TopicDefinition.log("schemas-it.log-" + suffix, 4));
        Topic table = new Topic("schemas-it.table-" + suffix, "test", RecordKey.BEHAVIOUR_KEY, List.of(),
                TopicDefinition.table("schemas-it.table-" + suffix, 2));
        try (Admin admin = KafkaTestClients.admin(stack)) {
            TopicProvisioner provisioner = new TopicProvisioner(admin, Duration.ofSeconds(30));

            assertThat(provisioner.createMissing(List.of(log, table), (short) 1)).containsExactly(log.name(), table.name());
            assertThat(provisioner.createMissing(List.of(log, table), (short) 1)).isEmpty();

            var described = admin.describeTopics(List.of(log.name(), table.name())).allTopicNames().get();
            assertThat(described.get(log.name()).partitions()).hasSize(4);
            assertThat(described.get(table.name()).partitions()).hasSize(2);
            Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(
                    new ConfigResource(ConfigResource.Type.TOPIC, log.name()),
                    new ConfigResource(ConfigResource.Type.TOPIC, table.name()))).all().get();
            Config logConfig = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, log.name()));
            Config tableConfig = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, table.name()));
            assertThat(logConfig.get("cleanup.policy").value()).isEqualTo("delete");
            assertThat(logConfig.get("retention.ms").value()).isEqualTo("-1");
            assertThat(logConfig.get("retention.bytes").value()).isEqualTo("-1");
            assertThat(tableConfig.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    @Test
    void shouldCreateTheWholeCatalogue() throws Exception {
        try (Admin admin = KafkaTestClients.admin(stack)) {
            new TopicProvisioner(admin, Duration.ofSeconds(30)).createMissing((short) 1);

            assertThat(admin.listTopics().names().get())
                    .containsAll(Topics.all().stream().map(Topic::name).toList());
            assertThat(admin.describeTopics(List.of(Topics.CONTROL.name())).allTopicNames().get()
                    .get(Topics.CONTROL.name()).partitions()).hasSize(1);
        }
    }
}
