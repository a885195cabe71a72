package dev.faultline.dataplane.http;

import dev.faultline.dataplane.api.ApiException;
import dev.faultline.dataplane.proxy.Address;
import dev.faultline.dataplane.proxy.Transport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP dependency behind an L7 fault proxy: a listener whose every accepted connection
 * gets its own upstream connection ({@link ClientSide}), and the ordered rules applied to the
 * requests. Rule changes apply to the next request on every open connection.
 */
public final class HttpProxy implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpProxy.class);

    private final String name;
    private final Address upstream;
    private final Transport transport;
    private final RuleBook rules;
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private volatile Address listen;
    private Channel listener;

    HttpProxy(String name, Address listen, Address upstream, Transport transport, RandomGenerator random) {
        this.name = name;
        this.listen = listen;
        this.upstream = upstream;
        this.transport = transport;
        this.rules = new RuleBook(random);
    }

    public String name() {
        return name;
    }

    /** Where it listens; once bound, the actual port (a requested port 0 shows the one picked). */
    public Address listen() {
        return listen;
    }

    public Address upstream() {
        return upstream;
    }

    RuleBook rules() {
        return rules;
    }

    Logger log() {
        return LOG;
    }

    public int openConnections() {
        return connections.size();
    }

    /** Binds the listener; a 409 when the address is taken, a 400 when it cannot be used. */
    void start() {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(transport.group())
                .channel(transport.serverChannel())
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, Codecs.WATER_MARK)
                .childOption(ChannelOption.RCVBUF_ALLOCATOR, Codecs.readBuffers())
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.add(ch);
                        ch.pipeline().addLast(new HttpServerCodec(Codecs.decoderConfig()), new ClientSide(HttpProxy.this, transport));
                    }
                });
        var bind = bootstrap.bind(listen.host(), listen.port()).awaitUninterruptibly();
        if (!bind.isSuccess()) {
            Throwable cause = bind.cause();
            if (cause instanceof BindException || String.valueOf(cause.getMessage()).contains("in use")) {
                throw ApiException.conflict("listen address " + listen + " of http proxy " + name
                        + " is already in use (by another proxy or process); choose another port or port 0");
            }
            throw ApiException.badRequest("cannot listen on " + listen + " for http proxy " + name + ": " + cause.getMessage());
        }
        listener = bind.channel();
        listen = new Address(listen.host(), ((InetSocketAddress) listener.localAddress()).getPort());
        LOG.info("http proxy {} listening on {} -> {}", name, listen, upstream);
    }

    /** Closes the listener and every open connection (requests in flight are cut). */
    @Override
    public void close() {
        if (listener != null) {
            listener.close().syncUninterruptibly();
        }
        connections.close().awaitUninterruptibly();
        LOG.info("http proxy {} closed", name);
    }
}
