package io.pylon4j.rs485.exchange;

import java.time.Duration;

/**
 * {@link Rs485Exchange}'s quiet guard after a response timeout ({@link Rs485Exchange.Settings#lateReplyGuard()}):
 * whether it is kept, whether bytes arrived since it began or was last extended, and how many guards (extensions
 * included) were kept. The exchange decides when a guard begins, is extended (within its wire-time bound, which the
 * guard shares with the reply's extensions) and ends; this class holds the guard's state between those calls.
 */
final class LateReplyGuard {

    private final Duration length;
    /** Whether the request in flight timed out and the line is kept quiet before its retry or give-up. */
    private boolean active;
    /** Whether bytes arrived since the current guard began or was last extended. */
    private boolean lineBusy;
    private long guards;

    /**
     * A guard of the given length.
     *
     * @param length how long the line must stay quiet; {@link Duration#ZERO} for no guard
     */
    LateReplyGuard(Duration length) {
        this.length = length;
    }

    /** Whether a timeout is followed by a guard at all. */
    boolean enabled() {
        return !length.isZero();
    }

    /** Whether a guard is being kept now: a frame read meanwhile is late. */
    boolean active() {
        return active;
    }

    /** Whether bytes arrived since the current guard began or was last extended. */
    boolean lineBusy() {
        return lineBusy;
    }

    /** Notes bytes read from the line. */
    void onBytes(int length) {
        if (active && length > 0) {
            lineBusy = true;
        }
    }

    /**
     * Begins a guard after a response timeout.
     *
     * @return how long to keep the line quiet
     */
    Duration begin() {
        active = true;
        lineBusy = false; // the extensions so far count: a babbling line holds the request no longer than before
        guards++;
        return length;
    }

    /**
     * Extends the current guard while a late reply is still on the line.
     *
     * @return how much longer to keep the line quiet
     */
    Duration extend() {
        lineBusy = false;
        guards++;
        return length;
    }

    /** Ends the guard: the next write (a retry or a new request) may go out. */
    void end() {
        active = false;
    }

    long guards() {
        return guards;
    }
}
