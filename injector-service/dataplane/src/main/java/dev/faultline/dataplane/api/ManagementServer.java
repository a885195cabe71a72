package dev.faultline.dataplane.api;

import dev.faultline.dataplane.proxy.Transport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The management HTTP server (Toxiproxy's API and Faultline's additions): Netty's HTTP codec
 * and aggregator in front of {@link ManagementHandler}. Requests are answered one at a time on
 * a dedicated thread, so that route code may block (binding a listener) and never races
 * another management request.
 */
public final class ManagementServer implements AutoCloseable {

    /** Largest request body accepted (a populate of many proxies fits easily). */
    private static final int MAX_BODY = 4 * 1024 * 1024;

    private final Transport transport;
    private final List<ApiRoutes> routes;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dataplane-api");
        t.setDaemon(true);
        return t;
    });
    private Channel channel;

    public ManagementServer(Transport transport, List<ApiRoutes> routes) {
        this.transport = transport;
        this.routes = List.copyOf(routes);
    }

    /** Binds the API; throws {@link IllegalStateException} naming the address when it cannot. */
    public void start(String host, int port) {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(transport.group())
                .channel(transport.serverChannel())
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_BODY),
                                new ManagementHandler(routes, worker));
                    }
                });
        try {
            channel = bootstrap.bind(host, port).syncUninterruptibly().channel();
        } catch (Exception e) {
            throw new IllegalStateException("cannot listen for the management API on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
        worker.shutdownNow();
    }
}
