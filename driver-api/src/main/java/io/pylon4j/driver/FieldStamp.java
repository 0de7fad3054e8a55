package io.pylon4j.driver;

import java.util.Objects;
import java.time.Instant;

/**
 * When a field of a {@link BankStatus} last received a value, and from which link.
 *
 * @param at     when the value was observed
 * @param source the link it came from
 */
public record FieldStamp(Instant at, Source source) {
    public FieldStamp {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(source, "source");
    }
}
