package io.pylon4j.gateway;

import io.pylon4j.can.CanFrame;
import io.pylon4j.can.SmaQuickStop;
import io.pylon4j.transport.CanFrameListener;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.time.Scheduler;
import io.pylon4j.transport.time.TimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Presents a {@link BankSource} to an inverter over CAN: each {@link GatewayProfile#cycle()} on the caller's
 * {@link Scheduler}, it asks the source for its view, lets the {@link SafetyGate} decide what may be sent, encodes
 * that in the profile's {@link FrameSet} and sends it; the inverter's keep-alive frames are supervised by a
 * {@link KeepAliveWatch}. Changes are announced as {@link GatewayEvent}s to one listener, on the scheduler's thread
 * (it must not block).
 *
 * <p>Threads: none of its own. The caller owns the transport (opens it, closes it after the gateway) and the
 * scheduler; {@link #close()} cancels the cycle and removes the frame listener. A source that throws counts as stale
 * for that cycle ({@link GatewayCounters#sourceFailures()}); a frame the transport refuses is counted and the next
 * cycle sends anew.
 */
public final class CanGateway implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CanGateway.class.getName());

    private final BankSource source;
    private final CanTransport transport;
    private final GatewayProfile profile;
    private final Scheduler scheduler;
    private final TimeSource time;
    private final Consumer<? super GatewayEvent> listener;
    private final CanFrameSetEncoder encoder;
    private final CanFrameListener keepAliveListener = (frame, receivedNanos) -> onFrame(frame);
    private final Object lock = new Object();
    // guarded by lock
    private final SafetyGate gate;
    private KeepAliveWatch watch;
    private Optional<LimitOverride> override = Optional.empty();
    private long overrideExpiresAtNanos;
    private Scheduler.Cancellable cycleTask;
    private boolean closed;
    private long cycles;
    private long forwarded;
    private long failSafe;
    private long withheld;
    private long framesSent;
    private long sendFailures;
    private long sourceFailures;
    private long keepAlivesSeen;
    private long keepAliveLosses;
    private long cyclesSkipped;
    private boolean cycledOnce;
    private long lastCycleNanos;

    CanGateway(CanGatewayBuilder b) {
        this.source = b.source;
        this.transport = b.transport;
        this.profile = b.profile;
        this.scheduler = Objects.requireNonNull(b.scheduler, "scheduler");
        this.time = b.time;
        this.listener = b.listener;
        this.encoder = new CanFrameSetEncoder(profile.frameSet(), profile.canProfile());
        this.gate = new SafetyGate(profile.silenceAfter());
    }

    /**
     * A builder for a gateway presenting {@code source} on {@code toInverter} as {@code profile} asks.
     *
     * @param source     what to present
     * @param toInverter the CAN link to the inverter (the caller opens and closes it)
     * @param profile    the inverter's profile
     * @return a builder; {@link CanGatewayBuilder#scheduler} must be set
     */
    public static CanGatewayBuilder builder(BankSource source, CanTransport toInverter, GatewayProfile profile) {
        return new CanGatewayBuilder(source, toInverter, profile);
    }

    /**
     * Starts the cycle (the first one at once) and the keep-alive supervision.
     *
     * @throws IllegalStateException if started twice or closed
     */
    public void start() {
        synchronized (lock) {
            if (closed || cycleTask != null) {
                throw new IllegalStateException(closed ? "closed" : "already started");
            }
            watch = new KeepAliveWatch(profile.keepAliveTimeout(), time.nanoTime());
            transport.addFrameListener(keepAliveListener);
            cycleTask = scheduler.scheduleAtFixedRate(this::cycle, Duration.ZERO, profile.cycle());
        }
    }

    /** {@return the profile} */
    public GatewayProfile profile() {
        return profile;
    }

    /** {@return what the gateway sends now} */
    public GatewayState state() {
        synchronized (lock) {
            return gate.state();
        }
    }

    /** {@return whether the inverter's keep-alive arrives} */
    public KeepAliveState keepAliveState() {
        synchronized (lock) {
            return watch == null ? KeepAliveState.WAITING : watch.state();
        }
    }

    /** {@return the counters, one consistent snapshot} */
    public GatewayCounters counters() {
        synchronized (lock) {
            return new GatewayCounters(cycles, forwarded, failSafe, withheld, framesSent, sendFailures,
                    sourceFailures, keepAlivesSeen, keepAliveLosses, cyclesSkipped);
        }
    }

    /**
     * Sets (or renews) a remote override of the current limits: from the next cycle on, CCL and DCL are at most its
     * caps, until {@link LimitOverride#validFor()} has passed on the monotonic clock, when it expires by itself
     * (announced as {@link GatewayEvent.OverrideChanged}). It never raises a limit and never lifts the fail-safe.
     *
     * @param value the override
     */
    public void override(LimitOverride value) {
        Objects.requireNonNull(value, "value");
        synchronized (lock) {
            override = Optional.of(value);
            overrideExpiresAtNanos = time.nanoTime() + value.validFor().toNanos();
        }
        announce(new GatewayEvent.OverrideChanged(time.wallTime(), Optional.of(value),
                "set by " + value.origin() + " for " + value.validFor().toMillis() + " ms"));
    }

    /** Clears the remote override at once, if one is set. */
    public void clearOverride() {
        Optional<LimitOverride> was;
        synchronized (lock) {
            was = override;
            override = Optional.empty();
        }
        was.ifPresent(o -> announce(new GatewayEvent.OverrideChanged(time.wallTime(), Optional.empty(),
                "cleared (set by " + o.origin() + ")")));
    }

    /** {@return the remote override in force, if any} */
    public Optional<LimitOverride> activeOverride() {
        synchronized (lock) {
            return override;
        }
    }

    /**
     * Sends an SMA Sunny Island its remote quick stop, 0x00F with no data ({@code docs/protocol.md §1.4}): the
     * inverter goes to standby until it is restarted. The gateway never sends it by itself; only this call does.
     *
     * @throws IllegalStateException if this gateway's profile is not an SMA Sunny Island's
     */
    public void sendSmaQuickStop() {
        if (profile.frameSet() != FrameSet.SMA) {
            throw new IllegalStateException("the quick stop 0x00F is for an SMA Sunny Island; this gateway's profile is "
                    + profile.name());
        }
        transport.send(new CanFrame(SmaQuickStop.ID, 0, 0));
        synchronized (lock) {
            framesSent++;
        }
    }

    private void onFrame(CanFrame frame) {
        if (!profile.keepAliveIds().contains(frame.id())) {
            return;
        }
        Optional<KeepAliveState> change;
        KeepAliveState before;
        synchronized (lock) {
            if (closed || watch == null) {
                return;
            }
            keepAlivesSeen++;
            before = watch.state();
            change = watch.onKeepAlive(time.nanoTime());
        }
        change.ifPresent(to -> announce(new GatewayEvent.KeepAliveChanged(time.wallTime(), before, to,
                String.format(Locale.ROOT, "keep-alive 0x%03X received", frame.id()))));
    }

    /** One cycle: read the source, decide, send. Runs on the scheduler. */
    private void cycle() {
        long now = time.nanoTime();
        synchronized (lock) {
            // a fixed-rate scheduler repeats the runs a stall made it miss, back to back: sending each would put sets
            // closer than an inverter allows (SMA: 200 ms), so a run within half a cycle of the last one is left out
            if (cycledOnce && now - lastCycleNanos < profile.cycle().toNanos() / 2) {
                cyclesSkipped++;
                return;
            }
            cycledOnce = true;
            lastCycleNanos = now;
        }
        BankView view;
        boolean sourceFailed = false;
        try {
            view = Objects.requireNonNull(source.view(), "the source returned no view");
        } catch (RuntimeException e) {
            sourceFailed = true;
            view = BankView.connecting("").withState(SourceState.STALE, "the source failed: " + e);
        }
        List<GatewayEvent> events = new ArrayList<>(2);
        SafetyGate.Decision d;
        Optional<LimitOverride> capped;
        synchronized (lock) {
            if (closed) {
                return;
            }
            cycles++;
            if (sourceFailed) {
                sourceFailures++;
            }
            d = gate.decide(view, now);
            switch (d.after()) {
                case FORWARDING -> forwarded++;
                case FAIL_SAFE -> failSafe++;
                case WAITING_FOR_DATA, SILENT -> withheld++;
            }
            if (override.isPresent() && now - overrideExpiresAtNanos >= 0) {
                LimitOverride o = override.get();
                override = Optional.empty();
                events.add(new GatewayEvent.OverrideChanged(time.wallTime(), Optional.empty(), "expired after "
                        + o.validFor().toMillis() + " ms (set by " + o.origin() + ")"));
            }
            capped = override;
            KeepAliveState before = watch.state();
            Optional<KeepAliveState> ka = watch.check(now);
            if (ka.isPresent()) {
                keepAliveLosses++;
                events.add(new GatewayEvent.KeepAliveChanged(time.wallTime(), before, ka.get(), String.format(
                        Locale.ROOT, "no keep-alive (%s) for %d ms", ids(),
                        profile.keepAliveTimeout().orElseThrow().toMillis())));
            }
        }
        if (d.changed()) {
            events.add(0, new GatewayEvent.StateChanged(time.wallTime(), d.before(), d.after(), d.reason()));
        }
        d.send().map(v -> capped.map(o -> o.applyTo(v)).orElse(v)).ifPresent(this::send);
        events.forEach(this::announce);
    }

    private void send(BankView view) {
        int sent = 0;
        int failed = 0;
        for (CanFrame f : encoder.frames(view)) {
            try {
                transport.send(f);
                sent++;
            } catch (RuntimeException e) {
                failed++;
            }
        }
        synchronized (lock) {
            framesSent += sent;
            sendFailures += failed;
        }
    }

    private String ids() {
        return profile.keepAliveIds().stream().sorted().map(id -> String.format(Locale.ROOT, "0x%03X", id))
                .collect(Collectors.joining(", "));
    }

    private void announce(GatewayEvent e) {
        if (e instanceof GatewayEvent.StateChanged s) {
            LOG.log(s.to() == GatewayState.FORWARDING ? System.Logger.Level.INFO : System.Logger.Level.WARNING,
                    "gateway {0} → {1}: {2}", s.from(), s.to(), s.reason());
        } else if (e instanceof GatewayEvent.KeepAliveChanged k) {
            LOG.log(k.to() == KeepAliveState.LOST ? System.Logger.Level.WARNING : System.Logger.Level.INFO,
                    "inverter keep-alive {0} → {1}: {2}", k.from(), k.to(), k.reason());
        }
        try {
            listener.accept(e);
        } catch (RuntimeException ex) {
            LOG.log(System.Logger.Level.WARNING, "a gateway event listener failed", ex);
        }
    }

    /** Stops the cycle and the keep-alive supervision; the transport stays open (it is the caller's). */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            if (cycleTask != null) {
                cycleTask.close();
            }
        }
        transport.removeFrameListener(keepAliveListener);
    }
}
