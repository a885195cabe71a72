package dev.faultline.dataplane.proxy;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The one Netty event-loop group of a data plane and the socket channel classes that go with
 * it: native epoll on Linux when available, NIO otherwise. Every listener and every proxied
 * connection (both of its channels) runs on this group, so no thread is spent per connection.
 * An epoll loop polls a little before it sleeps ({@link SpinThenBlock}).
 */
public final class Transport implements AutoCloseable {

    private final boolean epoll;
    private final EventLoopGroup group;

    /**
     * @param threads event-loop threads
     * @param spin    how long an epoll event loop polls after its last I/O before it sleeps
     *                ({@link SpinThenBlock}); zero sleeps at once
     */
    public Transport(int threads, Duration spin) {
        this.epoll = Epoll.isAvailable() && !Boolean.getBoolean("faultline.dataplane.nio");
        IoHandlerFactory factory = epoll
                ? EpollIoHandler.newFactory(0, () -> new SpinThenBlock(spin, System::nanoTime))
                : NioIoHandler.newFactory();
        this.group = new MultiThreadIoEventLoopGroup(threads, factory);
    }

    public EventLoopGroup group() {
        return group;
    }

    public Class<? extends ServerChannel> serverChannel() {
        return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    public Class<? extends SocketChannel> socketChannel() {
        return epoll ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    public String name() {
        return epoll ? "epoll" : "nio";
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
