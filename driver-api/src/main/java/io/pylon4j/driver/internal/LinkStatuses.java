package io.pylon4j.driver.internal;

import io.pylon4j.driver.LinkStatus;
import io.pylon4j.transport.ConnectionState;
import java.time.Instant;
import java.util.Optional;

/**
 * How the model moves a link's {@link LinkStatus} on each transport state change: the cause of a failure is kept
 * through the retries that follow it, and {@code since} moves only when the link comes up or goes down.
 */
final class LinkStatuses {

    private LinkStatuses() {
    }

    /** The first status reported for a link. */
    static LinkStatus first(ConnectionState state, Optional<String> cause, int attempt, Instant at) {
        return new LinkStatus(state, state == ConnectionState.CONNECTED ? Optional.empty() : cause, at, attempt);
    }

    /**
     * The status after {@code next} was reported at {@code at}: the new cause, or the one before while the link
     * stays down; {@code since} moved only when the link came up or went down.
     */
    static LinkStatus next(LinkStatus before, ConnectionState next, Optional<String> nextCause, int nextAttempt,
                           Instant at) {
        boolean nowUp = next == ConnectionState.CONNECTED;
        Optional<String> c = nowUp ? Optional.empty() : nextCause.isPresent() ? nextCause : before.cause();
        return new LinkStatus(next, c, nowUp == before.up() ? before.since() : at, nextAttempt);
    }
}
