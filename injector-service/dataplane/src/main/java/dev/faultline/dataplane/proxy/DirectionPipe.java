package dev.faultline.dataplane.proxy;

import dev.faultline.dataplane.toxic.StageContext;
import dev.faultline.dataplane.toxic.Stream;
import dev.faultline.dataplane.toxic.ToxicScheduler;
import dev.faultline.dataplane.toxic.ToxicSpec;
import dev.faultline.dataplane.toxic.ToxicStage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.WriteBufferWaterMark;
import java.util.ArrayDeque;
import java.util.random.RandomGenerator;

/**
 * One direction of one proxied connection: bytes read from the source channel pass through
 * the toxics' stages, in creation order, and are written to the sink channel. Toxics are
 * added, replaced and removed while data flows. Back-pressure: the source stops reading when
 * more than {@link #HIGH} bytes are held by stages, or when the sink's outbound queue passes its
 * high water mark ({@link #WATER_MARK}, the same bounds), and reads again once both are under
 * {@link #LOW}. Confined to the connection's event loop.
 *
 * <p>The relay path allocates nothing per chunk besides the pooled buffer the read filled: a
 * write takes the sink's void promise (no future, no listener; a failed write closes the channel
 * through its exception handler) and the socket queue is watched through the channel's
 * writability instead of a listener per write. Writes made while the source is being read are
 * flushed once, when the read burst ends ({@link #readComplete()}): one syscall for up to a
 * read loop's worth of chunks.
 */
final class DirectionPipe {

    static final long HIGH = 1024 * 1024;
    static final long LOW = 256 * 1024;
    /** The sink's outbound queue bounds: unwritable over {@link #HIGH}, writable again under {@link #LOW}. */
    static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark((int) LOW, (int) HIGH);

    private final Stream stream;
    private final Channel source;
    private final Channel sink;
    private final ProxyConnection connection;
    private final RandomGenerator random;
    private final Node head = new Node(null, null);
    private final Node tail = new Node(null, null);
    private final ArrayDeque<ByteBuf> early = new ArrayDeque<>();
    private long held;
    private boolean inReadBurst;
    private boolean flushPending;
    private boolean started;
    private boolean endedEarly;
    private boolean reading;
    private boolean sourceEnded;
    private boolean finished;

    DirectionPipe(Stream stream, Channel source, Channel sink, ProxyConnection connection, RandomGenerator random) {
        this.stream = stream;
        this.source = source;
        this.sink = sink;
        this.connection = connection;
        this.random = random;
        head.next = tail;
    }

    Stream stream() {
        return stream;
    }

    /** Appends a toxic's stage (or a pass-through one when its toxicity spares this connection). */
    void add(ToxicSpec spec) {
        Node last = head;
        while (last.next != tail) {
            last = last.next;
        }
        Node node = new Node(spec.name(), last.next);
        node.stage = spec.affects(random.nextDouble()) ? spec.attributes().newStage(node) : ToxicStage.PASS_THROUGH;
        last.next = node;
    }

    /** Removes a toxic's stage, letting it hand on what it holds; a new spec, if given, takes its place. */
    void remove(String name, ToxicSpec replacement) {
        for (Node prev = head; prev.next != tail; prev = prev.next) {
            Node node = prev.next;
            if (name.equals(node.name)) {
                Node successor = node.next;
                if (replacement != null) {
                    Node fresh = new Node(replacement.name(), successor);
                    fresh.stage = replacement.affects(random.nextDouble()) ? replacement.attributes().newStage(fresh) : ToxicStage.PASS_THROUGH;
                    successor = fresh;
                }
                prev.next = successor;
                node.removed = true;
                node.stage.onRemoved(node);
                return;
            }
        }
    }

    /**
     * The connection is up: pass on what arrived early and start reading. Data can arrive
     * before, with reading off: epoll reads on a peer's half-close to notice the EOF.
     */
    void start() {
        started = true;
        for (ByteBuf data = early.poll(); data != null; data = early.poll()) {
            head.forward(data);
        }
        if (endedEarly) {
            sourceEnded();
        } else {
            setReading(true);
        }
    }

    /**
     * The connection is closing: drop what arrived before it started and what the stages still hold, which will never
     * be sent.
     */
    void closed() {
        for (ByteBuf data = early.poll(); data != null; data = early.poll()) {
            data.release();
        }
        for (Node node = head.next; node != tail; node = node.next) {
            node.stage.onClosed(node);
        }
    }

    void receive(ByteBuf data) {
        held += data.readableBytes();
        if (!started) {
            early.add(data);
            return;
        }
        inReadBurst = true;
        head.forward(data);
        if (reading && (held >= HIGH || !sink.isWritable())) {
            setReading(false);
        }
    }

    /** The source's read burst is over: flush what it wrote to the sink, in one go. */
    void readComplete() {
        inReadBurst = false;
        if (flushPending) {
            flushPending = false;
            sink.flush();
        }
    }

    /** The sink's outbound queue crossed a water mark: reading may resume. */
    void sinkWritabilityChanged() {
        resumeIfDrained();
    }

    /** The source sent EOF (or went away): pass the end through the stages. */
    void sourceEnded() {
        if (!started) {
            endedEarly = true;
            return;
        }
        if (!sourceEnded) {
            sourceEnded = true;
            reading = false;
            head.end();
        }
    }

    boolean finished() {
        return finished;
    }

    /** Bytes left the stages (written to the sink, or dropped). */
    private void consumed(int bytes) {
        held -= bytes;
        resumeIfDrained();
    }

    private void resumeIfDrained() {
        if (!reading && started && !sourceEnded && held <= LOW && sink.isWritable() && connection.isOpen()) {
            setReading(true);
        }
    }

    private void setReading(boolean on) {
        reading = on;
        source.config().setAutoRead(on);
    }

    private void write(ByteBuf data) {
        int bytes = data.readableBytes();
        if (!sink.isActive()) {
            data.release();
        } else if (inReadBurst) {
            sink.write(data, sink.voidPromise());
            flushPending = true;
        } else {
            sink.writeAndFlush(data, sink.voidPromise());
        }
        consumed(bytes);
    }

    private void finish() {
        readComplete();
        if (!finished) {
            finished = true;
            connection.directionFinished(this, sink);
        }
    }

    /** A link in the chain; it is the {@link StageContext} of its own stage. */
    private final class Node implements StageContext {
        private final String name;
        private Node next;
        private ToxicStage stage;
        private boolean removed;

        Node(String name, Node next) {
            this.name = name;
            this.next = next;
        }

        private Node target() {
            Node target = next;
            while (target.removed) {
                target = target.next;
            }
            return target;
        }

        @Override
        public void forward(ByteBuf data) {
            Node target = target();
            if (target == tail) {
                write(data);
            } else {
                target.stage.onData(data, target);
            }
        }

        @Override
        public void end() {
            Node target = target();
            if (target == tail) {
                finish();
            } else {
                target.stage.onEnd(target);
            }
        }

        @Override
        public void discard(ByteBuf data) {
            int bytes = data.readableBytes();
            data.release();
            consumed(bytes);
        }

        @Override
        public void closeConnection() {
            connection.close();
        }

        @Override
        public void resetConnection() {
            connection.reset();
        }

        @Override
        public ToxicScheduler scheduler() {
            return connection.scheduler();
        }

        @Override
        public RandomGenerator random() {
            return random;
        }
    }
}
