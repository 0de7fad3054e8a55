package io.pylon4j.simulator;

/**
 * A load-profile CSV text that cannot be read, with the 1-based line number of the offending line (0 when the
 * problem is the text as a whole, such as having no data rows).
 */
public final class LoadProfileFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The 1-based line, or 0 for the whole text. */
    private final int lineNumber;

    /**
     * An exception for the CSV text's line {@code lineNumber}, or for the whole text.
     *
     * @param lineNumber the 1-based line, or 0 for the whole text
     * @param message    what is wrong, without the line prefix
     */
    public LoadProfileFormatException(int lineNumber, String message) {
        super(lineNumber > 0 ? "line " + lineNumber + ": " + message : message);
        this.lineNumber = lineNumber;
    }

    /** {@return the 1-based number of the offending line, or 0 when the problem is the text as a whole} */
    public int lineNumber() {
        return lineNumber;
    }
}
