package io.pylon4j.transport;

/**
 * What a transport has moved, dropped and retried since it was created: a snapshot, immutable.
 *
 * <p>Nothing is lost silently: every frame or byte a transport could not deliver or send is counted here.
 *
 * @param framesIn        CAN frames received and delivered (0 for byte streams)
 * @param framesOut       CAN frames sent (0 for byte streams)
 * @param bytesIn         bytes read from the link (for CAN bridges: the encoded bytes)
 * @param bytesOut        bytes written to the link
 * @param discardedBytes  bytes read but thrown away: garbage between frames, malformed adapter replies
 * @param droppedFrames   frames received but not delivered (filtered frames are not counted) or not sent because
 *                        the link was down
 * @param errors          faults reported by the link or adapter (error frames, error replies, I/O errors)
 * @param reconnects      successful connections after the first
 */
public record TransportCounters(long framesIn, long framesOut, long bytesIn, long bytesOut, long discardedBytes,
                                long droppedFrames, long errors, long reconnects) {

    /** All zero. */
    public static final TransportCounters ZERO = new TransportCounters(0, 0, 0, 0, 0, 0, 0, 0);
}
