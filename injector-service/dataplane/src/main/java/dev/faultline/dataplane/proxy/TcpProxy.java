package dev.faultline.dataplane.proxy;

import dev.faultline.dataplane.api.ApiException;
import dev.faultline.dataplane.toxic.ToxicSpec;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One proxied dependency: a listener that relays each accepted connection to the upstream,
 * with its toxics applied in creation order. Toxic changes reach open connections at once.
 * Disabling closes the listener (new clients get "connection refused") and every open
 * connection, as Toxiproxy does. Thread-safe; connection work is handed to their event loops.
 */
public final class TcpProxy {

    private static final Logger LOG = LoggerFactory.getLogger(TcpProxy.class);

    private final String name;
    private final Address upstream;
    private final Transport transport;
    private final RandomGenerator random;
    private final List<ToxicSpec> toxics = new ArrayList<>();
    private final Set<ProxyConnection> connections = new HashSet<>();
    private final Object lifecycle = new Object();
    private Address listen;
    private Channel listener;

    TcpProxy(String name, Address listen, Address upstream, Transport transport, RandomGenerator random) {
        this.name = name;
        this.listen = listen;
        this.upstream = upstream;
        this.transport = transport;
        this.random = random;
    }

    public String name() {
        return name;
    }

    /** The listen address; once bound, the actual one (a configured port 0 shows the port picked). */
    public synchronized String listen() {
        return listen.toString();
    }

    public String upstream() {
        return upstream.toString();
    }

    public synchronized boolean enabled() {
        return listener != null;
    }

    public synchronized List<ToxicSpec> toxics() {
        return List.copyOf(toxics);
    }

    public synchronized Optional<ToxicSpec> toxic(String toxicName) {
        return toxics.stream().filter(t -> t.name().equals(toxicName)).findFirst();
    }

    public synchronized int openConnections() {
        return connections.size();
    }

    /**
     * Binds the listener; a 409 when the address is taken. Does nothing when already listening.
     * Binding waits outside this object's monitor, which event-loop threads take on accept.
     */
    public void enable() {
        synchronized (lifecycle) {
            if (enabled()) {
                return;
            }
            bind();
        }
    }

    private void bind() {
        Address address;
        synchronized (this) {
            address = listen;
        }
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(transport.group())
                .channel(transport.serverChannel())
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, DirectionPipe.WATER_MARK)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        accept(ch);
                    }
                });
        var bind = bootstrap.bind(address.host(), address.port()).awaitUninterruptibly();
        if (!bind.isSuccess()) {
            Throwable cause = bind.cause();
            if (cause instanceof BindException || String.valueOf(cause.getMessage()).contains("in use")) {
                throw ApiException.conflict("listen address " + address + " of proxy " + name
                        + " is already in use (by another proxy or process); choose another port or port 0");
            }
            throw ApiException.badRequest("cannot listen on " + address + " for proxy " + name + ": " + cause.getMessage());
        }
        InetSocketAddress bound = (InetSocketAddress) bind.channel().localAddress();
        synchronized (this) {
            listener = bind.channel();
            listen = new Address(address.host(), bound.getPort());
        }
        LOG.info("proxy {} listening on {} -> {}", name, listen(), upstream);
    }

    /** Closes the listener and every open connection. */
    public void disable() {
        List<ProxyConnection> open;
        Channel closing;
        synchronized (lifecycle) {
            synchronized (this) {
                if (listener == null) {
                    return;
                }
                closing = listener;
                listener = null;
                open = List.copyOf(connections);
            }
            closing.close().syncUninterruptibly();
        }
        open.forEach(ProxyConnection::closeFromOutside);
        LOG.info("proxy {} disabled: {} connections closed", name, open.size());
    }

    /** Appends a toxic; a 409 when the name is taken. */
    public void addToxic(ToxicSpec spec) {
        List<ProxyConnection> open;
        synchronized (this) {
            if (toxic(spec.name()).isPresent()) {
                throw ApiException.conflict("toxic " + spec.name() + " already exists on proxy " + name + "; update it or choose another name");
            }
            toxics.add(spec);
            open = List.copyOf(connections);
        }
        open.forEach(c -> c.execute(() -> c.addToxic(spec)));
    }

    /** Replaces a toxic in place (same position in the chain). */
    public void replaceToxic(ToxicSpec fresh) {
        List<ProxyConnection> open;
        ToxicSpec old;
        synchronized (this) {
            old = toxic(fresh.name()).orElseThrow(() -> toxicNotFound(fresh.name()));
            toxics.set(toxics.indexOf(old), fresh);
            open = List.copyOf(connections);
        }
        open.forEach(c -> c.execute(() -> c.replaceToxic(old, fresh)));
    }

    /** Removes a toxic if it is still {@code expected} (or any toxic of that name when null); returns whether removed. */
    public boolean removeToxic(String toxicName, ToxicSpec expected) {
        List<ProxyConnection> open;
        ToxicSpec old;
        synchronized (this) {
            old = toxic(toxicName).orElse(null);
            if (old == null || (expected != null && old != expected)) {
                return false;
            }
            toxics.remove(old);
            open = List.copyOf(connections);
        }
        open.forEach(c -> c.execute(() -> c.removeToxic(old)));
        return true;
    }

    ApiException toxicNotFound(String toxicName) {
        return ApiException.notFound("toxic " + toxicName + " not found on proxy " + name);
    }

    /** Runs on the accepted channel's event loop: registers the connection and builds its chains atomically. */
    private synchronized void accept(SocketChannel ch) {
        if (listener == null) {
            ch.close();
            return;
        }
        connections.add(new ProxyConnection(this, ch, transport, upstream.unresolved(), List.copyOf(toxics), random));
    }

    synchronized void detach(ProxyConnection connection) {
        connections.remove(connection);
    }
}
