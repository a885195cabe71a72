package dev.faultline.dataplane.toxic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.dataplane.api.ApiException;
import dev.faultline.dataplane.api.Json;
import org.junit.jupiter.api.Test;

class ToxicTypesTest {

    private final ToxicTypes types = ToxicTypes.builtIn();

    private static JsonNode json(String text) {
        return Json.parse(text.getBytes());
    }

    @Test
    void shouldFindEveryToxiproxyTypeByName() {
        assertThat(types.get("latency").parse(json("{\"latency\": 100, \"jitter\": 5}"))).isEqualTo(new LatencyToxic(100, 5));
        assertThat(types.get("bandwidth").parse(json("{\"rate\": 50}"))).isEqualTo(new BandwidthToxic(50));
        assertThat(types.get("timeout").parse(json("{}"))).isEqualTo(new TimeoutToxic(0));
        assertThat(types.get("reset_peer").parse(json("{\"timeout\": 3}"))).isEqualTo(new ResetPeerToxic(3));
        assertThat(types.get("limit_data").parse(json("{\"bytes\": 9}"))).isEqualTo(new LimitDataToxic(9));
        assertThat(types.get("slicer").parse(json("{\"average_size\": 8, \"size_variation\": 2, \"delay\": 10}")))
                .isEqualTo(new SlicerToxic(8, 2, 10));
        assertThat(types.get("slow_close").parse(null)).isEqualTo(new SlowCloseToxic(0));
    }

    @Test
    void shouldRefuseAnUnknownTypeListingTheKnownOnes() {
        assertThatThrownBy(() -> types.get("latnecy"))
                .isInstanceOf(ApiException.class)
                .hasMessage("invalid toxic type 'latnecy'; known types: latency, bandwidth, timeout, reset_peer, limit_data, slicer, slow_close");
    }

    @Test
    void shouldRefuseAnUnknownAttribute() {
        assertThatThrownBy(() -> types.get("latency").parse(json("{\"delay\": 10}")))
                .isInstanceOf(ApiException.class)
                .hasMessage("unknown attribute 'delay' for toxic type latency; known attributes: latency, jitter");
    }

    @Test
    void shouldRefuseAnAttributeOfTheWrongKind() {
        assertThatThrownBy(() -> types.get("bandwidth").parse(json("{\"rate\": \"fast\"}")))
                .isInstanceOf(ApiException.class)
                .hasMessageStartingWith("bad attribute for toxic type bandwidth: attribute 'rate' must be a whole number");
    }

    @Test
    void shouldRefuseAnOutOfRangeAttribute() {
        assertThatThrownBy(() -> types.get("limit_data").parse(json("{\"bytes\": -1}")))
                .isInstanceOf(ApiException.class)
                .hasMessage("bad attribute for toxic type limit_data: attribute 'bytes' must be >= 0 bytes, was -1")
                .extracting(e -> ((ApiException) e).status()).isEqualTo(400);
    }

    @Test
    void shouldOverlayAnUpdateOnTheCurrentValues() {
        Toxic updated = types.get("latency").parse(json("{\"jitter\": 7}"), new LatencyToxic(300, 0));
        assertThat(updated).isEqualTo(new LatencyToxic(300, 7));
    }

    @Test
    void shouldAcceptANewFaultAsOneRecordAndOneRegistration() {
        record Drop(long every) implements Toxic {
            @Override
            public ToxicStage newStage(StageContext context) {
                return (data, ctx) -> ctx.discard(data);
            }
        }
        ToxicTypes extended = ToxicTypes.builtIn().register(new ToxicType<>("drop", Drop.class, new Drop(1)));
        assertThat(extended.get("drop").parse(json("{\"every\": 3}"))).isEqualTo(new Drop(3));
        assertThat(extended.typeOf(new Drop(2)).name()).isEqualTo("drop");
    }

    @Test
    void shouldNameAToxicAfterTypeAndStreamByDefault() {
        assertThat(ToxicSpec.defaultName("latency", Stream.UPSTREAM)).isEqualTo("latency_upstream");
    }
}
