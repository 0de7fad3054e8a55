package io.pylon4j.gateway;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides, once per cycle, what the gateway may send: an explicit state machine, pure (the caller passes the
 * monotonic time), not thread-safe (one cycle at a time).
 *
 * <table>
 *   <caption>transitions (a view is <em>good</em> when FRESH and {@link BankView#implausibility()} is empty)</caption>
 *   <tr><th>state</th><th>good view</th><th>other view</th><th>sends</th></tr>
 *   <tr><td>{@link GatewayState#WAITING_FOR_DATA}</td><td>→ FORWARDING</td><td>stays</td><td>nothing</td></tr>
 *   <tr><td>{@link GatewayState#FORWARDING}</td><td>stays</td><td>→ FAIL_SAFE (its time starts)</td>
 *       <td>the view</td></tr>
 *   <tr><td>{@link GatewayState#FAIL_SAFE}</td><td>→ FORWARDING</td><td>→ SILENT once {@code silenceAfter} has
 *       passed since it was entered, else stays</td><td>the last good view's {@link BankView#failSafe fail-safe
 *       form}</td></tr>
 *   <tr><td>{@link GatewayState#SILENT}</td><td>→ FORWARDING</td><td>stays</td><td>nothing</td></tr>
 * </table>
 *
 * <p>What is sent is decided in the new state: the cycle that sees the source go stale already sends zeros. The
 * fail-safe form keeps the last good voltage limits and SOC (never invented values), so it exists only after a
 * good view; that is why nothing at all is sent before the first one.
 */
public final class SafetyGate {

    private final Optional<Duration> silenceAfter;
    private GatewayState state = GatewayState.WAITING_FOR_DATA;
    private BankView lastGood;
    private long failSafeSinceNanos;

    /**
     * A gate in {@link GatewayState#WAITING_FOR_DATA}.
     *
     * @param silenceAfter how long fail-safe frames are sent before silence; empty: for as long as needed
     */
    public SafetyGate(Optional<Duration> silenceAfter) {
        this.silenceAfter = Objects.requireNonNull(silenceAfter, "silenceAfter");
    }

    /** {@return the current state} */
    public GatewayState state() {
        return state;
    }

    /**
     * Takes this cycle's view and decides what to send.
     *
     * @param view      the source's view
     * @param nowNanos  the monotonic time, nanoseconds
     * @return the new state, what to send (empty: nothing), and why
     */
    public Decision decide(BankView view, long nowNanos) {
        Objects.requireNonNull(view, "view");
        Optional<String> problem = view.implausibility();
        boolean good = view.state() == SourceState.FRESH && problem.isEmpty();
        GatewayState before = state;
        String why;
        if (good) {
            lastGood = view;
            state = GatewayState.FORWARDING;
            why = view.reason();
        } else {
            why = view.state() + problem.map(p -> ", " + p).orElse("") + ": " + view.reason();
            switch (state) {
                case WAITING_FOR_DATA, SILENT -> { }
                case FORWARDING -> {
                    state = GatewayState.FAIL_SAFE;
                    failSafeSinceNanos = nowNanos;
                    silenceIfDue(nowNanos);
                }
                case FAIL_SAFE -> silenceIfDue(nowNanos);
            }
        }
        Optional<BankView> send = switch (state) {
            case FORWARDING -> Optional.of(view);
            case FAIL_SAFE -> Optional.of(lastGood.failSafe("fail-safe: " + why));
            case WAITING_FOR_DATA, SILENT -> Optional.empty();
        };
        return new Decision(before, state, send, why);
    }

    private void silenceIfDue(long nowNanos) {
        if (silenceAfter.isPresent() && nowNanos - failSafeSinceNanos >= silenceAfter.get().toNanos()) {
            state = GatewayState.SILENT;
        }
    }

    /**
     * One cycle's decision.
     *
     * @param before the state before the cycle
     * @param after  the state after it
     * @param send   the view to send, empty for nothing
     * @param reason why (the source's reason, with the problem found in its view)
     */
    public record Decision(GatewayState before, GatewayState after, Optional<BankView> send, String reason) {

        /**
         * Checks the references.
         *
         * @param before the state before the cycle
         * @param after  the state after it
         * @param send   the view to send, empty for nothing
         * @param reason why
         */
        public Decision {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(send, "send");
            Objects.requireNonNull(reason, "reason");
        }

        /** {@return whether the state changed in this cycle} */
        public boolean changed() {
            return before != after;
        }
    }
}
