package dev.faultline.dataplane.api;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapts one HTTP request to an {@link ApiRequest}, asks each {@link ApiRoutes} group in
 * order and writes the first answer. An {@link ApiException} becomes Toxiproxy's error body
 * {@code {"error": ..., "status": ...}}; an unexpected failure becomes a 500 naming it.
 */
final class ManagementHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementHandler.class);

    private final List<ApiRoutes> routes;
    private final Executor worker;

    ManagementHandler(List<ApiRoutes> routes, Executor worker) {
        this.routes = routes;
        this.worker = worker;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest http) {
        if (!http.decoderResult().isSuccess()) {
            write(ctx, false, Json.error(new ApiException(400, "malformed HTTP request: " + http.decoderResult().cause())));
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(http.uri());
        Map<String, String> query = new HashMap<>();
        uri.parameters().forEach((k, v) -> query.put(k, v.isEmpty() ? "" : v.get(0)));
        ApiRequest request = new ApiRequest(http.method().name(), uri.path(), query, ByteBufUtil.getBytes(http.content()));
        boolean keepAlive = HttpUtil.isKeepAlive(http);
        worker.execute(() -> write(ctx, keepAlive, answer(request)));
    }

    private ApiResponse answer(ApiRequest request) {
        try {
            for (ApiRoutes group : routes) {
                Optional<ApiResponse> response = group.handle(request);
                if (response.isPresent()) {
                    return response.get();
                }
            }
            return Json.error(ApiException.notFound("no such endpoint: " + request.method() + " " + request.path()));
        } catch (ApiException e) {
            LOG.debug("{} {} refused: {} {}", request.method(), request.path(), e.status(), e.getMessage());
            return Json.error(e);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", request.method(), request.path(), e);
            return Json.error(new ApiException(500, "internal error: " + e));
        }
    }

    private static void write(ChannelHandlerContext ctx, boolean keepAlive, ApiResponse answer) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(answer.body()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, answer.contentType());
        HttpUtil.setContentLength(response, answer.body().length);
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("management connection failed", cause);
        ctx.close();
    }
}
