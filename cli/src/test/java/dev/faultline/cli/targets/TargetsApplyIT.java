package dev.faultline.cli.targets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cli.FaultlineCli;
import dev.faultline.cli.http.KafkaEndpoint;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.devstack.kafka.KafkaPrincipal;
import dev.faultline.schemas.avro.TargetDeclared;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code faultline targets apply} against the real devstack: published, replaced, removed, and bad files refused. */
@ExtendWith(DevStackExtension.class)
class TargetsApplyIT {

    private final DevStack stack;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    TargetsApplyIT(DevStack stack) {
        this.stack = stack;
    }

    private int apply(Path file, String... extra) {
        out.reset();
        err.reset();
        List<String> args = new ArrayList<>(List.of("targets", "apply", file.toString(), "--by", "alice",
                "--kafka", stack.kafkaBootstrapServers(), "--registry-url", stack.schemaRegistryUrl(),
                "--kafka-config", stack.kafkaClientConfig(KafkaPrincipal.ADMIN).toString()));
        args.addAll(List.of(extra));
        return FaultlineCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    }

    private Path file(String name, String yaml) throws Exception {
        return Files.writeString(dir.resolve(name), yaml, StandardCharsets.UTF_8);
    }

    private Map<String, TargetDeclared> topic() {
        return new TargetsTopic(KafkaEndpoint.of(stack.kafkaBootstrapServers(), stack.schemaRegistryUrl(),
                stack.kafkaClientConfig(KafkaPrincipal.ADMIN).toString())).current();
    }

    @Test
    void shouldPublishEveryServiceThenDeclareTheOnesDroppedFromTheFileRemoved() throws Exception {
        String inventory = "inventory-" + run;
        String billing = "billing-" + run;
        Path file = file("team.yaml", """
                environments:
                  development:
                    %s: {type: http-api, base-url: "${api}", dependencies: {db: {protocol: tcp, proxy: db}}}
                    %s: {type: http-api, base-url: "${api}"}
                """.formatted(inventory, billing));

        assertThat(apply(file, "--set", "api=http://api.internal:9000")).as(err.toString()).isEqualTo(0);
        assertThat(out.toString()).contains("declared [DEVELOPMENT/" + inventory + ", DEVELOPMENT/" + billing + "]");
        Map<String, TargetDeclared> declared = topic();
        assertThat(declared.get("DEVELOPMENT/" + inventory).getBaseUrl()).isEqualTo("http://api.internal:9000");
        assertThat(declared.get("DEVELOPMENT/" + inventory).getHeader().getActor().getId()).isEqualTo("alice");
        assertThat(declared.get("DEVELOPMENT/" + billing).getRemoved()).isFalse();

        file("team.yaml", """
                environments:
                  development:
                    %s: {type: http-api, base-url: http://api.internal:9001}
                """.formatted(inventory));
        assertThat(apply(file)).as(err.toString()).isEqualTo(0);
        assertThat(out.toString()).contains("removed [").contains("DEVELOPMENT/" + billing);
        declared = topic();
        assertThat(declared.get("DEVELOPMENT/" + inventory).getBaseUrl()).isEqualTo("http://api.internal:9001");
        assertThat(declared.get("DEVELOPMENT/" + billing).getRemoved()).isTrue();
    }

    @Test
    void shouldLeaveTheServicesOfAnotherFileAlone() throws Exception {
        String storefront = "storefront-" + run;
        String shipping = "shipping-" + run;
        Path shop = file("shop.yaml", """
                environments:
                  development:
                    %s: {type: http-storefront, base-url: http://shop.internal:8080}
                """.formatted(storefront));
        Path logistics = file("logistics.yaml", """
                environments:
                  development:
                    %s: {type: http-quotes, base-url: http://shipping.internal:8081}
                """.formatted(shipping));

        assertThat(apply(shop)).as(err.toString()).isEqualTo(0);
        assertThat(apply(logistics)).as(err.toString()).isEqualTo(0);

        assertThat(out.toString()).contains("declared [DEVELOPMENT/" + shipping + "]").doesNotContain("removed");
        Map<String, TargetDeclared> declared = topic();
        assertThat(declared.get("DEVELOPMENT/" + storefront).getRemoved()).isFalse();
        assertThat(declared.get("DEVELOPMENT/" + shipping).getSource()).isEqualTo(logistics.toString());
    }

    @Test
    void shouldRefuseABadFileWithItsLinesAndPublishNothing() throws Exception {
        String service = "orders-" + run;
        Path bad = file("bad.yaml", """
                environments:
                  development:
                    %s:
                      type: http-api
                      base-url: not-a-url
                      dependencies: {db: {protocol: tcp}}
                """.formatted(service));
        Path unset = file("unset.yaml", """
                environments:
                  development:
                    %s: {type: http-api, base-url: "${orders-url}"}
                """.formatted(service));

        assertThat(apply(bad)).isEqualTo(2);
        assertThat(err.toString()).contains(bad + ": line 5, column 17: environments.development." + service
                        + ".base-url: 'not-a-url' is not an http(s) URL")
                .contains("line 6, column 26: environments.development." + service + ".dependencies.db: name the route")
                .contains("2 problems; nothing published");
        assertThat(apply(unset)).isEqualTo(2);
        assertThat(err.toString()).contains("line 3, column 50: ${orders-url}: not set: pass --set orders-url=VALUE");
        assertThat(apply(dir.resolve("missing.yaml"))).isEqualTo(2);
        assertThat(err.toString()).contains("missing.yaml: cannot be read; nothing published");
        assertThat(topic()).doesNotContainKey("DEVELOPMENT/" + service);
    }
}
