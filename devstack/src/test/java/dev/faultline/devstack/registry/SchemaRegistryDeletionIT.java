package dev.faultline.devstack.registry;

import static dev.faultline.devstack.registry.Schemas.ADDRESS;
import static dev.faultline.devstack.registry.Schemas.CUSTOMER;
import static dev.faultline.devstack.registry.Schemas.USER_V1;
import static dev.faultline.devstack.registry.Schemas.USER_V2;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Soft and permanent deletion of versions and subjects, and schema references. */
class SchemaRegistryDeletionIT {

    @TempDir
    static Path dir;
    static RegistryFixture fixture;
    static RegistryHttp http;

    @BeforeAll
    static void start() {
        fixture = new RegistryFixture(dir);
        http = fixture.http;
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void shouldSoftDeleteThenPermanentlyDeleteAVersion() {
        int id = http.register("del-version", USER_V1).json().get("id").asInt();
        http.register("del-version", USER_V2);

        assertThat(http.delete("/subjects/del-version/versions/1?permanent=true").errorCode()).isEqualTo(40407);
        assertThat(http.delete("/subjects/del-version/versions/1").body()).isEqualTo("1");
        assertThat(http.get("/subjects/del-version/versions").body()).isEqualTo("[2]");
        assertThat(http.get("/subjects/del-version/versions?deleted=true").body()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects/del-version/versions?deletedOnly=true").body()).isEqualTo("[1]");
        assertThat(http.get("/subjects/del-version/versions/1").errorCode()).isEqualTo(40402);
        assertThat(http.get("/subjects/del-version/versions/1?deleted=true").json().get("id").asInt()).isEqualTo(id);
        assertThat(http.get("/schemas/ids/" + id).status()).as("an id stays readable after a soft delete").isEqualTo(200);
        RegistryHttp.Reply again = http.delete("/subjects/del-version/versions/1");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.errorCode()).isEqualTo(40406);

        assertThat(http.delete("/subjects/del-version/versions/1?permanent=true").body()).isEqualTo("1");
        assertThat(http.get("/subjects/del-version/versions?deleted=true").body()).isEqualTo("[2]");
        assertThat(http.get("/schemas/ids/" + id).errorCode()).isEqualTo(40403);
        assertThat(http.delete("/subjects/del-version/versions/1?permanent=true").errorCode()).isEqualTo(40402);
    }

    @Test
    void shouldSoftDeleteThenPermanentlyDeleteASubject() {
        http.register("del-subject", USER_V1);
        http.register("del-subject", USER_V2);
        http.put("/config/del-subject", Map.of("compatibility", "NONE"));

        assertThat(http.delete("/subjects/del-subject?permanent=true").errorCode()).isEqualTo(40405);
        assertThat(http.delete("/subjects/del-subject").body()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects").json().toString()).doesNotContain("\"del-subject\"");
        assertThat(http.get("/subjects?deleted=true").json().toString()).contains("\"del-subject\"");
        assertThat(http.get("/subjects?deletedOnly=true").json().toString()).contains("\"del-subject\"");
        assertThat(http.get("/subjects/del-subject/versions").errorCode()).isEqualTo(40401);
        assertThat(http.get("/config/del-subject").errorCode()).as("a soft delete drops the subject's config").isEqualTo(40408);
        RegistryHttp.Reply again = http.delete("/subjects/del-subject");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.errorCode()).isEqualTo(40404);

        assertThat(http.delete("/subjects/del-subject?permanent=true").body()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects?deleted=true").json().toString()).doesNotContain("\"del-subject\"");
        assertThat(http.delete("/subjects/del-subject").errorCode()).isEqualTo(40401);
    }

    @Test
    void shouldRegisterAgainAfterASoftDeleteWithTheSameIdAndANewVersion() {
        int id = http.register("del-again", USER_V1).json().get("id").asInt();
        http.delete("/subjects/del-again");
        assertThat(http.register("del-again", USER_V1).json().get("id").asInt()).isEqualTo(id);
        assertThat(http.get("/subjects/del-again/versions").body()).isEqualTo("[2]");
    }

    @Test
    void shouldResolveReferencesAndListWhoReferencesASchema() {
        int addressId = http.register("del-address", ADDRESS).json().get("id").asInt();
        List<Map<String, Object>> refs = List.of(Map.of("name", "t.Address", "subject", "del-address", "version", 1));

        assertThat(http.register("del-customer", CUSTOMER).errorCode()).as("t.Address is unknown without a reference").isEqualTo(42201);
        RegistryHttp.Reply customer = http.register("del-customer", CUSTOMER, refs);
        assertThat(customer.status()).as(customer.body()).isEqualTo(200);
        int customerId = customer.json().get("id").asInt();
        assertThat(customerId).isNotEqualTo(addressId);

        assertThat(http.get("/subjects/del-customer/versions/1").body()).isEqualTo("{\"subject\":\"del-customer\",\"version\":1,\"id\":"
                + customerId + ",\"references\":[{\"name\":\"t.Address\",\"subject\":\"del-address\",\"version\":1}],\"schema\":"
                + RegistryHttp.quoted(CUSTOMER) + "}");
        assertThat(http.get("/schemas/ids/" + customerId).json().get("references").get(0).get("subject").asText()).isEqualTo("del-address");
        assertThat(http.get("/subjects/del-address/versions/1/referencedby").body()).isEqualTo("[" + customerId + "]");
        assertThat(http.post("/subjects/del-customer", Map.of("schema", CUSTOMER, "references", refs)).json().get("id").asInt())
                .isEqualTo(customerId);

        RegistryHttp.Reply referenced = http.delete("/subjects/del-address/versions/1");
        assertThat(referenced.status()).isEqualTo(422);
        assertThat(referenced.errorCode()).isEqualTo(42206);
        List<Map<String, Object>> missing = List.of(Map.of("name", "t.Address", "subject", "del-address", "version", 9));
        assertThat(http.register("del-customer-2", CUSTOMER, missing).errorCode()).isEqualTo(42201);

        assertThat(http.delete("/subjects/del-customer").status()).isEqualTo(200);
        assertThat(http.get("/subjects/del-address/versions/1/referencedby").body()).isEqualTo("[]");
        assertThat(http.delete("/subjects/del-address/versions/1").status()).isEqualTo(200);
    }
}
