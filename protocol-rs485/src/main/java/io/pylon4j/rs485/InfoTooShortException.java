package io.pylon4j.rs485;

/**
 * A well-formed frame whose INFO is too short for its command's layout: a field runs past the end of INFO. Trailing
 * INFO bytes after the layout's end are tolerated only up to {@link Rs485Codec#trailingBytesTolerated(Command)} (one
 * on 0x44, which a US5000 sends, docs/protocol.md §4); more throw {@link InfoTooLongException}.
 */
public final class InfoTooShortException extends Rs485Exception {

    private static final long serialVersionUID = 1L;

    /** The command whose layout was being read. */
    private final Command command;
    /** The INFO bytes the layout needs up to the field that did not fit. */
    private final int needed;
    /** The INFO bytes present. */
    private final int got;

    /**
     * An exception for an INFO of {@code got} bytes where the command's layout needs {@code needed}.
     *
     * @param command the command whose layout was being read
     * @param needed  the number of INFO bytes the layout needs up to the field that did not fit
     * @param got     the number of INFO bytes present
     */
    public InfoTooShortException(Command command, int needed, int got) {
        super(String.format("INFO too short for %s (0x%02X): needs at least %d bytes, has %d", command.title(),
                command.code(), needed, got));
        this.command = command;
        this.needed = needed;
        this.got = got;
    }

    /** {@return the command whose layout was being read} */
    public Command command() {
        return command;
    }

    /** {@return the number of INFO bytes the layout needs up to the field that did not fit} */
    public int needed() {
        return needed;
    }

    /** {@return the number of INFO bytes present} */
    public int got() {
        return got;
    }
}
