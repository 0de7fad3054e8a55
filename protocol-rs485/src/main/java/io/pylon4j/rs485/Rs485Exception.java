package io.pylon4j.rs485;

/**
 * The root of every exception the RS485 codec throws for bad input from the wire or from a log.
 *
 * <p>Each subclass names one fault and keeps the offending values, so that a caller can count and report faults by
 * kind; the table in the {@linkplain io.pylon4j.rs485 package documentation} lists them. A battery that answers with a
 * non-zero return code is <em>not</em> a fault: that decodes to a {@link Rejection}. Misuse of the API (building a
 * record with a field out of range) throws {@link IllegalArgumentException} instead, because it is a programming
 * error, not a wire fault.
 */
public abstract class Rs485Exception extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message that names the fault and its values.
     *
     * @param message the fault and its offending values, as a log line shows them
     */
    protected Rs485Exception(String message) {
        super(message);
    }
}
