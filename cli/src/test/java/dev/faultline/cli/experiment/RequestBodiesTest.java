package dev.faultline.cli.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.cli.args.Args;
import dev.faultline.cli.args.UsageException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {

    private static Args args(dev.faultline.cli.CommandSpec spec, String... tokens) {
        return Args.parse(List.of(tokens), spec.options(), spec.switches());
    }

    @Test
    void shouldBuildAProposalFromFlags() {
        Map<String, Object> body = ProposeCommand.body(args(ProposeCommand.SPEC, "--service", "storefront", "--fault",
                "network-blackhole", "--dependency", "pricing", "--env", "production", "--by", "alice", "--why",
                "pricing outage last week", "--duration", "15", "--traffic-share", "0.2", "--label", "team=shop"));

        assertThat(body).containsEntry("service", "storefront").containsEntry("faultType", "NETWORK_BLACKHOLE")
                .containsEntry("dependency", "pricing").containsEntry("environment", "PRODUCTION")
                .containsEntry("proposer", "alice").containsEntry("motivation", "pricing outage last week")
                .containsEntry("durationSeconds", 15).containsEntry("trafficShare", 0.2)
                .containsEntry("labels", Map.of("team", "shop"));
    }

    @Test
    void shouldDefaultAProposalToStagingAndLeaveOutWhatWasNotGiven() {
        Map<String, Object> body = ProposeCommand.body(args(ProposeCommand.SPEC, "--service", "storefront", "--fault",
                "NETWORK_LATENCY", "--by", "alice", "--why", "x"));

        assertThat(body).containsEntry("environment", "STAGING")
                .doesNotContainKeys("dependency", "durationSeconds", "trafficShare", "labels", "reason");
    }

    @Test
    void shouldRequireTheProposalsEssentials() {
        assertThatThrownBy(() -> ProposeCommand.body(args(ProposeCommand.SPEC, "--service", "s", "--by", "a", "--why", "x")))
                .isInstanceOf(UsageException.class).hasMessage("--fault is required");
    }

    @Test
    void shouldBuildARequestForChanges() {
        Map<String, Object> body = ReviewCommand.body(args(ReviewCommand.SPEC, "exp-1", "--by", "carol",
                "--request-changes", "--duration", "20", "--threshold", "reads-p99=1500", "--comment", "looser p99"));

        assertThat(body).containsEntry("reviewer", "carol").containsEntry("decision", "REQUEST_CHANGES")
                .containsEntry("comment", "looser p99")
                .containsEntry("changes", Map.of("durationSeconds", 20, "thresholds", Map.of("reads-p99", 1500.0)));
    }

    @Test
    void shouldBuildAnAcceptAndAComment() {
        assertThat(ReviewCommand.body(args(ReviewCommand.SPEC, "--by", "carol", "--accept")))
                .isEqualTo(Map.of("reviewer", "carol", "decision", "ACCEPT"));
        assertThat(ReviewCommand.body(args(ReviewCommand.SPEC, "--by", "carol", "--comment", "ok")))
                .containsEntry("decision", "COMMENT");
    }

    @Test
    void shouldRefuseAReviewThatSaysNothingOrTwoThings() {
        assertThatThrownBy(() -> ReviewCommand.body(args(ReviewCommand.SPEC, "--by", "carol")))
                .hasMessageContaining("say what the review is");
        assertThatThrownBy(() -> ReviewCommand.body(args(ReviewCommand.SPEC, "--by", "c", "--accept", "--request-changes")))
                .hasMessageContaining("choose one");
        assertThatThrownBy(() -> ReviewCommand.body(args(ReviewCommand.SPEC, "--by", "c", "--request-changes")))
                .hasMessageContaining("needs at least one");
        assertThatThrownBy(() -> ReviewCommand.body(args(ReviewCommand.SPEC, "--by", "c", "--request-changes",
                "--threshold", "reads-p99")))
                .hasMessageContaining("prediction-id=value");
    }

    @Test
    void shouldBuildApprovalsAndDenials() {
        assertThat(ApproveCommand.body(args(ApproveCommand.SPEC, "exp-1", "--by", "bob")))
                .isEqualTo(Map.of("approver", "bob", "decision", "APPROVED"));
        assertThat(ApproveCommand.body(args(ApproveCommand.SPEC, "exp-1", "--by", "bob", "--deny", "--comment", "no")))
                .containsEntry("decision", "DENIED").containsEntry("comment", "no");
    }

    @Test
    void shouldBuildHaltsOfEachScope() {
        assertThat(HaltCommand.body(args(HaltCommand.SPEC, "exp-1", "--by", "op", "--reason", "pager")))
                .containsEntry("scope", "EXPERIMENT").containsEntry("experimentId", "exp-1");
        assertThat(HaltCommand.body(args(HaltCommand.SPEC, "--env", "staging", "--by", "op", "--reason", "r")))
                .containsEntry("scope", "ENVIRONMENT").containsEntry("environment", "STAGING");
        assertThat(HaltCommand.body(args(HaltCommand.SPEC, "--all", "--by", "op", "--reason", "r")))
                .containsEntry("scope", "ALL").doesNotContainKeys("experimentId", "environment");
    }

    @Test
    void shouldRequireExactlyOneHaltScope() {
        assertThatThrownBy(() -> HaltCommand.body(args(HaltCommand.SPEC, "--by", "op", "--reason", "r")))
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> HaltCommand.body(args(HaltCommand.SPEC, "exp-1", "--all", "--by", "op", "--reason", "r")))
                .hasMessageContaining("exactly one");
    }
}
