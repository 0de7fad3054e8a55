package io.pylon4j.rs485.exchange;

import java.time.Duration;

/**
 * {@link Rs485Exchange}'s wait for a reply still arriving when its timeout falls: whether bytes of an unfinished frame
 * came in since the wait began or was last extended, and how long the waits were extended since the last write, a
 * bound ({@link Rs485Exchange.Settings#maxReplyWireTime()}) that the late-reply guard's extensions share.
 */
final class ReplyWait {

    private final Duration responseTimeout;
    private final Duration maxReplyWireTime;
    /** Whether bytes of an unfinished frame arrived since the current wait began or was last extended. */
    private boolean replyArriving;
    /** How long the waits (the reply's and the guard's) were extended since the last write. */
    private Duration extended = Duration.ZERO;
    private long extensions;

    /**
     * A wait with the given bounds.
     *
     * @param responseTimeout  how long each extension for a reply still arriving lasts
     * @param maxReplyWireTime the most the waits are extended in all since a write
     */
    ReplyWait(Duration responseTimeout, Duration maxReplyWireTime) {
        this.responseTimeout = responseTimeout;
        this.maxReplyWireTime = maxReplyWireTime;
    }

    /** A request was written: a fresh wait, nothing extended yet. */
    void restart() {
        replyArriving = false;
        extended = Duration.ZERO;
    }

    /** Bytes of an unfinished frame came in while a request was in flight. */
    void onReplyBytes() {
        replyArriving = true;
    }

    /** Whether the waits may still be extended: they have not reached the longest reply's wire time. */
    boolean withinWireTime() {
        return extended.compareTo(maxReplyWireTime) < 0;
    }

    /** Whether a reply is still arriving (bytes came and a frame is unfinished) and the wait may be extended. */
    boolean replyStillArriving(int pendingBytes) {
        return replyArriving && pendingBytes > 0 && withinWireTime();
    }

    /**
     * Extends the wait for a reply still arriving by one response timeout.
     *
     * @return how much longer to wait
     */
    Duration extendForReply() {
        replyArriving = false;
        extended = extended.plus(responseTimeout);
        extensions++;
        return responseTimeout;
    }

    /** Counts an extension of the late-reply guard against the same bound. */
    void spend(Duration more) {
        extended = extended.plus(more);
    }

    long extensions() {
        return extensions;
    }
}
