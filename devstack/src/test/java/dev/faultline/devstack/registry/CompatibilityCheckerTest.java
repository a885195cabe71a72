package dev.faultline.devstack.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CompatibilityCheckerTest {

    private final CompatibilityChecker checker = new CompatibilityChecker();

    private static CompatibilityChecker.Previous version(int number, String schema) {
        return new CompatibilityChecker.Previous(number, new Schema.Parser().parse(schema));
    }

    private static Schema parse(String schema) {
        return new Schema.Parser().parse(schema);
    }

    @Test
    void shouldAcceptAnythingWithoutPreviousVersionsOrUnderNone() {
        assertThat(checker.check(CompatibilityLevel.BACKWARD, parse(Schemas.USER_NO_DEFAULT), List.of())).isEmpty();
        assertThat(checker.check(CompatibilityLevel.NONE, parse(Schemas.USER_NO_DEFAULT),
                List.of(version(1, Schemas.USER_V1)))).isEmpty();
    }

    @Test
    void shouldRefuseANewFieldWithoutDefaultUnderBackward() {
        List<String> messages = checker.check(CompatibilityLevel.BACKWARD, parse(Schemas.USER_NO_DEFAULT),
                List.of(version(1, Schemas.USER_V1)));
        assertThat(messages).first().asString().contains("READER_FIELD_MISSING_DEFAULT");
        assertThat(messages).contains("{oldSchemaVersion: 1}", "{compatibility: 'BACKWARD'}");
    }

    @Test
    void shouldRefuseADroppedFieldUnderForwardButNotBackward() {
        List<CompatibilityChecker.Previous> previous = List.of(version(1, Schemas.USER_V1));
        assertThat(checker.check(CompatibilityLevel.BACKWARD, parse(Schemas.USER_EMPTY), previous)).isEmpty();
        assertThat(checker.check(CompatibilityLevel.FORWARD, parse(Schemas.USER_EMPTY), previous)).isNotEmpty();
        assertThat(checker.check(CompatibilityLevel.FULL, parse(Schemas.USER_EMPTY), previous)).isNotEmpty();
    }

    @Test
    void shouldCheckOnlyTheLatestUnlessTransitive() {
        List<CompatibilityChecker.Previous> previous = List.of(version(1, Schemas.USER_V1), version(2, Schemas.USER_EMPTY));
        String withDefault = "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"t\",\"fields\":[{\"name\":\"x\",\"type\":\"int\",\"default\":1}]}";
        assertThat(checker.check(CompatibilityLevel.FORWARD, parse(withDefault), previous)).isEmpty();
        assertThat(checker.check(CompatibilityLevel.FORWARD_TRANSITIVE, parse(withDefault), previous))
                .contains("{oldSchemaVersion: 1}");
    }

    @Test
    void shouldReadLevelsCaseInsensitively() {
        assertThat(CompatibilityLevel.forName("full_transitive")).contains(CompatibilityLevel.FULL_TRANSITIVE);
        assertThat(CompatibilityLevel.forName("sideways")).isEmpty();
        assertThat(CompatibilityLevel.forName(null)).isEmpty();
    }
}
