package dev.faultline.dataplane.proxy;

import dev.faultline.dataplane.toxic.Stream;
import dev.faultline.dataplane.toxic.ToxicScheduler;
import dev.faultline.dataplane.toxic.ToxicSpec;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection through a proxy: the accepted (frontend) channel, the channel to the
 * upstream (backend), both on the same event loop, and a {@link DirectionPipe} each way.
 * Everything here runs on that event loop; other threads hand work over with {@link #execute}.
 */
final class ProxyConnection {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyConnection.class);

    private final TcpProxy proxy;
    private final Channel frontend;
    private final Channel backend;
    private final DirectionPipe upstream;
    private final DirectionPipe downstream;
    private final ToxicScheduler scheduler;
    private boolean open = true;

    /** Connects to the upstream; called on the frontend's event loop as it is accepted. */
    ProxyConnection(TcpProxy proxy, Channel frontend, Transport transport, InetSocketAddress upstreamAddress,
                    List<ToxicSpec> toxics, RandomGenerator random) {
        this.proxy = proxy;
        this.frontend = frontend;
        this.scheduler = new EventLoopScheduler(frontend.eventLoop());
        var connect = new Bootstrap()
                .group(frontend.eventLoop())
                .channel(transport.socketChannel())
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, DirectionPipe.WATER_MARK)
                .handler(new RelayHandler(this, false))
                .connect(upstreamAddress);
        this.backend = connect.channel();
        this.upstream = new DirectionPipe(Stream.UPSTREAM, frontend, backend, this, random);
        this.downstream = new DirectionPipe(Stream.DOWNSTREAM, backend, frontend, this, random);
        toxics.forEach(this::addToxic);
        frontend.pipeline().addLast(new RelayHandler(this, true));
        connect.addListener((ChannelFutureListener) f -> {
            if (f.isSuccess()) {
                upstream.start();
                downstream.start();
            } else {
                LOG.debug("proxy {}: upstream {} unreachable: {}", proxy.name(), upstreamAddress, f.cause().toString());
                close();
            }
        });
    }

    void execute(Runnable task) {
        frontend.eventLoop().execute(task);
    }

    ToxicScheduler scheduler() {
        return scheduler;
    }

    boolean isOpen() {
        return open;
    }

    void addToxic(ToxicSpec spec) {
        pipe(spec.stream()).add(spec);
    }

    void removeToxic(ToxicSpec spec) {
        pipe(spec.stream()).remove(spec.name(), null);
    }

    void replaceToxic(ToxicSpec old, ToxicSpec fresh) {
        if (old.stream() == fresh.stream()) {
            pipe(old.stream()).remove(old.name(), fresh);
        } else {
            removeToxic(old);
            addToxic(fresh);
        }
    }

    private DirectionPipe pipe(Stream stream) {
        return stream == Stream.UPSTREAM ? upstream : downstream;
    }

    void received(boolean fromFrontend, ByteBuf data) {
        (fromFrontend ? upstream : downstream).receive(data);
    }

    /** A read burst on one side is over: what it wrote to the other side is flushed. */
    void readComplete(boolean fromFrontend) {
        (fromFrontend ? upstream : downstream).readComplete();
    }

    /** One side's outbound queue crossed a water mark: the direction writing to it may read again. */
    void writabilityChanged(boolean frontendSide) {
        (frontendSide ? downstream : upstream).sinkWritabilityChanged();
    }

    /** The channel's peer sent FIN ({@code inputShutdown}) or the channel closed. */
    void inputEnded(boolean fromFrontend) {
        (fromFrontend ? upstream : downstream).sourceEnded();
    }

    /** A direction has delivered its end: half-close its sink, or close all once both ends are done. */
    void directionFinished(DirectionPipe pipe, Channel sink) {
        Channel source = sink == backend ? frontend : backend;
        if ((upstream.finished() && downstream.finished()) || !source.isActive()) {
            close();
        } else if (sink.isActive()) {
            sink.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(f -> ((SocketChannel) sink).shutdownOutput());
        }
    }

    /** Closes both sides once what was already written has gone out. */
    void close() {
        if (!open) {
            return;
        }
        open = false;
        upstream.closed();
        downstream.closed();
        closeAfterFlush(frontend);
        closeAfterFlush(backend);
        proxy.detach(this);
    }

    /** Closes both sides with SO_LINGER 0 so the peers get a TCP RST ("connection reset"). */
    void reset() {
        if (!open) {
            return;
        }
        open = false;
        upstream.closed();
        downstream.closed();
        for (Channel ch : List.of(frontend, backend)) {
            if (ch.isActive()) {
                ch.config().setOption(ChannelOption.SO_LINGER, 0);
            }
            ch.close();
        }
        proxy.detach(this);
    }

    /** Closed from outside (proxy disabled or deleted): thread-safe. */
    void closeFromOutside() {
        execute(this::close);
    }

    private static void closeAfterFlush(Channel channel) {
        if (channel.isActive()) {
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        } else {
            channel.close();
        }
    }
}
