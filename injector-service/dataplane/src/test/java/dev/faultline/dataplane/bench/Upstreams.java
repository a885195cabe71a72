package dev.faultline.dataplane.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The loopback upstreams of the benchmark, on their own event-loop thread: a TCP echo server
 * and a small HTTP/1.1 responder ({@code /small}: a 128-byte body; {@code /bulk/N}: N bytes).
 */
final class Upstreams implements AutoCloseable {

    static final int SMALL_BODY = 128;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    private final Channel echo;
    private final Channel http;
    private final ByteBuf bulk = Unpooled.unreleasableBuffer(Unpooled.directBuffer(64 * 1024 * 1024).writeZero(64 * 1024 * 1024));

    Upstreams() {
        echo = bind(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        ctx.write(msg);
                    }

                    @Override
                    public void channelReadComplete(ChannelHandlerContext ctx) {
                        ctx.flush();
                    }
                });
            }
        });
        http = bind(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new HttpServerCodec(), new SimpleChannelInboundHandler<HttpObject>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
                        if (msg instanceof HttpRequest request) {
                            ctx.write(respond(request.uri()));
                        }
                    }

                    @Override
                    public void channelReadComplete(ChannelHandlerContext ctx) {
                        ctx.flush();
                    }
                });
            }
        });
    }

    private FullHttpResponse respond(String uri) {
        ByteBuf body = uri.startsWith("/bulk/")
                ? bulk.retainedSlice(0, Integer.parseInt(uri.substring("/bulk/".length())))
                : Unpooled.wrappedBuffer(new byte[SMALL_BODY]);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body);
        response.headers().add("Content-Type", "application/octet-stream").add("X-Bench", "upstream");
        HttpUtil.setContentLength(response, body.readableBytes());
        return response;
    }

    private Channel bind(ChannelInitializer<SocketChannel> initializer) {
        return new ServerBootstrap().group(group).channel(EpollServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true).childHandler(initializer)
                .bind("127.0.0.1", 0).syncUninterruptibly().channel();
    }

    int echoPort() {
        return ((InetSocketAddress) echo.localAddress()).getPort();
    }

    int httpPort() {
        return ((InetSocketAddress) http.localAddress()).getPort();
    }

    @Override
    public void close() {
        echo.close().syncUninterruptibly();
        http.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
