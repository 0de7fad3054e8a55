package io.pylon4j.simulator.frontend;

import io.pylon4j.rs485.Rs485Frame;
import io.pylon4j.rs485.exchange.Rs485ReplyExchange;
import io.pylon4j.simulator.FaultSettings;
import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.transport.ByteListener;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.TransportException;
import io.pylon4j.transport.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The RS485 front end: cuts request frames out of a {@link ByteStreamTransport} with an {@link Rs485ReplyExchange}
 * (the battery side of {@code protocol-rs485}'s exchanges: the bounded, resynchronising frame reader; broken requests
 * counted, never answered), answers each with the {@link Rs485Responder} from the bank's current snapshot, and writes
 * the reply back, with the wire faults of {@link SimulatedBank#faults()} applied at that moment:
 *
 * <table>
 *   <caption>RS485 wire faults</caption>
 *   <tr><th>fault</th><th>on the wire</th></tr>
 *   <tr><td>communication lost</td><td>no reply (requests are still recorded)</td></tr>
 *   <tr><td>corrupt checksums</td><td>the reply with its last CHKSUM digit changed
 *       ({@link Rs485WireFaults#corruptChecksum})</td></tr>
 *   <tr><td>noise bytes</td><td>N bytes without {@code '~'} or CR, then the reply</td></tr>
 *   <tr><td>reply delay</td><td>the reply written that long after the request, through the scheduler</td></tr>
 *   <tr><td>baud mismatch</td><td>one garbage byte (0x00 or 0xF0) per reply byte, never a frame
 *       ({@link Rs485WireFaults#atWrongBaudRate})</td></tr>
 * </table>
 * The bank's time is not advanced here (the CAN front end or the caller does that).
 *
 * <p>Bytes arrive on the transport's thread; a late reply is written on the scheduler's thread.
 */
public final class Rs485BatterySimulator implements AutoCloseable {

    /** The baud rate real modules use with DIP switch 1 on (RS485 console off): 115200 (docs/protocol.md §2.1). */
    public static final int BAUD_115200 = 115_200;
    /** The other baud rate: 9600. */
    public static final int BAUD_9600 = 9600;

    private final SimulatedBank bank;
    private final ByteStreamTransport transport;
    private final Scheduler scheduler;
    private final ReceivedTraffic traffic;
    private final Rs485Responder responder = new Rs485Responder();
    private final Rs485ReplyExchange exchange = new Rs485ReplyExchange(this::answer);
    private final ByteListener listener = this::onBytes;
    private volatile boolean running;

    /**
     * A front end for {@code bank} on {@code transport}, late replies timed by {@code scheduler}.
     *
     * @param bank      the bank whose snapshot answers the requests
     * @param transport the byte stream to read requests from and write replies to; opened and closed by the caller
     * @param scheduler times late replies (the reply-delay fault): wall-clock or a test's manual time
     * @param traffic   where received requests are recorded (shared with the CAN front end if wanted)
     */
    public Rs485BatterySimulator(SimulatedBank bank, ByteStreamTransport transport, Scheduler scheduler,
            ReceivedTraffic traffic) {
        this.bank = Objects.requireNonNull(bank, "bank");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.traffic = Objects.requireNonNull(traffic, "traffic");
    }

    /** Starts answering. */
    public void start() {
        running = true;
        transport.addByteListener(listener);
    }

    private void onBytes(byte[] buffer, int offset, int length, long nanos) {
        List<Rs485ReplyExchange.Answered> answered = new ArrayList<>();
        synchronized (exchange) {
            exchange.onBytes(buffer, offset, length, answered::add);
        }
        for (Rs485ReplyExchange.Answered a : answered) {
            send(a.request(), a.reply());
        }
    }

    /**
     * Answers one request as if it had arrived on the wire (also for tests without a transport).
     *
     * @param request the request frame
     */
    public void handle(Rs485Frame request) {
        send(request, answer(request));
    }

    /** The reply to {@code request} from the bank now, or silence (stopped, communication lost, no such module). */
    private Optional<Rs485Frame> answer(Rs485Frame request) {
        if (!running || bank.faults().communicationLost()) {
            return Optional.empty();
        }
        return responder.respond(request, bank.snapshot());
    }

    /** Writes (or schedules) a reply with the wire faults applied, and records the request. */
    private void send(Rs485Frame request, Optional<Rs485Frame> reply) {
        try {
            FaultSettings faults = bank.faults();
            reply.ifPresent(r -> {
                byte[] bytes = Rs485WireFaults.apply(r.encode(), faults);
                if (faults.replyDelay().isZero()) {
                    write(bytes);
                } else {
                    scheduler.schedule(() -> write(bytes), faults.replyDelay());
                }
            });
        } finally {
            // recorded once handled: a reader of the count sees the reply written or scheduled
            traffic.requestReceived(request);
        }
    }

    /**
     * What the request side saw: requests received whole, of them answered, broken frames and noise bytes.
     *
     * @return a snapshot of the exchange's counters
     */
    public Rs485ReplyExchange.Counters counters() {
        synchronized (exchange) {
            return exchange.counters();
        }
    }

    private void write(byte[] bytes) {
        if (!running) {
            return;
        }
        try {
            transport.write(bytes);
            traffic.replySent();
        } catch (TransportException e) {
            // the client left before the reply: as on a real bus, the reply goes nowhere
        }
    }

    /** {@return what was received and sent} */
    public ReceivedTraffic traffic() {
        return traffic;
    }

    /** Stops answering; the transport stays open. */
    @Override
    public void close() {
        running = false;
        transport.removeByteListener(listener);
    }
}
