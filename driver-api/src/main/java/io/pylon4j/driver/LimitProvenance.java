package io.pylon4j.driver;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Where one published limit came from.
 *
 * @param source       the step that decided the value
 * @param batteryValue the battery's own (last) value for this limit, when there is one
 * @param reason       a human sentence, e.g. {@code "no limits from the battery for 10.0 s (lost after 10 s)"}
 */
public record LimitProvenance(LimitSource source, OptionalDouble batteryValue, String reason) {

    /**
     * Checks the references.
     *
     * @param source       the step that decided the value
     * @param batteryValue the battery's own (last) value, when there is one
     * @param reason       a human sentence saying why
     */
    public LimitProvenance {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(batteryValue, "batteryValue");
        Objects.requireNonNull(reason, "reason");
    }
}
