package dev.faultline.dataplane.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseOrderTest {

    private final EmbeddedChannel client = new EmbeddedChannel();
    private final ResponseOrder order = new ResponseOrder(client);

    private List<Object> sent() {
        order.flush();
        List<Object> out = new ArrayList<>();
        for (Object o = client.readOutbound(); o != null; o = client.readOutbound()) {
            out.add(o);
        }
        return out;
    }

    private static HttpObject full(int status) {
        return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status));
    }

    @Test
    void shouldHoldAReadyAnswerUntilEarlierResponsesAreComplete() {
        Exchange proxied = new Exchange(ResponseRewrite.NONE, true);
        Exchange synthetic = new Exchange(ResponseRewrite.NONE, true);
        Exchange later = new Exchange(ResponseRewrite.NONE, true);
        order.add(proxied);
        order.add(synthetic);
        order.add(later);

        HttpObject fault = full(503);
        order.write(synthetic, fault, true);
        assertThat(sent()).isEmpty();

        HttpObject head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        order.write(proxied, head, false);
        assertThat(sent()).containsExactly(head);

        order.write(proxied, LastHttpContent.EMPTY_LAST_CONTENT, true);
        assertThat(sent()).containsExactly(LastHttpContent.EMPTY_LAST_CONTENT, fault);

        HttpObject third = full(200);
        order.write(later, third, true);
        assertThat(sent()).containsExactly(third);
        assertThat(order.isEmpty()).isTrue();
        assertThat(client.isOpen()).isTrue();
    }

    @Test
    void shouldCloseAfterAnAbortOnlyOnceEarlierAnswersAreOut() {
        Exchange first = new Exchange(ResponseRewrite.NONE, true);
        Exchange aborted = new Exchange(ResponseRewrite.NONE, true);
        order.add(first);
        order.add(aborted);
        order.abort(aborted, false);
        assertThat(client.isOpen()).isTrue();
        HttpObject answer = full(200);
        order.write(first, answer, true);
        client.runPendingTasks();
        assertThat((Object) client.readOutbound()).isSameAs(answer);
        assertThat(client.isOpen()).isFalse();
    }

}
