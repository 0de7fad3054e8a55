package io.pylon4j.benchmarks.wiretime;

import java.util.List;

/**
 * One RS485 poll cycle as it crossed a {@link PacedByteLink}: from the first byte of its first request written to
 * the last byte of its last reply read by the driver, split into where the time went. The parts add up to the cycle
 * time exactly (every exchange is request on the line, link, battery, reply on the line, link, then the driver's own
 * gap to the next request).
 *
 * @param index            the cycle's number in the run, 0 = the first (which also identifies the bank)
 * @param commands         the CID2 of each request, in order, as {@code "42"}, {@code "44"}, …
 * @param requestBytes     bytes of the requests on the wire
 * @param replyBytes       bytes of the replies on the wire
 * @param wireNanos        (request + reply bytes) × 10 / baud: the time the line needs to carry them
 * @param cycleNanos       first request byte written → last reply byte read by the driver
 * @param ownGapNanos      the sum of the driver's gaps: a reply's last byte read → the next request's first byte
 *                         written, within the cycle (processing the reply and sending the next request)
 * @param maxOwnGapNanos   the largest of those gaps
 * @param batteryNanos     the simulated battery's turnaround, summed: a request's last byte read by the battery → its
 *                         reply's first byte written
 * @param linkNanos        the link's own lateness, summed over requests and replies: a frame's last byte read − its
 *                         first byte written − its exact wire time (the reader's wake-up after a park; nothing a real
 *                         line would charge to the driver)
 * @param unanswered       requests of the cycle with no reply
 * @param overlapped       exchanges that did not take turns: a request written before the previous reply was read,
 *                         or a reply before its request was (a retry while a slow reply was still on the line); the
 *                         split into parts assumes turns, so such a cycle is shown but left out of the summary
 */
public record CycleTiming(int index, List<String> commands, long requestBytes, long replyBytes, double wireNanos,
                          long cycleNanos, long ownGapNanos, long maxOwnGapNanos, long batteryNanos,
                          double linkNanos, int unanswered, int overlapped) {

    /** Copies the command list. */
    public CycleTiming {
        commands = List.copyOf(commands);
    }

    /** Measured cycle time over wire time: 1.00 is a line never idle. */
    public double ratio() {
        return cycleNanos / wireNanos;
    }

    /**
     * The ratio with the battery's turnaround and the link's lateness taken out: wire time plus the driver's own
     * gaps, over wire time. This is the part the target "no idle gaps of our own making" is about.
     */
    public double ownRatio() {
        return (wireNanos + ownGapNanos) / wireNanos;
    }

    /** Whether every request was answered and every exchange took its turn: the cycle counts in the summary. */
    public boolean clean() {
        return unanswered == 0 && overlapped == 0;
    }

    /** What the parts do not explain: 0 unless bytes queued on the line (which one request at a time never does). */
    public double unexplainedNanos() {
        return cycleNanos - wireNanos - ownGapNanos - batteryNanos - linkNanos;
    }
}
