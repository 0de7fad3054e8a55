package io.pylon4j.driver.internal;

import io.pylon4j.driver.BankEvent;
import io.pylon4j.driver.InverterProfile;
import io.pylon4j.driver.SupervisionState;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.time.Moment;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The supervision state machine of one bank: a pure object fed with inputs and the current time, with no clock,
 * timer or thread of its own. Whoever owns it calls {@link #tick} when {@link #nextDeadlineNanos()} is due (or simply
 * periodically); every input returns the transition it caused, if any, and the owner publishes it as a
 * {@link BankEvent.SupervisionStateChanged}. Not thread-safe: confine it or guard it (the {@link BankModel} does).
 *
 * <p>"Age" is the time since the newest limits, on the monotonic scale of the {@link Moment}s passed in
 * ({@link Moment#nanos()}): a wall clock stepped back or forward changes the instants in transitions and
 * {@link #since()}, never when a timeout is reached. The {@code Instant}-taking inputs are for replays and tests
 * whose instants are already in order ({@link Moment#ofInstant}); one supervisor must be fed one kind only.
 * A timeout is reached when the age is equal to or greater than it. The transitions are the table of
 * {@link SupervisionState}.
 */
public final class Supervisor {

    private final Duration staleTimeout;
    private final Duration lostTimeout;
    private final long startedAtNanos;
    private SupervisionState state = SupervisionState.CONNECTING;
    private Instant since;
    private long sinceNanos;
    private Instant lastLimitsAt;
    private long lastLimitsNanos;
    /**
     * The monotonic readings the timeouts are reached at, computed when the limits arrive (once a second) rather
     * than as two {@code Duration}s on every tick (ten a second per bank, thousands in a process): a tick that
     * changes nothing is one comparison.
     */
    private long staleAtNanos;
    private long lostAtNanos;
    private final long neverLimitsLostAtNanos;
    private boolean linkDown;

    /**
     * A supervisor in {@link SupervisionState#CONNECTING}.
     *
     * @param staleTimeout age of the newest limits at which the bank becomes STALE
     * @param lostTimeout  age at which it becomes LOST (and time since start at which a bank that never sent
     *                     limits becomes LOST); at least {@code staleTimeout}
     * @param startedAt    now
     */
    public Supervisor(Duration staleTimeout, Duration lostTimeout, Moment startedAt) {
        this.staleTimeout = Objects.requireNonNull(staleTimeout, "staleTimeout");
        this.lostTimeout = Objects.requireNonNull(lostTimeout, "lostTimeout");
        Objects.requireNonNull(startedAt, "startedAt");
        this.startedAtNanos = startedAt.nanos();
        if (staleTimeout.isNegative() || staleTimeout.isZero() || lostTimeout.compareTo(staleTimeout) < 0) {
            throw new IllegalArgumentException("need 0 < staleTimeout ≤ lostTimeout: " + staleTimeout + ", "
                    + lostTimeout);
        }
        this.since = startedAt.wall();
        this.sinceNanos = startedAt.nanos();
        this.neverLimitsLostAtNanos = startedAt.nanos() + lostTimeout.toNanos();
    }

    /**
     * A supervisor with the timeouts of {@code profile}.
     *
     * @param profile   supplies {@link InverterProfile#staleTimeout()} and {@link InverterProfile#lostTimeout()}
     * @param startedAt now, from the driver's {@link io.pylon4j.transport.time.TimeSource}
     * @return a supervisor in {@link SupervisionState#CONNECTING}
     */
    public static Supervisor of(InverterProfile profile, Moment startedAt) {
        return new Supervisor(profile.staleTimeout(), profile.lostTimeout(), startedAt);
    }

    /**
     * The current state.
     *
     * @return the state after the newest input or tick
     */
    public SupervisionState state() {
        return state;
    }

    /**
     * When the current state was entered, on the wall clock (for display).
     *
     * @return the wall-clock reading of the transition into the current state (or of the start)
     */
    public Instant since() {
        return since;
    }

    /**
     * When the current state was entered, on the monotonic scale ({@link Moment#nanos()}).
     *
     * @return the monotonic reading of the transition into the current state (or of the start), ns
     */
    public long sinceNanos() {
        return sinceNanos;
    }

    /**
     * When the newest limits arrived, on the wall clock (for display), if any did.
     *
     * @return the wall-clock reading of the newest {@link #onLimitsReceived(Moment)}, or empty if none came yet
     */
    public Optional<Instant> lastLimitsAt() {
        return Optional.ofNullable(lastLimitsAt);
    }

    /**
     * The stale timeout.
     *
     * @return age of the newest limits at which the bank becomes STALE
     */
    public Duration staleTimeout() {
        return staleTimeout;
    }

    /**
     * The lost timeout.
     *
     * @return age of the newest limits (or, without any, time since start) at which the bank becomes LOST
     */
    public Duration lostTimeout() {
        return lostTimeout;
    }

    /**
     * New limits arrived (from any source).
     *
     * @param now when they arrived, from the driver's {@link io.pylon4j.transport.time.TimeSource}
     * @return the transition they caused (to FRESH or RECOVERED), or empty if the state stays
     */
    public Optional<SupervisionTransition> onLimitsReceived(Moment now) {
        boolean hadLimits = lastLimitsAt != null;
        long previousLimitsNanos = lastLimitsNanos;
        if (!hadLimits || now.nanos() - lastLimitsNanos > 0) {
            lastLimitsAt = now.wall();
            lastLimitsNanos = now.nanos();
            staleAtNanos = now.nanos() + staleTimeout.toNanos();
            lostAtNanos = now.nanos() + lostTimeout.toNanos();
        }
        return switch (state) {
            case CONNECTING -> move(SupervisionState.FRESH, "first limits received", now);
            case FRESH -> Optional.empty();
            case RECOVERED -> move(SupervisionState.FRESH, "limits received", now);
            case STALE, LOST -> move(SupervisionState.RECOVERED, !hadLimits
                    ? "first limits received (was " + state + ")"
                    : "limits received again after " + Numbers.seconds(Duration.ofNanos(now.nanos() - previousLimitsNanos))
                    + " (was " + state + ")", now);
        };
    }

    /**
     * {@link #onLimitsReceived(Moment)} at {@link Moment#ofInstant now}.
     *
     * @param now when they arrived, standing for both clocks
     * @return the transition they caused, or empty if the state stays
     */
    public Optional<SupervisionTransition> onLimitsReceived(Instant now) {
        return onLimitsReceived(Moment.ofInstant(now));
    }

    /**
     * The link (or, for a bank read over several links, the best of them) changed state.
     *
     * @param link the link's new state (the best over all links)
     * @param now  when it changed, from the driver's {@link io.pylon4j.transport.time.TimeSource}
     * @return the transition it caused, or empty if the state stays
     */
    public Optional<SupervisionTransition> onTransportState(ConnectionState link, Moment now) {
        Objects.requireNonNull(link, "link");
        switch (link) {
            case CONNECTED:
                linkDown = false;
                return Optional.empty();
            case NEW:
            case CONNECTING:
            case WAITING_TO_RECONNECT:
                linkDown = true;
                return switch (state) {
                    case FRESH, RECOVERED -> move(SupervisionState.STALE, "link down (" + link + ")", now);
                    case CONNECTING, STALE, LOST -> Optional.empty();
                };
            case FAILED:
            case CLOSED:
                linkDown = true;
                return switch (state) {
                    case LOST -> Optional.empty();
                    case CONNECTING, FRESH, RECOVERED, STALE ->
                            move(SupervisionState.LOST, "link " + link + ": no more data will arrive", now);
                };
            default:
                throw new AssertionError(link);
        }
    }

    /**
     * {@link #onTransportState(ConnectionState, Moment)} at {@link Moment#ofInstant now}.
     *
     * @param link the link's new state (the best over all links)
     * @param now  when it changed, standing for both clocks
     * @return the transition it caused, or empty if the state stays
     */
    public Optional<SupervisionTransition> onTransportState(ConnectionState link, Instant now) {
        return onTransportState(link, Moment.ofInstant(now));
    }

    /**
     * Time passed: applies the timeouts. Call it at {@link #nextDeadlineNanos()} or periodically.
     *
     * @param now the current time, from the driver's {@link io.pylon4j.transport.time.TimeSource}
     * @return the transition a reached timeout caused (to STALE or LOST), or empty if none is due
     */
    public Optional<SupervisionTransition> tick(Moment now) {
        long t = now.nanos();
        return switch (state) {
            case CONNECTING -> {
                if (t - neverLimitsLostAtNanos < 0) {
                    yield Optional.empty(); // the same answer as the comparison below, without the Duration
                }
                Duration waited = Duration.ofNanos(t - startedAtNanos);
                yield reached(waited, lostTimeout) ? move(SupervisionState.LOST, "no limits received within "
                        + Numbers.seconds(waited) + " of start (lost after " + Numbers.seconds(lostTimeout) + ")", now)
                        : Optional.empty();
            }
            case FRESH, RECOVERED -> {
                if (state == SupervisionState.FRESH && t - staleAtNanos < 0) {
                    yield Optional.empty(); // the common case: age < stale ≤ lost, nothing to do
                }
                Duration age = Duration.ofNanos(t - lastLimitsNanos);
                if (reached(age, lostTimeout)) {
                    yield move(SupervisionState.LOST, lostReason(age), now);
                } else if (reached(age, staleTimeout)) {
                    yield move(SupervisionState.STALE, "no limits for " + Numbers.seconds(age) + " (stale after "
                            + Numbers.seconds(staleTimeout) + ")", now);
                } else if (state == SupervisionState.RECOVERED) {
                    yield linkDown ? move(SupervisionState.STALE, "link down", now)
                            : move(SupervisionState.FRESH, "limits current", now);
                }
                yield Optional.empty();
            }
            case STALE -> {
                if (t - lostAtNanos < 0) {
                    yield Optional.empty();
                }
                Duration age = Duration.ofNanos(t - lastLimitsNanos);
                yield reached(age, lostTimeout) ? move(SupervisionState.LOST, lostReason(age), now)
                        : Optional.empty();
            }
            case LOST -> Optional.empty();
        };
    }

    /**
     * {@link #tick(Moment)} at {@link Moment#ofInstant now}.
     *
     * @param now the current time, standing for both clocks
     * @return the transition a reached timeout caused, or empty if none is due
     */
    public Optional<SupervisionTransition> tick(Instant now) {
        return tick(Moment.ofInstant(now));
    }

    /**
     * The earliest monotonic reading ({@link Moment#nanos()}) at which a {@link #tick} can change the state, if one
     * can; ticking earlier is harmless. Owners of many banks schedule one timer per bank at this reading instead of
     * ticking all banks constantly.
     *
     * @return a {@link Moment#nanos()} reading, or empty when no tick can change the state (LOST)
     */
    public OptionalLong nextDeadlineNanos() {
        return state == SupervisionState.LOST ? OptionalLong.empty() : OptionalLong.of(deadlineNanos());
    }

    /** {@link #nextDeadlineNanos()} without the Optional, for a tick's lock-free check; meaningless in LOST. */
    long deadlineNanos() {
        return switch (state) {
            case CONNECTING -> neverLimitsLostAtNanos;
            case FRESH -> staleAtNanos;
            case RECOVERED -> sinceNanos;
            case STALE -> lostAtNanos;
            case LOST -> Long.MAX_VALUE;
        };
    }

    private String lostReason(Duration age) {
        return "no limits for " + Numbers.seconds(age) + " (lost after " + Numbers.seconds(lostTimeout) + ")";
    }

    private Optional<SupervisionTransition> move(SupervisionState next, String reason, Moment now) {
        SupervisionTransition t = new SupervisionTransition(state, next, reason, now.wall());
        state = next;
        since = now.wall();
        sinceNanos = now.nanos();
        return Optional.of(t);
    }

    private static boolean reached(Duration age, Duration timeout) {
        return age.compareTo(timeout) >= 0;
    }
}
