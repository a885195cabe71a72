package dev.faultline.schemas.measure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.schemas.avro.ProbeSample;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleViewTest {

    @Test
    void shouldFindAHeaderByNameWhateverItsCaseAndRecordedValue() {
        SampleView sample = new SampleView(5, 503, false, List.of("retry-after: 5", "Content-Type"));
        assertThat(sample.hasHeader("Retry-After")).isTrue();
        assertThat(sample.hasHeader("content-type")).isTrue();
        assertThat(sample.hasHeader("retry")).isFalse();
        assertThat(sample.hasHeader("5")).isFalse();
    }

    @Test
    void shouldViewAContractSample() {
        ProbeSample avro = ProbeSample.newBuilder().setProbeId("p").setComponent("c").setAt(Instant.EPOCH)
                .setLatencyMillis(12.5).setStatus(null).setOk(false).setHeaders(List.of()).setError("timeout").build();
        assertThat(SampleView.of(avro)).isEqualTo(new SampleView(12.5, null, false, List.of()));
    }
}
