package dev.faultline.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.VerdictIssued;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The HTTP registry client against the devstack's registry, which speaks the Confluent REST API. */
@ExtendWith(DevStackExtension.class)
class HttpSchemaRegistryClientIT {

    private final HttpSchemaRegistryClient client;
    private final String subject = "schemas-it-" + UUID.randomUUID() + "-value";

    HttpSchemaRegistryClientIT(DevStack stack) {
        client = new HttpSchemaRegistryClient(List.of(URI.create(stack.schemaRegistryUrl())), Duration.ofSeconds(10),
                stack.schemaRegistryUserInfo());
    }

    @Test
    void shouldRegisterIdempotentlyAndFindTheSchemaByIdSubjectAndLatest() {
        int id = client.register(subject, HypothesisDrafted.getClassSchema());

        assertThat(client.register(subject, HypothesisDrafted.getClassSchema())).isEqualTo(id);
        assertThat(client.schemaById(id)).isEqualTo(HypothesisDrafted.getClassSchema());
        RegisteredSchema found = client.lookUp(subject, HypothesisDrafted.getClassSchema());
        assertThat(found).isEqualTo(new RegisteredSchema(subject, 1, id, HypothesisDrafted.getClassSchema()));
        assertThat(client.latest(subject)).isEqualTo(found);
        assertThat(client.subjects()).contains(subject);
    }

    @Test
    void shouldAnswerCompatibilityAndRefuseAnIncompatibleVersion() {
        client.register(subject, VerdictIssued.getClassSchema());
        Schema incompatible = SchemaBuilder.record(VerdictIssued.class.getName()).fields().requiredString("ownerTeam").endRecord(); // new field, no default
        Schema compatible = VerdictIssued.getClassSchema();

        assertThat(client.isCompatible(subject, compatible)).isTrue();
        assertThat(client.isCompatible(subject, incompatible)).isFalse();
        assertThat(client.isCompatible("nobody-" + subject, incompatible)).isTrue();
        assertThatThrownBy(() -> client.register(subject, incompatible))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.isNotFound()).isFalse();
                });
    }

    @Test
    void shouldMapNotFoundAnswersToConfluentErrorCodes() {
        assertThatThrownBy(() -> client.latest("missing-" + subject))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(RegistryException.SUBJECT_NOT_FOUND);
                })
                .hasMessageContaining("/subjects/missing-" + subject + "/versions/latest answered HTTP 404 (error_code 40401)");
        assertThatThrownBy(() -> client.schemaById(Integer.MAX_VALUE))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(RegistryException.SCHEMA_NOT_FOUND));
        client.register(subject, VerdictIssued.getClassSchema());
        assertThatThrownBy(() -> client.lookUp(subject, HypothesisDrafted.getClassSchema()))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(RegistryException.SCHEMA_NOT_FOUND));
    }

    @Test
    void shouldFailOverToTheNextUrlAndReportWhenNoneAnswers(DevStack stack) {
        HttpSchemaRegistryClient withDeadFirst = new HttpSchemaRegistryClient(
                List.of(URI.create("http://127.0.0.1:1"), URI.create(stack.schemaRegistryUrl())), Duration.ofSeconds(5),
                stack.schemaRegistryUserInfo());
        assertThat(withDeadFirst.register(subject, VerdictIssued.getClassSchema())).isPositive();

        HttpSchemaRegistryClient dead = new HttpSchemaRegistryClient(List.of(URI.create("http://127.0.0.1:1")),
                Duration.ofSeconds(5), null);
        assertThatThrownBy(dead::subjects).isInstanceOfSatisfying(RegistryException.class,
                e -> assertThat(e.httpStatus()).isEqualTo(RegistryException.UNREACHABLE))
                .hasMessageContaining("no schema registry reachable at [http://127.0.0.1:1]");
    }

    @Test
    void shouldShareOneConnectionPoolAmongClientsYetSendEachClientsOwnCredentials(DevStack stack) {
        int id = client.register(subject, HypothesisDrafted.getClassSchema());
        long selectorsBefore = selectorThreads();

        for (int i = 0; i < 20; i++) { // as many as a JVM hosting all six services makes: one per serde
            HttpSchemaRegistryClient another = new HttpSchemaRegistryClient(
                    List.of(URI.create(stack.schemaRegistryUrl())), Duration.ofSeconds(10), stack.schemaRegistryUserInfo());
            assertThat(another.schemaById(id)).isEqualTo(HypothesisDrafted.getClassSchema());
        }
        assertThat(selectorThreads()).as("java.net.http selector threads").isEqualTo(selectorsBefore);

        HttpSchemaRegistryClient stranger = new HttpSchemaRegistryClient(List.of(URI.create(stack.schemaRegistryUrl())),
                Duration.ofSeconds(10), "mallory:guess");
        // reads are open; registering needs the writer's credentials, sent by each client with its requests
        assertThatThrownBy(() -> stranger.register(subject, HypothesisDrafted.getClassSchema()))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.httpStatus()).isEqualTo(401));
        assertThat(client.register(subject, HypothesisDrafted.getClassSchema())).isEqualTo(id);
    }

    private static long selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().endsWith("-SelectorManager")).count();
    }
}
