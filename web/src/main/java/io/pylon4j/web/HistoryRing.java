package io.pylon4j.web;

import java.util.Arrays;

/**
 * The plotted series over the last {@code capacity} samples, in fixed arrays allocated once: the oldest sample is
 * overwritten, so the history costs the same memory after an hour as after a year. Absent values are NaN (written as
 * {@code null}, a gap in the plot). Thread-safe (the sampler writes, HTTP threads read).
 */
final class HistoryRing {

    /** The plotted series, in column order after the time. */
    enum Series {
        SOC_PERCENT("socPercent"), VOLTAGE_VOLTS("voltageVolts"), CURRENT_AMPS("currentAmps"),
        CVL_VOLTS("chargeVoltageLimitVolts"), CCL_AMPS("chargeCurrentLimitAmps"),
        DCL_AMPS("dischargeCurrentLimitAmps"), TEMPERATURE_CELSIUS("temperatureCelsius");

        final String json;

        Series(String json) {
            this.json = json;
        }
    }

    private final int capacity;
    private final double[] epochSeconds;
    private final double[][] values;
    private int next;
    private int size;

    HistoryRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be ≥ 1, not " + capacity);
        }
        this.capacity = capacity;
        this.epochSeconds = new double[capacity];
        this.values = new double[Series.values().length][capacity];
    }

    /** Appends one sample; {@code sample} holds one value per {@link Series}, in order. */
    synchronized void add(double epochSecond, double... sample) {
        if (sample.length != values.length) {
            throw new IllegalArgumentException("a sample has " + values.length + " values, not " + sample.length);
        }
        epochSeconds[next] = epochSecond;
        for (int s = 0; s < values.length; s++) {
            values[s][next] = sample[s];
        }
        next = (next + 1) % capacity;
        size = Math.min(size + 1, capacity);
    }

    synchronized int size() {
        return size;
    }

    /** The samples, oldest first, as columns: {@code {"t":[…],"socPercent":[…],…}} (t in epoch seconds). */
    synchronized String toJson() {
        StringBuilder out = new StringBuilder(64 + size * 8 * 12);
        out.append("{\"t\":");
        column(out, epochSeconds);
        for (Series s : Series.values()) {
            out.append(",\"").append(s.json).append("\":");
            column(out, values[s.ordinal()]);
        }
        return out.append('}').toString();
    }

    /** The newest sample as one object, {@code {"t":…,"socPercent":…,…}}, or {@code null} when empty. */
    synchronized String newestJson() {
        if (size == 0) {
            return "null";
        }
        int i = (next - 1 + capacity) % capacity;
        StringBuilder out = new StringBuilder(160).append("{\"t\":");
        Json.number(out, epochSeconds[i]);
        for (Series s : Series.values()) {
            out.append(",\"").append(s.json).append("\":");
            Json.number(out, values[s.ordinal()][i]);
        }
        return out.append('}').toString();
    }

    private void column(StringBuilder out, double[] column) {
        out.append('[');
        int first = (next - size + capacity) % capacity;
        for (int k = 0; k < size; k++) {
            if (k > 0) {
                out.append(',');
            }
            Json.number(out, column[(first + k) % capacity]);
        }
        out.append(']');
    }

    @Override
    public synchronized String toString() {
        return "HistoryRing[" + size + "/" + capacity + ", newest " + (size == 0 ? "none"
                : Arrays.toString(new double[] {epochSeconds[(next - 1 + capacity) % capacity]})) + "]";
    }
}
