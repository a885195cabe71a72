package dev.faultline.cli.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgsTest {

    private static Args parse(String... tokens) {
        return Args.parse(List.of(tokens), Set.of("--by", "--threshold", "--duration"), Set.of("--accept"));
    }

    @Test
    void shouldSeparatePositionalsOptionsAndSwitches() {
        Args args = parse("exp-1", "--by", "bob", "--accept", "--threshold", "a=1", "--threshold=b=2");

        assertThat(args.positionals()).containsExactly("exp-1");
        assertThat(args.required("--by")).isEqualTo("bob");
        assertThat(args.has("--accept")).isTrue();
        assertThat(args.all("--threshold")).containsExactly("a=1", "b=2");
    }

    @Test
    void shouldNameAnUnknownOption() {
        assertThatThrownBy(() -> parse("--bye", "bob")).isInstanceOf(UsageException.class)
                .hasMessage("unknown option '--bye'");
    }

    @Test
    void shouldNameAnOptionWithoutValue() {
        assertThatThrownBy(() -> parse("--by")).hasMessage("--by needs a value");
    }

    @Test
    void shouldRefuseAValueOnASwitch() {
        assertThatThrownBy(() -> parse("--accept=yes")).hasMessage("--accept takes no value");
    }

    @Test
    void shouldNameAMissingRequiredOptionAndBadNumbers() {
        assertThatThrownBy(() -> parse().required("--by")).hasMessage("--by is required");
        assertThatThrownBy(() -> parse("--duration", "ten").integer("--duration"))
                .hasMessage("--duration needs a whole number, not 'ten'");
    }

    @Test
    void shouldNameMissingAndSurplusPositionals() {
        assertThatThrownBy(() -> parse().positional(0, "the experiment id")).hasMessage("the experiment id is required");
        assertThatThrownBy(() -> parse("a", "b").atMostPositionals(1)).hasMessage("unexpected argument 'b'");
    }
}
