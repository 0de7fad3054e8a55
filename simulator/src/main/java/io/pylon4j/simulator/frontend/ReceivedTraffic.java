package io.pylon4j.simulator.frontend;

import io.pylon4j.can.CanFrame;
import io.pylon4j.rs485.Rs485Frame;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * What the simulated bank received and sent: the inverter's CAN frames (0x305 keep-alives counted apart), the RS485
 * requests, and counts of what went out. Tests read it to assert what the system under test sent. The lists keep the
 * latest {@value #CAPACITY} entries.
 *
 * <p>Thread-safe.
 */
public final class ReceivedTraffic {

    /** How many frames and requests each list keeps. */
    public static final int CAPACITY = 10_000;

    private final Deque<CanFrame> canFrames = new ArrayDeque<>();
    private final Deque<Rs485Frame> requests = new ArrayDeque<>();
    private long keepAlives;
    private CanFrame lastKeepAlive;
    private Instant lastKeepAliveTime;
    private long canFramesSent;
    private long rs485Replies;
    private long rs485Requests;

    /** An empty record. */
    public ReceivedTraffic() {
    }

    synchronized void canReceived(CanFrame frame, Instant time) {
        add(canFrames, frame);
        if (frame.id() == 0x305) {
            keepAlives++;
            lastKeepAlive = frame;
            lastKeepAliveTime = time;
        }
    }

    synchronized void requestReceived(Rs485Frame frame) {
        rs485Requests++;
        add(requests, frame);
    }

    synchronized void canSent(int frames) {
        canFramesSent += frames;
    }

    synchronized void replySent() {
        rs485Replies++;
    }

    private static <T> void add(Deque<T> deque, T item) {
        if (deque.size() == CAPACITY) {
            deque.removeFirst();
        }
        deque.addLast(item);
    }

    /** {@return the number of 0x305 frames (inverter keep-alives) received} */
    public synchronized long keepAliveCount() {
        return keepAlives;
    }

    /** {@return the latest 0x305 frame received, with its content} */
    public synchronized Optional<CanFrame> lastKeepAlive() {
        return Optional.ofNullable(lastKeepAlive);
    }

    /** {@return the bank's simulated time when the latest 0x305 arrived} */
    public synchronized Optional<Instant> lastKeepAliveTime() {
        return Optional.ofNullable(lastKeepAliveTime);
    }

    /** {@return every CAN frame received (the latest {@value #CAPACITY}), oldest first} */
    public synchronized List<CanFrame> canFrames() {
        return List.copyOf(canFrames);
    }

    /** {@return every RS485 request frame received (the latest {@value #CAPACITY}), oldest first, answered or not} */
    public synchronized List<Rs485Frame> rs485Requests() {
        return List.copyOf(requests);
    }

    /**
     * {@return the RS485 requests received with CID2 {@code cid2} (for example 0x94 or 0x95), oldest first}
     *
     * @param cid2 the command code, 0 to 255
     */
    public synchronized List<Rs485Frame> rs485Requests(int cid2) {
        List<Rs485Frame> out = new ArrayList<>();
        for (Rs485Frame f : requests) {
            if (f.cid2OrRtn() == cid2) {
                out.add(f);
            }
        }
        return out;
    }

    /** {@return the number of RS485 request frames received} */
    public synchronized long rs485RequestCount() {
        return rs485Requests;
    }

    /** {@return the number of RS485 replies written (garbled ones included)} */
    public synchronized long rs485ReplyCount() {
        return rs485Replies;
    }

    /** {@return the number of CAN frames sent} */
    public synchronized long canFramesSent() {
        return canFramesSent;
    }
}
