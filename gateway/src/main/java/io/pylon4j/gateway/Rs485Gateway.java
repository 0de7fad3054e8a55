package io.pylon4j.gateway;

import io.pylon4j.rs485.Rs485Frame;
import io.pylon4j.rs485.exchange.Rs485ReplyExchange;
import io.pylon4j.transport.ByteListener;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.time.Scheduler;
import io.pylon4j.transport.time.TimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Presents a {@link BankSource} to an inverter that polls over RS485, as the master of a Pylontech stack: each whole
 * request cut out of the byte stream by the battery side of {@code protocol-rs485}'s exchanges
 * ({@link Rs485ReplyExchange}, the one the simulator answers on; broken frames counted, never answered) is answered
 * from the source's view through the same {@link SafetyGate} as the CAN gateway, by {@link Rs485ViewResponder}:
 *
 * <ul>
 *   <li>before the first complete, plausible view: no reply at all (an inverter sees no battery yet);</li>
 *   <li>FORWARDING: the source's values; a command whose data the source lacks gets the protocol's error reply;</li>
 *   <li>FAIL_SAFE (the source stale, implausible or failing): the last good view's fail-safe form, so 0x63 and 0x92
 *       carry zero currents and cleared charge and discharge enables, and 0x62 a protection ("other failure");</li>
 *   <li>SILENT, after the profile's {@code silenceAfter}: no reply, as a battery whose link is lost.</li>
 * </ul>
 * The gate is also evaluated every {@link GatewayProfile#cycle()} on the caller's {@link Scheduler}, so that the
 * fail-safe time runs from when the source went stale, polled or not.
 *
 * <p>Threads: none of its own. Requests are answered on the transport's thread, the gate's ticks run on the
 * scheduler; the listener hears {@link GatewayEvent.StateChanged} on either and must not block. The caller owns the
 * transport (opens it, closes it after the gateway).
 */
public final class Rs485Gateway implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Rs485Gateway.class.getName());

    private final BankSource source;
    private final ByteStreamTransport transport;
    private final GatewayProfile profile;
    private final Scheduler scheduler;
    private final TimeSource time;
    private final Consumer<? super GatewayEvent> listener;
    private final Rs485ViewResponder responder = new Rs485ViewResponder();
    private final Rs485ReplyExchange exchange = new Rs485ReplyExchange(this::answer);
    private final ByteListener bytes = this::onBytes;
    private final Object lock = new Object();
    // guarded by lock
    private final SafetyGate gate;
    private Scheduler.Cancellable tick;
    private boolean closed;
    private long answered;
    private long refused;
    private long withheld;
    private long sourceFailures;
    private long writeFailures;

    private Rs485Gateway(Builder b) {
        this.source = b.source;
        this.transport = b.transport;
        this.profile = b.profile;
        this.scheduler = Objects.requireNonNull(b.scheduler, "scheduler");
        this.time = b.time;
        this.listener = b.listener;
        this.gate = new SafetyGate(profile.silenceAfter());
    }

    /**
     * A builder for a gateway answering on {@code toInverter} with {@code profile}'s safety times.
     *
     * @param source     what to present
     * @param toInverter the RS485 link to the inverter (the caller opens and closes it)
     * @param profile    the profile whose {@code silenceAfter} and {@code cycle} apply (its CAN frame set does not)
     * @return a builder; {@link Builder#scheduler} must be set
     */
    public static Builder builder(BankSource source, ByteStreamTransport toInverter, GatewayProfile profile) {
        return new Builder(source, toInverter, profile);
    }

    /**
     * Starts answering and the gate's ticks (the first at once).
     *
     * @throws IllegalStateException if started twice or closed
     */
    public void start() {
        synchronized (lock) {
            if (closed || tick != null) {
                throw new IllegalStateException(closed ? "closed" : "already started");
            }
            tick = scheduler.scheduleAtFixedRate(() -> decide(Optional.empty()), Duration.ZERO, profile.cycle());
        }
        transport.addByteListener(bytes);
    }

    /** {@return what the gateway answers now} */
    public GatewayState state() {
        synchronized (lock) {
            return gate.state();
        }
    }

    /** {@return the counters, one consistent snapshot} */
    public Rs485GatewayCounters counters() {
        Rs485ReplyExchange.Counters c;
        synchronized (exchange) {
            c = exchange.counters();
        }
        synchronized (lock) {
            return new Rs485GatewayCounters(c.requests(), answered, refused, withheld, sourceFailures,
                    c.brokenFrames(), c.noiseBytes(), writeFailures);
        }
    }

    private void onBytes(byte[] buffer, int offset, int length, long nanos) {
        List<Rs485ReplyExchange.Answered> replies = new ArrayList<>(1);
        synchronized (exchange) {
            exchange.onBytes(buffer, offset, length, replies::add);
        }
        for (Rs485ReplyExchange.Answered a : replies) {
            a.reply().ifPresent(this::write);
        }
    }

    /** The reply to one whole request, or silence; runs on the transport's thread. */
    private Optional<Rs485Frame> answer(Rs485Frame request) {
        Optional<BankView> view = decide(Optional.of(request));
        Optional<Rs485Frame> reply = view.flatMap(v -> responder.respond(request, v));
        synchronized (lock) {
            if (reply.isEmpty()) {
                withheld++;
            } else if (reply.get().cid2OrRtn() == 0) {
                answered++;
            } else {
                refused++;
            }
        }
        return reply;
    }

    /** Reads the source, lets the gate decide, announces a change; returns the view that may be answered from. */
    private Optional<BankView> decide(Optional<Rs485Frame> forRequest) {
        long now = time.nanoTime();
        BankView view;
        boolean failed = false;
        try {
            view = Objects.requireNonNull(source.view(), "the source returned no view");
        } catch (RuntimeException e) {
            failed = true;
            view = BankView.connecting("").withState(SourceState.STALE, "the source failed: " + e);
        }
        SafetyGate.Decision d;
        synchronized (lock) {
            if (closed) {
                return Optional.empty();
            }
            if (failed) {
                sourceFailures++;
            }
            d = gate.decide(view, now);
        }
        if (d.changed()) {
            announce(new GatewayEvent.StateChanged(time.wallTime(), d.before(), d.after(), d.reason()));
        }
        return d.send();
    }

    private void write(Rs485Frame reply) {
        try {
            transport.write(reply.encode());
        } catch (RuntimeException e) {
            synchronized (lock) {
                writeFailures++; // the inverter's link is down: as on a real bus, the reply goes nowhere
            }
        }
    }

    private void announce(GatewayEvent e) {
        if (e instanceof GatewayEvent.StateChanged s) {
            LOG.log(s.to() == GatewayState.FORWARDING ? System.Logger.Level.INFO : System.Logger.Level.WARNING,
                    "RS485 gateway {0} → {1}: {2}", s.from(), s.to(), s.reason());
        }
        try {
            listener.accept(e);
        } catch (RuntimeException ex) {
            LOG.log(System.Logger.Level.WARNING, "a gateway event listener failed", ex);
        }
    }

    /** Stops answering and the ticks; the transport stays open (it is the caller's). */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            if (tick != null) {
                tick.close();
            }
        }
        transport.removeByteListener(bytes);
    }

    /** Builds an {@link Rs485Gateway}: {@link Rs485Gateway#builder}. */
    public static final class Builder {
        private final BankSource source;
        private final ByteStreamTransport transport;
        private final GatewayProfile profile;
        private Scheduler scheduler;
        private TimeSource time = TimeSource.system();
        private Consumer<? super GatewayEvent> listener = e -> { };

        private Builder(BankSource source, ByteStreamTransport transport, GatewayProfile profile) {
            this.source = Objects.requireNonNull(source, "source");
            this.transport = Objects.requireNonNull(transport, "toInverter");
            this.profile = Objects.requireNonNull(profile, "profile");
        }

        /**
         * Where the gate's ticks run (required): {@code Scheduler.of(executor)}, or a test's manual scheduler.
         *
         * @param value the scheduler
         * @return this builder
         */
        public Builder scheduler(Scheduler value) {
            scheduler = Objects.requireNonNull(value, "scheduler");
            return this;
        }

        /**
         * The clock every age is measured on (default {@link TimeSource#system()}); the scheduler's in tests.
         *
         * @param value the time source
         * @return this builder
         */
        public Builder time(TimeSource value) {
            time = Objects.requireNonNull(value, "time");
            return this;
        }

        /**
         * Who hears the gateway's state changes, on the transport's or the scheduler's thread; must not block.
         *
         * @param value the listener
         * @return this builder
         */
        public Builder listener(Consumer<? super GatewayEvent> value) {
            listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /**
         * {@return the gateway, not started}
         *
         * @throws NullPointerException if no scheduler was set
         */
        public Rs485Gateway build() {
            return new Rs485Gateway(this);
        }
    }
}
