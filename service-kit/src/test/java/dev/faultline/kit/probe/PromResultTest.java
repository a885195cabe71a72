package dev.faultline.kit.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.kit.probe.PromResult.Status;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Answers as Prometheus 2.42 (Debian's package) gave them, read into one number or the reason there is none. */
class PromResultTest {

    private static final String SERVER = "http://127.0.0.1:9090";
    private static final PromQuery INSTANT = PromQuery.of(Map.of("query", "prometheus_http_requests_total"));
    private static final PromQuery RANGE = PromQuery.of(Map.of("query", "sum(prometheus_http_requests_total)",
            "range", "5s", "step", "1s"));

    private static PromResult instant(int status, String body) {
        return PromResult.read(INSTANT, SERVER, status, body);
    }

    @Test
    void shouldSumTheSeriesOfAVector() {
        PromResult result = instant(200, """
                {"status":"success","data":{"resultType":"vector","result":[{"metric":{"__name__":\
                "prometheus_http_requests_total","code":"200","handler":"/-/ready","instance":"127.0.0.1:19191",\
                "job":"self"},"value":[1796463243.678,"1"]},{"metric":{"__name__":"prometheus_http_requests_total",\
                "code":"200","handler":"/metrics","instance":"127.0.0.1:19191","job":"self"},\
                "value":[1796463243.678,"4"]}]}}""");

        assertThat(result.status()).isEqualTo(Status.VALUE);
        assertThat(result.value()).isEqualTo(5.0);
        assertThat(result.reason()).isNull();
    }

    @Test
    void shouldTakeAScalarAsItIsInfinitiesIncluded() {
        assertThat(instant(200, """
                {"status":"success","data":{"resultType":"scalar","result":[1796463243.804,"1.5"]}}""").value())
                .isEqualTo(1.5);
        assertThat(instant(200, """
                {"status":"success","data":{"resultType":"scalar","result":[1796463244.137,"+Inf"]}}""").value())
                .isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void shouldAverageARangeQuerysStepsOfTheSummedSeries() {
        PromResult one = PromResult.read(RANGE, SERVER, 200, """
                {"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1796463239,"1"],\
                [1796463240,"2"],[1796463241,"3"],[1796463242,"4"],[1796463243,"5"],[1796463244,"13"]]}]}}""");
        PromResult two = PromResult.read(RANGE, SERVER, 200, """
                {"status":"success","data":{"resultType":"matrix","result":[\
                {"metric":{"code":"200"},"values":[[1796463239,"1"],[1796463240,"3"]]},\
                {"metric":{"code":"503"},"values":[[1796463240,"2"],[1796463241,"NaN"]]}]}}""");

        assertThat(one.value()).isEqualTo(28.0 / 6);
        assertThat(two.value()).as("steps 1 and 3+2; NaN left out").isEqualTo(3.0);
    }

    @Test
    void shouldSayNoSeriesForAnEmptyResult() {
        PromResult vector = instant(200, """
                {"status":"success","data":{"resultType":"vector","result":[]}}""");
        PromResult matrix = PromResult.read(RANGE, SERVER, 200, """
                {"status":"success","data":{"resultType":"matrix","result":[]}}""");

        assertThat(vector.status()).isEqualTo(Status.NO_SERIES);
        assertThat(vector.value()).isNull();
        assertThat(vector.reason()).isEqualTo("no series: the query prometheus_http_requests_total at " + SERVER
                + " returned an empty result (the metric is absent, or has not been recorded yet)");
        assertThat(matrix.status()).isEqualTo(Status.NO_SERIES);
    }

    @Test
    void shouldCarryPrometheusOwnErrorForARefusedQuery() {
        PromResult syntax = instant(400, """
                {"status":"error","errorType":"bad_data","error":"invalid parameter \\"query\\": 1:11: parse error: \
                unclosed left parenthesis"}""");
        PromResult execution = instant(422, """
                {"status":"error","errorType":"execution","error":"found duplicate series for the match group {} on \
                the right hand-side of the operation"}""");

        assertThat(syntax.status()).isEqualTo(Status.REFUSED);
        assertThat(syntax.reason()).isEqualTo("Prometheus at " + SERVER + " refused the query "
                + "prometheus_http_requests_total: bad_data: invalid parameter \"query\": 1:11: parse error: unclosed left"
                + " parenthesis (HTTP 400)");
        assertThat(execution.status()).isEqualTo(Status.REFUSED);
        assertThat(execution.reason()).contains("execution: found duplicate series", "(HTTP 422)");
    }

    @Test
    void shouldRefuseWhatIsNoNumber() {
        PromResult nan = instant(200, """
                {"status":"success","data":{"resultType":"scalar","result":[1796463244.105,"NaN"]}}""");
        PromResult rangeVector = instant(200, """
                {"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"up"},\
                "values":[[1796463240.976,"1"],[1796463241.973,"1"]]}]}}""");
        PromResult string = instant(200, """
                {"status":"success","data":{"resultType":"string","result":[1796463243.839,"hello"]}}""");
        PromResult notPrometheus = instant(404, "404 page not found");

        assertThat(nan.status()).isEqualTo(Status.NAN);
        assertThat(nan.reason()).contains("gave NaN");
        assertThat(rangeVector.status()).isEqualTo(Status.UNUSABLE);
        assertThat(rangeVector.reason()).contains("gave a range vector, not a number", "rate(...)");
        assertThat(string.reason()).contains("gave a string");
        assertThat(notPrometheus.status()).isEqualTo(Status.UNUSABLE);
        assertThat(notPrometheus.reason()).isEqualTo("HTTP 404 from " + SERVER + " is not an answer of Prometheus'"
                + " HTTP API to prometheus_http_requests_total (is " + SERVER + " a Prometheus server's base URL?)");
    }

    @Test
    void shouldNameTheServerThatDidNotAnswer() {
        PromResult down = PromResult.unreachable(INSTANT, SERVER, "ConnectException: Connection refused");

        assertThat(down.status()).isEqualTo(Status.UNREACHABLE);
        assertThat(down.reason()).isEqualTo("Prometheus at " + SERVER + " did not answer the query "
                + "prometheus_http_requests_total: ConnectException: Connection refused");
    }
}
