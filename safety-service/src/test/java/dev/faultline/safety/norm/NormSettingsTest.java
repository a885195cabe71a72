package dev.faultline.safety.norm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.kit.testing.SettingsBinding;
import dev.faultline.schemas.avro.Environment;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code faultline.safety.norms.*} keys. */
class NormSettingsTest {

    private static NormSettings bind(Map<String, Object> properties) {
        return SettingsBinding.bind(NormSettings.class, properties);
    }

    @Test
    void shouldDefaultToAMinuteApartFourWeeksP10ToP90AndAnApproverInProduction() {
        NormSettings settings = bind(Map.of());

        assertThat(settings.sampleInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.retention()).isEqualTo(Duration.ofDays(35));
        assertThat(settings.weeks()).isEqualTo(4);
        assertThat(settings.bandLow()).isEqualTo(0.1);
        assertThat(settings.bandHigh()).isEqualTo(0.9);
        assertThat(settings.maxDeviation()).isEqualTo(1.0);
        assertThat(settings.minBandShare()).isEqualTo(0.1);
        assertThat(settings.minSamples()).isEqualTo(30);
        assertThat(settings.errorRateMargin()).isEqualTo(0.05);
        assertThat(settings.metricStep()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.approverWithoutHistory(Environment.PRODUCTION)).isTrue();
        assertThat(settings.approverWithoutHistory(Environment.STAGING)).isFalse();
    }

    @Test
    void shouldTakeEveryKeyFromConfiguration() {
        NormSettings settings = bind(Map.ofEntries(Map.entry("faultline.safety.norms.sample-interval", "30s"),
                Map.entry("faultline.safety.norms.retention", "15d"), Map.entry("faultline.safety.norms.weeks", 2),
                Map.entry("faultline.safety.norms.band-low", 0.25), Map.entry("faultline.safety.norms.band-high", 0.75),
                Map.entry("faultline.safety.norms.max-deviation", 0.5),
                Map.entry("faultline.safety.norms.min-band-share", 0.2),
                Map.entry("faultline.safety.norms.min-samples", 10),
                Map.entry("faultline.safety.norms.error-rate-margin", 0.01),
                Map.entry("faultline.safety.norms.metric-step", "15s"),
                Map.entry("faultline.safety.norms.approver-without-history", "STAGING,PRODUCTION")));

        assertThat(settings.sampleInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.retention()).isEqualTo(Duration.ofDays(15));
        assertThat(settings.weeks()).isEqualTo(2);
        assertThat(settings.bandLow()).isEqualTo(0.25);
        assertThat(settings.bandHigh()).isEqualTo(0.75);
        assertThat(settings.maxDeviation()).isEqualTo(0.5);
        assertThat(settings.minBandShare()).isEqualTo(0.2);
        assertThat(settings.minSamples()).isEqualTo(10);
        assertThat(settings.errorRateMargin()).isEqualTo(0.01);
        assertThat(settings.metricStep()).isEqualTo(Duration.ofSeconds(15));
        assertThat(settings.approverWithoutHistory(Environment.STAGING)).isTrue();
    }

    @Test
    void shouldRefuseARetentionShorterThanTheWeeksItMustCover() {
        assertThatThrownBy(() -> bind(Map.of("faultline.safety.norms.retention", "20d")))
                .hasStackTraceContaining("faultline.safety.norms.retention PT480H must be at least"
                        + " faultline.safety.norms.weeks (4) weeks");
    }

    @Test
    void shouldRefuseABandThatIsNoBandAroundTheMedian() {
        assertThatThrownBy(() -> bind(Map.of("faultline.safety.norms.band-low", 0.6)))
                .hasStackTraceContaining("faultline.safety.norms.band-low must be in (0, 0.5) and band-high in (0.5, 1),"
                        + " were 0.6 and 0.9");
    }
}
