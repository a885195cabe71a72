package dev.faultline.cli.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ScheduleViewTest {

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void shouldListWhatIsScheduledAndWhatIsDue() throws Exception {
        String out = ScheduleView.render(json("""
                [{"experimentId":"exp-1","revision":1,"environment":"PRODUCTION","windowStart":"2026-12-07T10:00:00Z",
                  "windowEnd":"2026-12-07T12:00:00Z","latestStart":"2026-12-07T11:29:00Z","state":"RETRYING",
                  "lastPreflight":"blocked: ON_CALL failed"}]"""), json("""
                [{"behaviourKey":"storefront|NETWORK_BLACKHOLE","state":"PROPOSED","lastTestedAt":"2026-10-01T00:00:00Z",
                  "staleReason":"last tested 2026-10-01T00:00:00Z, more than 30 days ago","experimentId":"reverify-0a1b2c3d4e5f","rerunOf":"exp-0"}]"""));

        assertThat(out).contains("exp-1", "RETRYING", "2026-12-07T10:00:00Z – 2026-12-07T12:00:00Z",
                        "starts by 2026-12-07T11:29:00Z", "last preflight: blocked: ON_CALL failed")
                .contains("storefront|NETWORK_BLACKHOLE", "PROPOSED", "stale: last tested 2026-10-01T00:00:00Z, more than 30 days"
                        + " ago → reverify-0a1b2c3d4e5f (re-runs exp-0)");
    }

    @Test
    void shouldSayWhenNothingIsScheduledOrDue() throws Exception {
        assertThat(ScheduleView.render(json("[]"), json("[]"))).contains("(nothing scheduled)")
                .contains("(none: every entry is fresh)");
    }
}
