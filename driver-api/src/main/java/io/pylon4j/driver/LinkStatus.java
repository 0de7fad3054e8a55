package io.pylon4j.driver;

import io.pylon4j.transport.ConnectionState;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of one link's transport and, while it is not up, why: the answer to "is it the battery, or is the
 * cable not even connected?". Kept per {@link Source} in {@link SourceStatus#linkStatus()}, announced by
 * {@link BankEvent.LinkStateChanged}.
 *
 * @param state   the transport's newest state
 * @param cause   while the link is not {@link ConnectionState#CONNECTED}: why, as a phrase an installer can act on
 *                ("connection refused by 127.0.0.1:1", "no such device /dev/ttyUSB9"), kept through the retries that
 *                follow the failure; empty when the link is up or no failure has been reported yet
 * @param since   when the link last came up (state {@code CONNECTED}) or, otherwise, when it went down or was first
 *                reported not up; the {@code CONNECTING}/{@code WAITING_TO_RECONNECT} turns of a retry loop do not
 *                move it
 * @param attempt the transport's connect attempt (1 for the first), 0 when not known
 */
public record LinkStatus(ConnectionState state, Optional<String> cause, Instant since, int attempt) {

    /**
     * Checks the references.
     *
     * @param state   the transport's newest state
     * @param cause   why the link is not up, or empty
     * @param since   when the link last came up or went down
     * @param attempt the transport's connect attempt, 0 when not known
     */
    public LinkStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(since, "since");
    }

    /**
     * Whether the link is up.
     *
     * @return true when the state is {@link ConnectionState#CONNECTED}
     */
    public boolean up() {
        return state == ConnectionState.CONNECTED;
    }
}
