package io.pylon4j.gateway;

import io.pylon4j.transport.time.TimeSource;
import java.time.Duration;
import java.util.Objects;

/**
 * An application's own BMS model as a {@link BankSource}: the application {@link #push}es a view whenever its BMS
 * reports, and the source ages it on the monotonic clock. A view older than {@code staleAfter} is reported
 * {@link SourceState#STALE}, whatever state it was pushed with, so that an application that stops pushing (a hung
 * BMS reader) cannot keep an inverter charging on old values.
 *
 * <p>Thread-safe: push from any thread.
 */
public final class PushedBankSource implements BankSource {

    private final TimeSource time;
    private final long staleAfterNanos;
    private final Duration staleAfter;
    private BankView newest = BankView.connecting("nothing pushed yet");
    private long pushedAtNanos;
    private boolean pushed;

    /**
     * A source whose views go stale {@code staleAfter} after they were pushed.
     *
     * @param time       the monotonic clock the age is measured on (the gateway's)
     * @param staleAfter how long a pushed view may be forwarded, &gt; 0
     * @throws IllegalArgumentException if {@code staleAfter} is not positive
     */
    public PushedBankSource(TimeSource time, Duration staleAfter) {
        this.time = Objects.requireNonNull(time, "time");
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("staleAfter must be positive: " + staleAfter);
        }
        this.staleAfter = staleAfter;
        this.staleAfterNanos = staleAfter.toNanos();
    }

    /**
     * Hands over the application's newest view of its bank, stamped now.
     *
     * @param view the view; its state is the application's (CONNECTING or STALE are kept as they are)
     */
    public synchronized void push(BankView view) {
        newest = Objects.requireNonNull(view, "view");
        pushedAtNanos = time.nanoTime();
        pushed = true;
    }

    @Override
    public synchronized BankView view() {
        if (pushed && newest.state() == SourceState.FRESH && time.nanoTime() - pushedAtNanos >= staleAfterNanos) {
            return newest.withState(SourceState.STALE, "nothing pushed for " + staleAfter.toMillis() + " ms");
        }
        return newest;
    }
}
