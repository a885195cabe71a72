package dev.faultline.dataplane.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * The upstream connection of a {@link ClientSide}: hands each response part, through the
 * exchange's rewrite, to the client side. Interim responses (100 Continue, 103 Early Hints)
 * go through untouched and do not complete the exchange.
 */
final class UpstreamSide extends ChannelInboundHandlerAdapter {

    private final ClientSide client;
    private boolean interim;

    UpstreamSide(ClientSide client) {
        this.client = client;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Exchange exchange = client.upstreamHead();
        if (exchange == null || !(msg instanceof HttpObject)) {
            // A response nobody asked for: the upstream does not speak HTTP/1.1 request/response.
            ReferenceCountUtil.release(msg);
            ctx.close();
            return;
        }
        if (((HttpObject) msg).decoderResult().isFailure()) {
            ReferenceCountUtil.release(msg);
            ctx.close();
            return;
        }
        if (msg instanceof HttpResponse response) {
            int code = response.status().code();
            interim = code >= 100 && code < 200 && code != 101;
            if (interim) {
                client.upstreamPart(exchange, response, false);
                return;
            }
            if (!HttpUtil.isKeepAlive(response)) {
                exchange.closeAfter();
            }
            HttpResponse head = exchange.rewrite().head(response);
            if (!(msg instanceof HttpContent)) {
                client.upstreamPart(exchange, head, false);
                return;
            }
        }
        if (msg instanceof HttpContent content) {
            if (interim) {
                // the interim response's end goes to the client too, so that its encoder is ready for the next head
                interim = !(content instanceof LastHttpContent);
                client.upstreamPart(exchange, content, false);
                return;
            }
            boolean last = content instanceof LastHttpContent;
            HttpContent out = exchange.rewrite().content(content);
            if (out != null) {
                client.upstreamPart(exchange, out, last);
            }
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        client.upstreamReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        client.updateReading();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        client.upstreamClosed();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
