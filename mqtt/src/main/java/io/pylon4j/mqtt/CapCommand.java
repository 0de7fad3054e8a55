package io.pylon4j.mqtt;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One command on {@code …/BANK/cap/set}: a cap on the published charge and/or discharge current that lapses after a
 * mandatory expiry, or {@code {"clear": 1}} to lift the cap at once. The only thing the bridge can be told to do: it
 * never sends the battery anything ({@code docs/mqtt.md}, "Commands").
 *
 * <pre>{"maxChargeCurrentAmps": 50, "maxDischargeCurrentAmps": 80, "expiresInSeconds": 600}</pre>
 *
 * @param maxChargeCurrentAmps    the cap on the published charge current limit, A, if given
 * @param maxDischargeCurrentAmps the cap on the published discharge current limit, A, if given
 * @param expiresIn               when the cap lapses, from its arrival (zero for a clear)
 * @param clear                   whether this lifts the cap instead
 */
record CapCommand(OptionalDouble maxChargeCurrentAmps, OptionalDouble maxDischargeCurrentAmps, Duration expiresIn,
                  boolean clear) {

    /** Every field a command may have ({@code docs/mqtt.md} shows each in an example, {@code MqttDocsExamplesTest}). */
    static final Set<String> FIELDS = Set.of("maxChargeCurrentAmps", "maxDischargeCurrentAmps",
            "expiresInSeconds", "clear");
    /** Far above any LV bank's current: a larger number is a typo, not a cap. */
    static final double MAX_AMPS = 10_000;

    /**
     * Parses and checks a command.
     *
     * @throws IllegalArgumentException saying what is wrong, for the rejection on the state topic
     */
    static CapCommand parse(String payload, Duration maxExpiry) {
        Map<String, Double> fields = Json.parseFlatNumbers(payload);
        for (String key : fields.keySet()) {
            if (!FIELDS.contains(key)) {
                throw new IllegalArgumentException("unknown field \"" + key + "\"; a cap command has "
                        + "maxChargeCurrentAmps, maxDischargeCurrentAmps and expiresInSeconds, or clear");
            }
        }
        if (fields.containsKey("clear")) {
            if (fields.size() != 1 || fields.get("clear") != 1.0) {
                throw new IllegalArgumentException("a clear command is exactly {\"clear\": 1}");
            }
            return new CapCommand(OptionalDouble.empty(), OptionalDouble.empty(), Duration.ZERO, true);
        }
        OptionalDouble charge = amps(fields, "maxChargeCurrentAmps");
        OptionalDouble discharge = amps(fields, "maxDischargeCurrentAmps");
        if (charge.isEmpty() && discharge.isEmpty()) {
            throw new IllegalArgumentException("a cap command needs maxChargeCurrentAmps or maxDischargeCurrentAmps");
        }
        Double seconds = fields.get("expiresInSeconds");
        if (seconds == null) {
            throw new IllegalArgumentException("expiresInSeconds is mandatory: every cap lapses");
        }
        if (!(seconds >= 1) || seconds > maxExpiry.toSeconds() || seconds != Math.rint(seconds)) {
            throw new IllegalArgumentException("expiresInSeconds must be a whole number from 1 to "
                    + maxExpiry.toSeconds() + ": " + seconds);
        }
        return new CapCommand(charge, discharge, Duration.ofSeconds(seconds.longValue()), false);
    }

    private static OptionalDouble amps(Map<String, Double> fields, String name) {
        Double v = fields.get(name);
        if (v == null) {
            return OptionalDouble.empty();
        }
        if (!(v >= 0) || v > MAX_AMPS) {
            throw new IllegalArgumentException(name + " must be from 0 to " + (int) MAX_AMPS + " A: " + v);
        }
        return OptionalDouble.of(v);
    }
}
