package dev.faultline.dataplane.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small real HTTP/1.1 upstream for the tests, on its own event loop: deterministic responses
 * (no Date header) so that direct and proxied answers can be compared byte for byte.
 * {@code /chunked} answers with three chunks, {@code /bytes/N} with N patterned bytes,
 * anything else echoes the method, target and body; headers include repeated and lower-case names.
 */
final class TestUpstream implements AutoCloseable {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final Channel server;

    TestUpstream() {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.incrementAndGet();
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(4 * 1024 * 1024), new Handler());
                    }
                }).bind("127.0.0.1", 0).syncUninterruptibly().channel();
    }

    int port() {
        return ((java.net.InetSocketAddress) server.localAddress()).getPort();
    }

    String address() {
        return "127.0.0.1:" + port();
    }

    int requests() {
        return requests.get();
    }

    int connections() {
        return connections.get();
    }

    static byte[] pattern(int n) {
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) (i % 251);
        }
        return bytes;
    }

    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            requests.incrementAndGet();
            String path = HttpMatch.pathOf(request.uri());
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            if (path.equals("/chunked")) {
                HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
                head.headers().add("Content-Type", "text/plain").add("X-Upstream", "chunks");
                HttpUtil.setTransferEncodingChunked(head, true);
                ctx.write(head);
                for (int i = 1; i <= 3; i++) {
                    ctx.write(new DefaultHttpContent(Unpooled.copiedBuffer("part-" + i + "\n", StandardCharsets.US_ASCII)));
                }
                ctx.writeAndFlush(new DefaultLastHttpContent());
                return;
            }
            ByteBuf body;
            String type;
            if (path.startsWith("/bytes/")) {
                body = Unpooled.wrappedBuffer(pattern(Integer.parseInt(path.substring("/bytes/".length()))));
                type = "application/octet-stream";
            } else {
                String echo = request.method() + " " + request.uri() + "\n" + request.content().toString(StandardCharsets.UTF_8);
                body = Unpooled.copiedBuffer(echo, StandardCharsets.UTF_8);
                type = "text/plain; charset=utf-8";
            }
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    path.startsWith("/missing") ? HttpResponseStatus.NOT_FOUND : HttpResponseStatus.OK, body);
            response.headers().add("Content-Type", type).add("x-lower-case", "kept as sent")
                    .add("Set-Cookie", "a=1").add("Set-Cookie", "b=2").add("X-Upstream", "yes");
            HttpUtil.setContentLength(response, body.readableBytes());
            if (!keepAlive) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.writeAndFlush(response).addListener(io.netty.channel.ChannelFutureListener.CLOSE);
            } else {
                ctx.writeAndFlush(response);
            }
        }
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
