package io.pylon4j.rs485;

/**
 * A well-formed frame whose INFO holds a value its command's layout cannot take: a 0x42 user-defined item count that
 * is neither 2 nor 4 (docs/protocol.md §2.5.3), an unknown communication-rate code in 0x91 (docs/protocol.md §2.5.11).
 */
public final class InvalidInfoException extends Rs485Exception {

    private static final long serialVersionUID = 1L;

    /** The command whose layout was being read. */
    private final Command command;
    /** The offset of the field in INFO, in bytes. */
    private final int offset;
    /** The value found there. */
    private final int value;

    /**
     * An exception for the value {@code value} at INFO offset {@code offset}, which the layout cannot take.
     *
     * @param command the command whose layout was being read
     * @param offset  the offset of the field in INFO, in bytes
     * @param value   the value found there
     * @param reason  what the layout requires, for the message
     */
    public InvalidInfoException(Command command, int offset, int value, String reason) {
        super(String.format("invalid INFO for %s (0x%02X): value %d at byte %d; %s", command.title(), command.code(),
                value, offset, reason));
        this.command = command;
        this.offset = offset;
        this.value = value;
    }

    /** {@return the command whose layout was being read} */
    public Command command() {
        return command;
    }

    /** {@return the offset of the field in INFO, in bytes} */
    public int offset() {
        return offset;
    }

    /** {@return the value found there} */
    public int value() {
        return value;
    }
}
