package dev.faultline.dataplane.http;

import dev.faultline.dataplane.proxy.Transport;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.List;

/**
 * One client connection of an L7 proxy and its one upstream connection, both on the same
 * event loop. Each request is decided by the proxy's rules when its head arrives; forwarded
 * requests stream upstream (bodies are never aggregated), answered ones are dropped, and
 * every response goes back through {@link ResponseOrder} in request order. Reading stops
 * while a peer cannot keep up (back-pressure) and while a delay holds requests back.
 */
final class ClientSide extends ChannelInboundHandlerAdapter {

    private final HttpProxy proxy;
    private final Transport transport;
    private final ArrayDeque<Exchange> awaitingUpstream = new ArrayDeque<>();
    private final UpstreamWriter writer = new UpstreamWriter(this::updateReading);
    private Channel client;
    private Channel upstream;
    private ResponseOrder responses;
    private boolean upstreamDown;
    private boolean forwardingBody;

    ClientSide(HttpProxy proxy, Transport transport) {
        this.proxy = proxy;
        this.transport = transport;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        client = ctx.channel();
        responses = new ResponseOrder(client);
        Bootstrap bootstrap = new Bootstrap().group(client.eventLoop()).channel(transport.socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, Codecs.WATER_MARK)
                .option(ChannelOption.RCVBUF_ALLOCATOR, Codecs.readBuffers())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(Codecs.decoderConfig(), HttpClientCodec.DEFAULT_FAIL_ON_MISSING_RESPONSE,
                                HttpClientCodec.DEFAULT_PARSE_HTTP_AFTER_CONNECT_REQUEST), new UpstreamSide(ClientSide.this));
                    }
                });
        ChannelFuture connect = bootstrap.connect(proxy.upstream().host(), proxy.upstream().port());
        connect.addListener((ChannelFuture f) -> {
            if (f.isSuccess()) {
                upstream = f.channel();
                writer.attach(upstream);
            } else {
                upstreamDown = true;
                proxy.log().warn("http proxy {}: upstream {} unreachable: {}", proxy.name(), proxy.upstream(), f.cause().getMessage());
            }
            updateReading();
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            onRequest(request);
        }
        if (msg instanceof HttpContent content) {
            if (forwardingBody) {
                writer.send(content);
            } else {
                content.release();
            }
            if (content instanceof LastHttpContent) {
                forwardingBody = false;
            }
        } else if (!(msg instanceof HttpRequest)) {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onRequest(HttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        Outcome outcome;
        if (request.decoderResult().isFailure()) {
            outcome = Answers.plain(400, "malformed HTTP request: " + request.decoderResult().cause().getMessage());
            keepAlive = false;
        } else if (upstreamDown || (upstream != null && !upstream.isActive())) {
            outcome = Answers.plain(502, "upstream " + proxy.upstream() + " of http proxy " + proxy.name() + " is unreachable");
            keepAlive = false;
        } else {
            outcome = proxy.rules().decide(request);
        }
        if (!(outcome instanceof Outcome.Forward) && HttpUtil.is100ContinueExpected(request)) {
            // the client may or may not send the body it announced: only closing keeps the framing certain
            keepAlive = false;
        }
        if (outcome instanceof Outcome.Forward forward) {
            Exchange exchange = new Exchange(forward.rewrite(), keepAlive);
            responses.add(exchange);
            awaitingUpstream.add(exchange);
            if (forward.delayNanos() > 0) {
                writer.hold(forward.delayNanos());
                updateReading();
            }
            writer.send(request);
            forwardingBody = true;
        } else if (outcome instanceof Outcome.Respond respond) {
            Exchange exchange = new Exchange(ResponseRewrite.NONE, keepAlive);
            responses.add(exchange);
            responses.write(exchange, Answers.response(respond, keepAlive), true);
            forwardingBody = false;
        } else if (outcome instanceof Outcome.Abort abort) {
            Exchange exchange = new Exchange(ResponseRewrite.NONE, false);
            responses.add(exchange);
            responses.abort(exchange, abort.reset());
            forwardingBody = false;
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        writer.flush();
        responses.flush();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        updateReading();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        writer.discard();
        responses.discard();
        awaitingUpstream.clear();
        if (upstream != null) {
            upstream.close();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        proxy.log().debug("http proxy {}: client connection failed", proxy.name(), cause);
        ctx.close();
    }

    // ---- called by UpstreamSide, on the same event loop ----

    /** The exchange whose response upstream is sending now (the oldest forwarded one). */
    Exchange upstreamHead() {
        return awaitingUpstream.peek();
    }

    void upstreamPart(Exchange exchange, HttpObject part, boolean completesExchange) {
        if (completesExchange) {
            awaitingUpstream.poll();
        }
        responses.write(exchange, part, completesExchange);
    }

    void upstreamReadComplete() {
        responses.flush();
    }

    /** Upstream closed: unanswered requests get a 502, a half-sent response is cut, then the client is closed. */
    void upstreamClosed() {
        upstreamDown = true;
        forwardingBody = false;
        writer.discard();
        for (Exchange exchange : List.copyOf(awaitingUpstream)) {
            if (exchange.started()) {
                responses.abort(exchange, false);
            } else {
                exchange.closeAfter();
                responses.write(exchange, Answers.response(Answers.plain(502, "upstream " + proxy.upstream() + " closed the connection"), false), true);
            }
        }
        awaitingUpstream.clear();
        responses.flush();
        responses.closeWhenDrained();
    }

    void updateReading() {
        if (client == null || !client.isOpen()) {
            return;
        }
        boolean clientWritable = client.isWritable();
        boolean ready = upstreamDown || (upstream != null && upstream.isWritable());
        client.config().setAutoRead(ready && clientWritable && !writer.holding());
        if (upstream != null) {
            upstream.config().setAutoRead(clientWritable);
        }
    }
}
