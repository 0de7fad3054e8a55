package io.pylon4j.driver;

import io.pylon4j.transport.ConnectionState;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Freshness of one link of a bank: when it last delivered anything, and the state of its transport.
 *
 * @param source       the link
 * @param lastReceived when it last delivered a value, if ever
 * @param link         the last transport state reported for it, if any
 * @param linkStatus   the same state with why the link is down and since when, if any was reported
 */
public record SourceStatus(Source source, Optional<Instant> lastReceived, Optional<ConnectionState> link,
                           Optional<LinkStatus> linkStatus) {

    public SourceStatus {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(lastReceived, "lastReceived");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(linkStatus, "linkStatus");
    }

    /** A status without a {@link LinkStatus} (no cause known). */
    public SourceStatus(Source source, Optional<Instant> lastReceived, Optional<ConnectionState> link) {
        this(source, lastReceived, link, Optional.empty());
    }

    /** Why the link is down, if it is and a cause was reported ({@link LinkStatus#cause()}). */
    public Optional<String> linkCause() {
        return linkStatus.flatMap(LinkStatus::cause);
    }

    /** How long ago this link last delivered a value, if it ever did. */
    public Optional<Duration> age(Instant now) {
        return lastReceived.map(t -> Duration.between(t, now));
    }
}
