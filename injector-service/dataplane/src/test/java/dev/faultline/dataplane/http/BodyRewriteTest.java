package dev.faultline.dataplane.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BodyRewriteTest {

    private static final DefaultHttpRequest GET = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/");

    private static ResponseRewrite rewrite(HttpAction action, DefaultHttpRequest request) {
        return ((Outcome.Forward) action.apply(request, new Random(1))).rewrite();
    }

    private static HttpResponse head(String... headers) {
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        for (int i = 0; i < headers.length; i += 2) {
            response.headers().add(headers[i], headers[i + 1]);
        }
        return response;
    }

    /** Sends the body in parts through the rewrite and returns what comes out, checking it ends with a last part. */
    private static byte[] body(ResponseRewrite rewrite, String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < parts.length; i++) {
            var buf = Unpooled.copiedBuffer(parts[i], StandardCharsets.ISO_8859_1);
            HttpContent in = i == parts.length - 1 ? new DefaultLastHttpContent(buf) : new DefaultHttpContent(buf);
            HttpContent result = rewrite.content(in);
            assertThat(result == in || in.refCnt() == 0).as("input passed on or released").isTrue();
            if (result != null) {
                out.writeBytes(ByteBufUtil.getBytes(result.content()));
                assertThat(result instanceof LastHttpContent).isEqualTo(i == parts.length - 1);
                result.release();
            }
        }
        return out.toByteArray();
    }

    @Test
    void replaceBodySetsTheNewLengthAndDropsChunking() {
        ResponseRewrite rewrite = rewrite(new ReplaceBodyAction("{}", "application/json"), GET);
        HttpResponse head = rewrite.head(head("Content-Type", "text/html", "Transfer-Encoding", "chunked", "X-Keep", "1"));
        assertThat(head.headers().get("Content-Length")).isEqualTo("2");
        assertThat(head.headers().contains("Transfer-Encoding")).isFalse();
        assertThat(head.headers().get("Content-Type")).isEqualTo("application/json");
        assertThat(head.headers().get("X-Keep")).isEqualTo("1");
        assertThat(new String(body(rewrite, "<html>", "lots", "</html>"), StandardCharsets.UTF_8)).isEqualTo("{}");
    }

    @Test
    void replaceBodyLeavesHeadRequestsAndBodilessResponsesAlone() {
        assertThat(new ReplaceBodyAction("x", null).apply(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.HEAD, "/"), new Random()))
                .isSameAs(Outcome.PASS);
        ResponseRewrite rewrite = rewrite(new ReplaceBodyAction("x", null), GET);
        HttpResponse noContent = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT);
        rewrite.head(noContent);
        assertThat(noContent.headers().contains("Content-Length")).isFalse();
        assertThat(body(rewrite, "")).isEmpty();
    }

    @Test
    void corruptBodyInvertsEveryNthByteAcrossParts() {
        ResponseRewrite rewrite = rewrite(new CorruptBodyAction(3, -1), GET);
        rewrite.head(head("Content-Length", "7"));
        byte[] out = body(rewrite, "abcd", "efg");
        byte[] expected = "abcdefg".getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < expected.length; i += 3) {
            expected[i] ^= (byte) 0xFF;
        }
        assertThat(out).isEqualTo(expected);
    }

    @Test
    void corruptBodyTruncatesAndLowersTheContentLength() {
        ResponseRewrite rewrite = rewrite(new CorruptBodyAction(0, 5), GET);
        HttpResponse head = rewrite.head(head("Content-Length", "12"));
        assertThat(head.headers().get("Content-Length")).isEqualTo("5");
        assertThat(new String(body(rewrite, "abc", "defgh", "ijkl"), StandardCharsets.ISO_8859_1)).isEqualTo("abcde");
    }

    @Test
    void corruptBodyKeepsAShorterBodyAsItIs() {
        ResponseRewrite rewrite = rewrite(new CorruptBodyAction(0, 50), GET);
        HttpResponse head = rewrite.head(head("Content-Length", "3"));
        assertThat(head.headers().get("Content-Length")).isEqualTo("3");
        assertThat(new String(body(rewrite, "abc"), StandardCharsets.ISO_8859_1)).isEqualTo("abc");
    }
}
