package io.pylon4j.rs485;

/**
 * A well-formed reply whose INFO is longer than the layout of the command it is read as allows: more bytes after the
 * layout's end (with the counts it carries) than {@link Rs485Codec#trailingBytesTolerated(Command)}. A reply does not
 * name the command it answers (docs/protocol.md §2), so this is how a reply to another command, arriving late, is
 * told from the answer: a 0x93 reply (17 bytes) read as 0x96 (6 bytes) is refused here rather than published as a
 * software version (docs/safety.md, "A late RS485 reply").
 */
public final class InfoTooLongException extends Rs485Exception {

    private static final long serialVersionUID = 1L;

    /** The command whose layout the reply was read as. */
    private final Command command;
    /** The INFO bytes the layout, with its counts, takes. */
    private final int layout;
    /** The INFO bytes present. */
    private final int got;

    /**
     * An exception for an INFO of {@code got} bytes where the command's layout takes {@code layout}.
     *
     * @param command the command whose layout the reply was read as
     * @param layout  the number of INFO bytes the layout, with the counts the reply carries, takes
     * @param got     the number of INFO bytes present
     */
    public InfoTooLongException(Command command, int layout, int got) {
        super(String.format("INFO too long for %s (0x%02X): the layout takes %d bytes%s, the reply has %d (a reply to "
                        + "another command?)", command.title(), command.code(), layout,
                Rs485Codec.trailingBytesTolerated(command) == 0 ? ""
                        : " (+" + Rs485Codec.trailingBytesTolerated(command) + " tolerated)", got));
        this.command = command;
        this.layout = layout;
        this.got = got;
    }

    /** {@return the command whose layout the reply was read as} */
    public Command command() {
        return command;
    }

    /** {@return the number of INFO bytes the layout, with the counts the reply carries, takes} */
    public int layout() {
        return layout;
    }

    /** {@return the number of INFO bytes present} */
    public int got() {
        return got;
    }
}
