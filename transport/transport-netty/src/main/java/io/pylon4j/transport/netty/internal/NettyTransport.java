package io.pylon4j.transport.netty.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.ScheduledFuture;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.ConnectionStateListener;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.NotConnectedException;
import io.pylon4j.transport.Transport;
import io.pylon4j.transport.TransportClosedException;
import io.pylon4j.transport.TransportCounters;
import io.pylon4j.transport.TransportIoException;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.spi.ConnectionStateMachine;
import io.pylon4j.transport.spi.ConnectionStateMachine.Event;
import io.pylon4j.transport.spi.ConnectionStateTracker;
import io.pylon4j.transport.spi.TransportMetrics;
import io.pylon4j.transport.time.Scheduler;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The connect / read / reconnect cycle of {@link io.pylon4j.transport.spi.BlockingTransport}, on an event loop
 * instead of a thread of its own. Both drive the one {@link ConnectionStateMachine}: the same
 * {@link ConnectionState}s, the same events with the same attempt numbers and causes, the same
 * {@link io.pylon4j.transport.ReconnectPolicy} behaviour and the same counters; only the I/O is written here.
 *
 * <p>Everything below runs on the transport's event loop unless it says otherwise: connect attempts, the protocol
 * handshake, the reconnect timer, state events and listener calls. A connect attempt is bounded by the options'
 * connect timeout twice over: for the TCP connect ({@link ChannelOption#CONNECT_TIMEOUT_MILLIS}) and then for the
 * protocol handshake, if any. With a read-idle timeout, a link that delivers no byte for that long is dropped and
 * reconnected.
 *
 * <p>Back-pressure: the outbound buffer has a high water mark of {@value #HIGH_WATER_MARK} bytes; a send or write
 * while the channel is not writable is refused with a {@link TransportIoException} and counted as a dropped frame,
 * so memory stays bounded when a bridge stops reading. Inbound, auto-read stays on: frames are handed to the
 * listeners synchronously on the event loop, so a slow listener slows reading (and TCP slows the sender) without
 * any buffer of ours growing; the only inbound bytes held are one partial frame, and the decoders bound that.
 */
abstract class NettyTransport implements Transport {

    static final int LOW_WATER_MARK = 32 * 1024;
    static final int HIGH_WATER_MARK = 64 * 1024;
    /**
     * The smallest buffer a read is given: larger than the biggest reply of a bank (a 16-module RS485 0x42 analog
     * reply is about 1.9 KB), so that a reply the peer wrote at once is read at once. Netty's default guess shrinks
     * after a run of short replies (0x92, 38 bytes) to below the next long one, which then takes two reads, two
     * passes through the pipeline and two listener calls (a 494-byte reply read as 480 + 14: one read in seven at
     * scale, benchmarks/README.md "Scale"). The buffer comes from Netty's pool and lives only during the read.
     */
    static final int MIN_READ_BUFFER = 2048;
    /** The largest buffer a read may grow to, when a peer sends faster than one read a loop turn takes away. */
    static final int MAX_READ_BUFFER = 64 * 1024;

    private final Endpoint endpoint;
    private final Endpoint.HostPort address;
    private final TransportOptions options;
    private final SharedEventLoopGroup shared;
    private final TransportMetrics metrics = new TransportMetrics();
    private final ConnectionStateMachine machine;
    private final ConnectionStateTracker tracker;

    private final Object lock = new Object();
    private boolean opened; // guarded by lock
    private volatile EventLoop loop;
    /** The channel of the link that is up; sends use it from any thread. */
    private volatile Channel activeChannel;

    // confined to the event loop
    private Channel channel;
    private Throwable channelFault;
    private Scheduler.Cancellable nextAttempt;
    private ScheduledFuture<?> handshakeTimeout;

    NettyTransport(Endpoint endpoint, Endpoint.HostPort address, TransportOptions options,
                   SharedEventLoopGroup shared) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.address = Objects.requireNonNull(address, "address");
        this.options = Objects.requireNonNull(options, "options");
        this.shared = Objects.requireNonNull(shared, "shared");
        this.machine = new ConnectionStateMachine(endpoint.text(), options.reconnectPolicy(), metrics);
        this.tracker = machine.tracker();
    }

    /** Adds the protocol's handlers; the pipeline already counts bytes and watches for idleness. */
    protected abstract void initPipeline(Channel channel, ChannelPipeline pipeline);

    /**
     * The TCP connection is up. The default declares the link ready at once; a protocol with a handshake starts it
     * here and calls {@link #linkReady(Channel)} when it is done.
     */
    protected void channelConnected(Channel channel) {
        linkReady(channel);
    }

    @Override
    public final String endpoint() {
        return endpoint.text();
    }

    final Endpoint parsedEndpoint() {
        return endpoint;
    }

    final TransportMetrics metrics() {
        return metrics;
    }

    /**
     * A scheduler on this transport's event loop, chosen at {@link #open()} and kept across reconnects.
     *
     * @return it, or empty before {@link #open()}
     */
    final Optional<Scheduler> eventLoopScheduler() {
        EventLoop l = loop;
        return l == null ? Optional.empty() : Optional.of(new EventLoopScheduler(l));
    }

    @Override
    public final CompletionStage<Void> open() {
        synchronized (lock) {
            if (machine.isClosed()) {
                return CompletableFuture.failedFuture(new TransportClosedException(endpoint()));
            }
            if (!opened) {
                opened = true;
                EventLoop l = shared.acquire(options.threadNamePrefix()).next();
                loop = l;
                l.execute(() -> attemptConnect(Event.OPEN));
            }
        }
        return tracker.firstConnection();
    }

    @Override
    public final ConnectionState state() {
        return tracker.state();
    }

    @Override
    public final void addStateListener(ConnectionStateListener listener) {
        tracker.addListener(listener);
    }

    @Override
    public final void removeStateListener(ConnectionStateListener listener) {
        tracker.removeListener(listener);
    }

    @Override
    public final TransportCounters counters() {
        return metrics.snapshot();
    }

    @Override
    public final void close() {
        EventLoop l;
        synchronized (lock) {
            if (!machine.fire(Event.CLOSE, null).moved()) {
                return;
            }
            l = loop;
        }
        if (l == null) { // never opened: nothing runs, nothing to release
            finishClose();
            return;
        }
        if (l.inEventLoop()) { // from a listener: finish here, and do not wait for our own thread to stop
            finishClose();
            shared.release(false);
            return;
        }
        try {
            io.netty.util.concurrent.Future<?> done = l.submit(this::finishClose);
            if (!done.await(5, TimeUnit.SECONDS)) {
                metrics.error();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RejectedExecutionException e) {
            finishClose(); // the loop is gone already; there is nothing left to race with
        }
        shared.release(true);
    }

    private void finishClose() {
        cancelTimers();
        Channel ch = channel;
        channel = null;
        activeChannel = null;
        if (ch != null) {
            ch.close();
        }
        machine.announceClosed();
    }

    private void cancelTimers() {
        if (nextAttempt != null) {
            nextAttempt.close();
            nextAttempt = null;
        }
        if (handshakeTimeout != null) {
            handshakeTimeout.cancel(false);
            handshakeTimeout = null;
        }
    }

    // --- the state machine, on the event loop ----------------------------------------------------------------

    private void attemptConnect(Event start) {
        nextAttempt = null;
        if (!machine.fire(start, null).moved()) {
            return; // closed
        }
        Throwable[] pipelineFault = new Throwable[1]; // set by the initializer on this thread (the event loop)
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, timeoutMillis(options.connectTimeout()))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(LOW_WATER_MARK, HIGH_WATER_MARK))
                .option(ChannelOption.RCVBUF_ALLOCATOR,
                        new AdaptiveRecvByteBufAllocator(MIN_READ_BUFFER, MIN_READ_BUFFER, MAX_READ_BUFFER))
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ChannelPipeline pipeline = ch.pipeline();
                        pipeline.addLast("bytes-in", new BytesInCounter());
                        if (!options.readIdleTimeout().isZero()) {
                            pipeline.addLast("idle", new IdleStateHandler(options.readIdleTimeout().toNanos(), 0, 0,
                                    TimeUnit.NANOSECONDS));
                        }
                        initPipeline(ch, pipeline);
                        pipeline.addLast("link", new LinkHandler());
                    }

                    @Override
                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                        // Netty's own handling logs "Failed to initialize a channel" and closes it, which then reads
                        // as "closed by the other end"; the cause (a class missing from the path, most often) is
                        // the link's. It runs inside connect() below, before this channel is the current one.
                        pipelineFault[0] = new TransportIoException(endpoint()
                                + ": cannot set up the connection: " + cause, cause);
                        ctx.close();
                    }
                });
        ChannelFuture connect = bootstrap.connect(address.host(), address.port());
        Channel ch = connect.channel();
        channel = ch;
        channelFault = pipelineFault[0];
        ch.closeFuture().addListener(f -> linkDown(ch));
        connect.addListener(f -> {
            if (!f.isSuccess()) {
                fail(ch, f.cause());
                linkDown(ch);
            }
        });
    }

    private void tcpConnected(Channel ch) {
        if (machine.isClosed() || ch != channel) {
            return;
        }
        handshakeTimeout = loop.schedule(() -> fail(ch, new TransportIoException(endpoint()
                        + ": connected, but the bridge did not complete its handshake within "
                        + options.connectTimeout())),
                options.connectTimeout().toNanos(), TimeUnit.NANOSECONDS);
        channelConnected(ch);
    }

    /** The link on {@code ch} is ready for traffic (after the handshake, if any). Call on the event loop. */
    final void linkReady(Channel ch) {
        if (ch != channel || machine.state() != ConnectionState.CONNECTING) {
            return; // an old channel, closed, or a second "ready" from the protocol
        }
        if (handshakeTimeout != null) {
            handshakeTimeout.cancel(false);
            handshakeTimeout = null;
        }
        activeChannel = ch;
        if (!machine.fire(Event.CONNECTED, null).moved()) {
            activeChannel = null; // closed meanwhile
        }
    }

    /** Ends the link on {@code ch} because of {@code cause}; it will be reconnected. Call on the event loop. */
    final void fail(Channel ch, Throwable cause) {
        if (ch == channel && channelFault == null) {
            channelFault = cause;
        }
        ch.close();
    }

    private void linkDown(Channel ch) {
        if (ch != channel) {
            return; // an old channel, or the failed connect already handled
        }
        channel = null;
        activeChannel = null;
        if (handshakeTimeout != null) {
            handshakeTimeout.cancel(false);
            handshakeTimeout = null;
        }
        Throwable fault = channelFault != null ? channelFault
                : new TransportIoException(endpoint() + ": the link was closed by the other end");
        channelFault = null;
        ConnectionState now = machine.state();
        if (now == ConnectionState.CLOSED) {
            return;
        }
        Event event = now == ConnectionState.CONNECTED ? Event.LINK_LOST : Event.CONNECT_FAILED;
        ConnectionStateMachine.Step step = machine.fire(event, fault);
        if (step.current() == ConnectionState.WAITING_TO_RECONNECT) {
            Scheduler timer = options.reconnectTimer();
            if (timer == null) {
                ScheduledFuture<?> f = loop.schedule(() -> attemptConnect(Event.BACKOFF_ELAPSED),
                        step.nextAttemptDelay().toNanos(), TimeUnit.NANOSECONDS);
                nextAttempt = () -> f.cancel(false);
            } else { // a test's virtual time: the timer says when, the loop runs the attempt
                EventLoop l = loop;
                nextAttempt = timer.schedule(() -> {
                    try {
                        l.execute(() -> attemptConnect(Event.BACKOFF_ELAPSED));
                    } catch (RejectedExecutionException e) {
                        // the loop is gone: the transport was closed
                    }
                }, step.nextAttemptDelay());
            }
        }
    }

    // --- sending, from any thread -------------------------------------------------------------------------------

    /**
     * Sends encoded bytes on the link that is up; takes ownership of {@code data}. Counts {@code bytesOut} (and a
     * frame out, when {@code frame}) once written, a dropped frame and an error if the write fails.
     *
     * @throws TransportClosedException if closed
     * @throws NotConnectedException    if the link is down (counted as a dropped frame)
     * @throws TransportIoException     if the send buffer is full (counted as a dropped frame)
     */
    final void send(ByteBuf data, boolean frame) {
        ConnectionState now = tracker.state();
        Channel ch = activeChannel;
        if (machine.isClosed() || now == ConnectionState.CLOSED) {
            data.release();
            throw new TransportClosedException(endpoint());
        }
        if (ch == null || now != ConnectionState.CONNECTED) {
            data.release();
            metrics.droppedFrame();
            throw new NotConnectedException(endpoint(), now);
        }
        if (!ch.isWritable()) {
            data.release();
            metrics.droppedFrame();
            throw new TransportIoException(endpoint() + ": the send buffer is full (over " + HIGH_WATER_MARK
                    + " bytes waiting: the bridge is not reading); dropped");
        }
        writeCounted(ch, data, frame);
    }

    /** Writes on {@code ch} and counts the outcome; for handshakes (on the loop) and {@link #send}. */
    final void writeCounted(Channel ch, ByteBuf data, boolean frame) {
        int length = data.readableBytes();
        ch.writeAndFlush(data).addListener(f -> {
            if (f.isSuccess()) {
                metrics.bytesOut(length);
                if (frame) {
                    metrics.frameOut();
                }
            } else {
                metrics.droppedFrame();
                metrics.error();
            }
        });
    }

    private static int timeoutMillis(Duration timeout) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    }

    /** First in the pipeline: counts every byte read. */
    private final class BytesInCounter extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof ByteBuf buf) {
                metrics.bytesIn(buf.readableBytes());
            }
            ctx.fireChannelRead(msg);
        }
    }

    /** Last in the pipeline: the link's lifecycle, idleness and faults. */
    private final class LinkHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            tcpConnected(ctx.channel());
            ctx.fireChannelActive();
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE) {
                fail(ctx.channel(), new TransportIoException(endpoint() + ": nothing received for "
                        + options.readIdleTimeout() + "; reconnecting"));
            } else {
                ctx.fireUserEventTriggered(event);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            fail(ctx.channel(), cause);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            io.netty.util.ReferenceCountUtil.release(msg); // nothing should get here: protocols consume their input
        }
    }
}
