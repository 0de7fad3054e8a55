package io.pylon4j.transport;

/**
 * What a transport has moved, dropped and retried since it was created: a snapshot, immutable.
 *
 * <p>Nothing is lost silently: every frame or byte a transport could not deliver or send is counted here.
 *
 * <p>{@code bytesIn} and {@code bytesOut} count what the link carries, in its own encoding, so that
 * {@code discardedBytes} is a part of {@code bytesIn}:
 * <ul>
 *   <li>byte streams ({@code serial:}, {@code tcp:}, {@code rfc2217:} payload, {@code virtual:}, caller streams):
 *       the stream's bytes;</li>
 *   <li>CAN transports whose link carries bytes: the encoded bytes, handshakes and adapter replies included
 *       ({@code slcan:} the ASCII command and reply lines, {@code socketcand:} the {@code < … >} elements,
 *       {@code canet:} 13 bytes per frame; {@code replay:} reads the log's text, line ends included, and writes
 *       nothing);</li>
 *   <li>CAN transports whose link carries frames as frames ({@code socketcan:}, {@code virtual:}): the data bytes of
 *       each frame read or written, 0 to 8, including frames the receive filter then drops (the kernel's 16-byte
 *       {@code struct can_frame} is not counted as such).</li>
 * </ul>
 * So for every CAN transport the bytes are at least the data bytes of the frames moved (the frames a
 * {@code replay:} is sent go nowhere), and exactly those for {@code socketcan:} and {@code virtual:}.
 *
 * @param framesIn        CAN frames received and delivered (0 for byte streams)
 * @param framesOut       CAN frames sent (0 for byte streams)
 * @param bytesIn         bytes read from the link, as defined above
 * @param bytesOut        bytes written to the link, as defined above
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
