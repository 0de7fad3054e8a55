package io.pylon4j.rs485;

/**
 * A well-formed frame that is not a Pylontech battery command this codec knows: CID1 is not 0x46 ("battery data"),
 * or CID2 is not one of the {@link Command} codes (docs/protocol.md §2.2, §2.5).
 */
public final class UnknownCommandException extends Rs485Exception {

    private static final long serialVersionUID = 1L;

    /** The CID1 received (0x46 for a Pylontech command). */
    private final int cid1;
    /** The CID2 received. */
    private final int cid2;

    /**
     * An exception for a frame whose CID1 and CID2 name no command this codec knows.
     *
     * @param cid1 the CID1 received
     * @param cid2 the CID2 received (for a response: the command it was decoded against)
     */
    public UnknownCommandException(int cid1, int cid2) {
        super(cid1 != Command.CID1
                ? String.format("unknown device type: CID1 %02X, Pylontech battery data is 46", cid1)
                : String.format("unknown command: CID2 %02X", cid2));
        this.cid1 = cid1;
        this.cid2 = cid2;
    }

    /** {@return the CID1 received} */
    public int cid1() {
        return cid1;
    }

    /** {@return the CID2 received} */
    public int cid2() {
        return cid2;
    }
}
