package io.pylon4j.can;

/**
 * A frame with a known id but fewer data bytes than its layout needs: 0x351 with a DLC of 5, say.
 *
 * <p>A longer DLC than needed is never a fault (clones send 8 bytes everywhere); only a shorter one is. The
 * exception keeps the {@linkplain #canId() id}, the {@linkplain #dlc() DLC} received and the
 * {@linkplain #minimumDlc() minimum}, and its message names all three.
 */
public final class FrameTooShortException extends CanCodecException {

    private static final long serialVersionUID = 1L;

    /** The id of the short frame, 0x000 to 0x7FF. */
    private final int canId;
    /** The number of data bytes the frame carried. */
    private final int dlc;
    /** The number of data bytes the id's layout needs, more than {@link #dlc}. */
    private final int minimumDlc;

    /**
     * The exception for one short frame; its message names the id, the DLC and the minimum.
     *
     * @param canId       the frame's id
     * @param dlc         the number of data bytes it carried
     * @param minimumDlc  the number of data bytes its layout needs
     * @param messageName what the id carries, for the message ({@code "ChargeDischargeLimits"})
     */
    public FrameTooShortException(int canId, int dlc, int minimumDlc, String messageName) {
        super(String.format("CAN frame 0x%03X (%s) has DLC %d; it needs at least %d data bytes",
                canId, messageName, dlc, minimumDlc));
        this.canId = canId;
        this.dlc = dlc;
        this.minimumDlc = minimumDlc;
    }

    /**
     * The id of the short frame.
     *
     * @return the 11-bit id, 0x000 to 0x7FF
     */
    public int canId() {
        return canId;
    }

    /**
     * The number of data bytes the frame carried.
     *
     * @return the DLC received, 0 to 7
     */
    public int dlc() {
        return dlc;
    }

    /**
     * The number of data bytes the id's layout needs.
     *
     * @return the smallest DLC the codec accepts for this id, 1 to 8
     */
    public int minimumDlc() {
        return minimumDlc;
    }
}
