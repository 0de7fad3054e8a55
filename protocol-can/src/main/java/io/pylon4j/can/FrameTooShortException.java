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

    private final int canId;
    private final int dlc;
    private final int minimumDlc;

    /**
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

    /** The id of the short frame. */
    public int canId() {
        return canId;
    }

    /** The number of data bytes the frame carried. */
    public int dlc() {
        return dlc;
    }

    /** The number of data bytes the id's layout needs. */
    public int minimumDlc() {
        return minimumDlc;
    }
}
