package io.pylon4j.rs485;

/**
 * The LENID of the LENGTH field disagrees with the INFO actually present: it announces a different number of INFO
 * characters, or an odd number (INFO is whole bytes, two characters each) ([R485-33] §2.3.2; docs/protocol.md §2.2).
 */
public final class LengthMismatchException extends Rs485Exception {

    private static final long serialVersionUID = 1L;

    /** The LENID received, 0 to 4095. */
    private final int lenid;
    /** The INFO characters present between LENGTH and CHKSUM. */
    private final int infoCharacters;

    /**
     * An exception for a LENID that disagrees with the INFO characters present.
     *
     * @param lenid          the LENID received (0 to 4095)
     * @param infoCharacters the number of INFO characters present between LENGTH and CHKSUM
     */
    public LengthMismatchException(int lenid, int infoCharacters) {
        super(lenid == infoCharacters
                ? String.format("LENID %03X (%d) is odd: INFO must be whole bytes", lenid, lenid)
                : String.format("LENID %03X announces %d INFO characters, the frame has %d", lenid, lenid,
                        infoCharacters));
        this.lenid = lenid;
        this.infoCharacters = infoCharacters;
    }

    /** {@return the LENID received (0 to 4095)} */
    public int lenid() {
        return lenid;
    }

    /** {@return the number of INFO characters present between LENGTH and CHKSUM} */
    public int infoCharacters() {
        return infoCharacters;
    }
}
