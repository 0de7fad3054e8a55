package io.pylon4j.driver;

import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.time.Moment;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Freshness of one link of a bank: when it last delivered anything, and the state of its transport.
 *
 *
 * @param source             the link
 * @param lastReceived       when it last delivered a value, on the wall clock (for display), if ever
 * @param link               the last transport state reported for it, if any
 * @param lastReceivedNanos  the same on the driver's monotonic scale ({@link Moment#nanos()}), what {@link #age}
 *                           is computed from; present exactly when {@code lastReceived} is
 * @param linkStatus         the same state with why the link is down and since when, if any was reported
 */
public record SourceStatus(Source source, Optional<Instant> lastReceived, Optional<ConnectionState> link,
                           OptionalLong lastReceivedNanos, Optional<LinkStatus> linkStatus) {

    /**
     * Checks that nothing is null and that the two receive times agree.
     *
     * @param source            the link
     * @param lastReceived      when it last delivered a value, wall clock, if ever
     * @param link              the last transport state reported, if any
     * @param lastReceivedNanos the same moment as {@code lastReceived}, monotonic nanoseconds
     * @param linkStatus        the state with its cause and since when, if reported
     * @throws IllegalArgumentException if exactly one of {@code lastReceived} and {@code lastReceivedNanos} is present
     */
    public SourceStatus {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(lastReceived, "lastReceived");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(lastReceivedNanos, "lastReceivedNanos");
        Objects.requireNonNull(linkStatus, "linkStatus");
        if (lastReceived.isPresent() != lastReceivedNanos.isPresent()) {
            throw new IllegalArgumentException("lastReceived and lastReceivedNanos must be both present or both empty");
        }
    }

    /**
     * A status without a {@link LinkStatus} (no cause known).
     *
     * @param source            the link
     * @param lastReceived      when it last delivered a value, wall clock, if ever
     * @param link              the last transport state reported, if any
     * @param lastReceivedNanos the same moment on the monotonic scale; present exactly when {@code lastReceived} is
     */
    public SourceStatus(Source source, Optional<Instant> lastReceived, Optional<ConnectionState> link,
                        OptionalLong lastReceivedNanos) {
        this(source, lastReceived, link, lastReceivedNanos, Optional.empty());
    }

    /**
     * Why the link is down, if it is and a cause was reported ({@link LinkStatus#cause()}).
     *
     * @return the cause in words, or empty
     */
    public Optional<String> linkCause() {
        return linkStatus.flatMap(LinkStatus::cause);
    }

    /**
     * A link's status from the moment it last delivered, if it did, with its link status if one was reported.
     *
     * @param source       the link
     * @param lastReceived the moment it last delivered a value, if ever
     * @param link         the last transport state reported, if any
     * @param linkStatus   the state with its cause, if reported
     * @return the status
     */
    public static SourceStatus of(Source source, Optional<Moment> lastReceived, Optional<ConnectionState> link,
                                  Optional<LinkStatus> linkStatus) {
        return new SourceStatus(source, lastReceived.map(Moment::wall), link,
                lastReceived.map(m -> OptionalLong.of(m.nanos())).orElse(OptionalLong.empty()), linkStatus);
    }

    /**
     * A link's status from the moment it last delivered, if it did.
     *
     * @param source       the link
     * @param lastReceived the moment it last delivered a value, if ever
     * @param link         the last transport state reported, if any
     * @return the status
     */
    public static SourceStatus of(Source source, Optional<Moment> lastReceived, Optional<ConnectionState> link) {
        return of(source, lastReceived, link, Optional.empty());
    }

    /**
     * How long ago (on the monotonic scale) this link last delivered a value, if it ever did.
     *
     * @param now the current moment, from the same driver
     * @return the age, or empty if the link never delivered
     */
    public Optional<Duration> age(Moment now) {
        return lastReceivedNanos.isPresent()
                ? Optional.of(Duration.ofNanos(now.nanos() - lastReceivedNanos.getAsLong()))
                : Optional.empty();
    }
}
