package dev.faultline.cli.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.cli.schedule.ScheduleCommand;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine;

/** What each command's flags parse into (picocli) and the request body they make. */
class RequestBodiesTest {

    private static <T> T parse(T command, String... tokens) {
        new CommandLine(command).parseArgs(tokens);
        return command;
    }

    @Test
    void shouldBuildAProposalFromFlags() {
        Map<String, Object> body = parse(new ProposeCommand(), "--service", "storefront", "--fault",
                "network-blackhole", "--dependency", "pricing", "--env", "production", "--why",
                "pricing outage last week", "--duration", "15", "--traffic-share", "0.2", "--label", "team=shop",
                "--label=tier=1").body();

        assertThat(body).containsEntry("service", "storefront").containsEntry("faultType", "NETWORK_BLACKHOLE")
                .containsEntry("dependency", "pricing").containsEntry("environment", "PRODUCTION")
                .doesNotContainKey("proposer").containsEntry("motivation", "pricing outage last week")
                .containsEntry("durationSeconds", 15).containsEntry("trafficShare", 0.2)
                .containsEntry("labels", Map.of("team", "shop", "tier", "1"));
    }

    @Test
    void shouldDefaultAProposalToStagingAndLeaveOutWhatWasNotGiven() {
        Map<String, Object> body = parse(new ProposeCommand(), "--service", "storefront", "--fault",
                "NETWORK_LATENCY", "--why", "x").body();

        assertThat(body).containsEntry("environment", "STAGING")
                .doesNotContainKeys("dependency", "durationSeconds", "trafficShare", "labels", "reason");
    }

    @Test
    void shouldAskForAStartOrAWindow() {
        assertThat(parse(new ProposeCommand(), "--service", "s", "--fault", "f", "--why", "x", "--at",
                "2026-12-07T10:00Z").body()).containsEntry("at", "2026-12-07T10:00Z").doesNotContainKey("windowStart");
        assertThat(parse(new ProposeCommand(), "--service", "s", "--fault", "f", "--why", "x", "--window",
                "2026-12-07T10:00Z/2026-12-07T12:00Z").body()).containsEntry("windowStart", "2026-12-07T10:00Z")
                .containsEntry("windowEnd", "2026-12-07T12:00Z").doesNotContainKey("at");
        assertThatThrownBy(() -> parse(new ProposeCommand(), "--service", "s", "--fault", "f", "--why", "x",
                "--window", "2026-12-07T10:00Z").body()).isInstanceOf(ParameterException.class)
                .hasMessageContaining("--window is START/END");
        assertThatThrownBy(() -> parse(new ProposeCommand(), "--service", "s", "--fault", "f", "--why", "x",
                "--at", "2026-12-07T10:00Z", "--window", "a/b").body()).hasMessageContaining("not both");
    }

    @Test
    void shouldMoveAScheduleToANewStartOrWindow() {
        assertThat(parse(new ScheduleCommand.Move(), "exp-1", "--at", "2026-12-07T10:00Z", "--reason", "quieter")
                .body()).isEqualTo(Map.of("at", "2026-12-07T10:00Z", "reason", "quieter"));
        assertThat(parse(new ScheduleCommand.Move(), "exp-1", "--window", "2026-12-07T10:00Z/2026-12-07T12:00Z")
                .body()).isEqualTo(Map.of("windowStart", "2026-12-07T10:00Z", "windowEnd", "2026-12-07T12:00Z"));
        assertThatThrownBy(() -> parse(new ScheduleCommand.Move(), "exp-1").body())
                .isInstanceOf(ParameterException.class).hasMessageContaining("exactly one");
    }

    @Test
    void shouldRequireTheProposalsEssentials() {
        assertThatThrownBy(() -> parse(new ProposeCommand(), "--service", "s", "--why", "x"))
                .isInstanceOf(MissingParameterException.class).hasMessageContaining("'--fault=FAULT_TYPE'");
        assertThatThrownBy(() -> parse(new ProposeCommand(), "--service", "s", "--fault", "f", "--why",
                "x", "--label", "team")).isInstanceOf(ParameterException.class).hasMessageContaining("'--label'");
        assertThatThrownBy(() -> parse(new ProposeCommand(), "--service", "s", "--fault", "f", "--why",
                "x", "--traffic-share", "a lot")).hasMessageContaining("'--traffic-share'");
    }

    @Test
    void shouldBuildARequestForChanges() {
        Map<String, Object> body = parse(new ReviewCommand(), "exp-1", "--request-changes",
                "--duration", "20", "--threshold", "reads-p99=1500", "--min-samples", "reads-p99=60", "--comment",
                "looser p99").body();

        assertThat(body).doesNotContainKey("reviewer").containsEntry("decision", "REQUEST_CHANGES")
                .containsEntry("comment", "looser p99")
                .containsEntry("changes", Map.of("durationSeconds", 20, "thresholds", Map.of("reads-p99", 1500.0),
                        "minSamples", Map.of("reads-p99", 60)));
    }

    @Test
    void shouldBuildAnAcceptAndAComment() {
        assertThat(parse(new ReviewCommand(), "exp-1", "--accept").body())
                .isEqualTo(Map.of("decision", "ACCEPT"));
        assertThat(parse(new ReviewCommand(), "exp-1", "--comment", "ok").body())
                .containsEntry("decision", "COMMENT");
    }

    @Test
    void shouldRefuseAReviewThatSaysNothingOrTwoThings() {
        assertThatThrownBy(() -> parse(new ReviewCommand(), "exp-1").body())
                .isInstanceOf(ParameterException.class).hasMessageContaining("say what the review is");
        assertThatThrownBy(() -> parse(new ReviewCommand(), "exp-1", "--accept", "--request-changes").body())
                .hasMessageContaining("choose one");
        assertThatThrownBy(() -> parse(new ReviewCommand(), "exp-1", "--request-changes").body())
                .hasMessageContaining("needs at least one");
        assertThatThrownBy(() -> parse(new ReviewCommand(), "exp-1", "--request-changes",
                "--threshold", "reads-p99"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("'--threshold'");
        assertThatThrownBy(() -> parse(new ReviewCommand(), "exp-1", "--request-changes",
                "--threshold", "reads-p99=fast"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("'--threshold'");
    }

    @Test
    void shouldBuildApprovalsAndDenials() {
        assertThat(parse(new ApproveCommand(), "exp-1").body())
                .isEqualTo(Map.of("decision", "APPROVED"));
        assertThat(parse(new ApproveCommand(), "exp-1", "--deny", "--comment", "no").body())
                .containsEntry("decision", "DENIED").containsEntry("comment", "no");
    }

    @Test
    void shouldBuildHaltsOfEachScope() {
        assertThat(parse(new HaltCommand(), "exp-1", "--reason", "pager").body())
                .containsEntry("scope", "EXPERIMENT").containsEntry("experimentId", "exp-1").doesNotContainKey("by");
        assertThat(parse(new HaltCommand(), "--env", "staging", "--reason", "r").body())
                .containsEntry("scope", "ENVIRONMENT").containsEntry("environment", "STAGING");
        assertThat(parse(new HaltCommand(), "--all", "--reason", "r").body())
                .containsEntry("scope", "ALL").doesNotContainKeys("experimentId", "environment");
    }

    @Test
    void shouldRequireExactlyOneHaltScope() {
        assertThatThrownBy(() -> parse(new HaltCommand(), "--reason", "r").body())
                .isInstanceOf(ParameterException.class).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> parse(new HaltCommand(), "exp-1", "--all", "--reason", "r").body())
                .hasMessageContaining("exactly one");
    }
}
