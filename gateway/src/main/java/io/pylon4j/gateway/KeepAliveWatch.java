package io.pylon4j.gateway;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Supervises the inverter's keep-alive (0x305, 0x306, 0x307, docs/protocol.md §1.4) on the monotonic clock: an
 * explicit state machine, pure, not thread-safe (the gateway calls it under its lock).
 *
 * <table>
 *   <caption>transitions ({@code timeout} from the profile)</caption>
 *   <tr><th>state</th><th>keep-alive arrives</th><th>check, {@code timeout} passed since the last one (or the
 *       start)</th></tr>
 *   <tr><td>{@link KeepAliveState#NOT_SUPERVISED}</td><td>stays</td><td>stays</td></tr>
 *   <tr><td>{@link KeepAliveState#WAITING}</td><td>→ ALIVE</td><td>→ LOST</td></tr>
 *   <tr><td>{@link KeepAliveState#ALIVE}</td><td>stays</td><td>→ LOST</td></tr>
 *   <tr><td>{@link KeepAliveState#LOST}</td><td>→ ALIVE</td><td>stays</td></tr>
 * </table>
 */
public final class KeepAliveWatch {

    private final Optional<Duration> timeout;
    private KeepAliveState state;
    private long lastNanos;

    /**
     * A watch started at {@code startNanos}.
     *
     * @param timeout    how long without a keep-alive counts as lost; empty: not supervised
     * @param startNanos the monotonic time the gateway started
     */
    public KeepAliveWatch(Optional<Duration> timeout, long startNanos) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.state = timeout.isPresent() ? KeepAliveState.WAITING : KeepAliveState.NOT_SUPERVISED;
        this.lastNanos = startNanos;
    }

    /** {@return the current state} */
    public KeepAliveState state() {
        return state;
    }

    /**
     * A keep-alive arrived.
     *
     * @param nowNanos when, monotonic
     * @return the new state if it changed
     */
    public Optional<KeepAliveState> onKeepAlive(long nowNanos) {
        if (state == KeepAliveState.NOT_SUPERVISED) {
            return Optional.empty();
        }
        lastNanos = nowNanos;
        return moveTo(KeepAliveState.ALIVE);
    }

    /**
     * Checks the age of the newest keep-alive.
     *
     * @param nowNanos the monotonic time
     * @return the new state if it changed
     */
    public Optional<KeepAliveState> check(long nowNanos) {
        if (state == KeepAliveState.NOT_SUPERVISED || state == KeepAliveState.LOST) {
            return Optional.empty();
        }
        return nowNanos - lastNanos >= timeout.orElseThrow().toNanos() ? moveTo(KeepAliveState.LOST)
                : Optional.empty();
    }

    private Optional<KeepAliveState> moveTo(KeepAliveState next) {
        if (next == state) {
            return Optional.empty();
        }
        state = next;
        return Optional.of(next);
    }
}
