package dev.faultline.dataplane.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpObject;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;

/**
 * The per-connection FIFO that keeps responses in request order (HTTP/1.1 pipelining), even
 * when a response made by the proxy overtakes one still coming from upstream: parts of the
 * exchange at the head go straight to the client, later ones wait until their turn. Also
 * carries out what follows an exchange: keep going, close, or abort (FIN or RST).
 */
final class ResponseOrder {

    private final Channel client;
    private final ArrayDeque<Exchange> queue = new ArrayDeque<>();
    private boolean closeWhenDrained;
    private boolean closing;
    private boolean dirty;

    ResponseOrder(Channel client) {
        this.client = client;
    }

    void add(Exchange exchange) {
        queue.add(exchange);
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** A response part of {@code exchange}; {@code last} completes it (an interim response's end does not). */
    void write(Exchange exchange, HttpObject part, boolean last) {
        exchange.markStarted();
        if (exchange == queue.peek() && !closing) {
            client.write(part, client.voidPromise());
            dirty = true;
        } else if (closing) {
            ReferenceCountUtil.release(part);
        } else {
            exchange.park(part);
        }
        if (last) {
            exchange.markDone();
            advance();
        }
    }

    /** The exchange ends the connection instead of being answered, once earlier responses are out. */
    void abort(Exchange exchange, boolean reset) {
        exchange.abort(reset);
        advance();
    }

    /** Closes the client once every queued exchange is done (upstream went away). */
    void closeWhenDrained() {
        closeWhenDrained = true;
        advance();
    }

    void flush() {
        if (dirty) {
            dirty = false;
            client.flush();
        }
    }

    private void advance() {
        while (!closing && !queue.isEmpty() && queue.peek().done()) {
            Exchange head = queue.poll();
            if (head.after() != Exchange.After.CONTINUE) {
                close(head.after() == Exchange.After.ABORT_RESET);
                return;
            }
            Exchange next = queue.peek();
            if (next != null) {
                for (HttpObject part : next.takeWaiting()) {
                    client.write(part, client.voidPromise());
                    dirty = true;
                }
            }
        }
        if (!closing && queue.isEmpty() && closeWhenDrained) {
            close(false);
        }
    }

    private void close(boolean reset) {
        closing = true;
        dirty = false;
        client.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener((ChannelFutureListener) f -> {
            if (reset && client.isOpen()) {
                client.config().setOption(ChannelOption.SO_LINGER, 0);
            }
            client.close();
        });
        discard();
    }

    /** Drops every response still queued (the connection is gone). */
    void discard() {
        queue.forEach(Exchange::discard);
        queue.clear();
    }
}
