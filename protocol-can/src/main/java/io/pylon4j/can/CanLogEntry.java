package io.pylon4j.can;

/**
 * One frame read from a text log, with what the log said about when and where it was seen.
 *
 * @param timestampMicros microseconds since the Unix epoch as the log recorded them, or {@link #NO_TIMESTAMP}
 * @param interfaceName   the interface the log names ({@code "can0"}), or {@code ""} when it names none
 * @param frame           the frame
 */
public record CanLogEntry(long timestampMicros, String interfaceName, CanFrame frame) {

    /** The value of {@link #timestampMicros()} when the line carried no timestamp. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    /**
     * Checks the components.
     *
     * @param timestampMicros microseconds since the Unix epoch as the log recorded them, or {@link #NO_TIMESTAMP}
     * @param interfaceName   the interface the log names ({@code "can0"}), or {@code ""} when it names none
     * @param frame           the frame
     * @throws NullPointerException if {@code interfaceName} or {@code frame} is null
     */
    public CanLogEntry {
        if (interfaceName == null) {
            throw new NullPointerException("interfaceName (use \"\" when the log names none)");
        }
        if (frame == null) {
            throw new NullPointerException("frame");
        }
    }

    /**
     * Whether the line carried a timestamp.
     *
     * @return false exactly when {@link #timestampMicros()} is {@link #NO_TIMESTAMP}
     */
    public boolean hasTimestamp() {
        return timestampMicros != NO_TIMESTAMP;
    }
}
