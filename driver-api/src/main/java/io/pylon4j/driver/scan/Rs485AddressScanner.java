package io.pylon4j.driver.scan;

import io.pylon4j.rs485.Rs485Request;
import io.pylon4j.rs485.exchange.Rs485Exchange;
import io.pylon4j.rs485.exchange.Rs485Exchange.Discarded;
import io.pylon4j.rs485.exchange.Rs485Exchange.Event;
import io.pylon4j.rs485.exchange.Rs485Exchange.GiveUp;
import io.pylon4j.rs485.exchange.Rs485Exchange.Replied;
import io.pylon4j.rs485.exchange.Rs485Exchange.Transmit;
import io.pylon4j.transport.ByteListener;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.TransportException;
import io.pylon4j.transport.time.Scheduler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Finds who answers on an RS485 bus: asks each address of {@link ScanOptions#addresses()} the read-only
 * {@link ScanProbe}s, one request at a time, and reports a {@link ScanReport}.
 *
 * <p><b>Read-only by construction.</b> The one place that writes to the transport writes
 * {@link ScanProbe#request(int)}, and {@link ScanProbe} is a closed set of read commands (0x4F, 0x51, 0x93): a scan
 * cannot send 0x94, 0x95 or any other command that changes a battery.
 *
 * <p><b>Rate-limited.</b> At most one request is in flight. The next request goes out {@link ScanOptions#minimumGap()}
 * after the previous exchange ended (its reply, or its {@link ScanOptions#replyTimeout()}), so two requests are never
 * closer than the gap. An address silent on the first probe is not asked the others. A reply that does not decode as
 * the answer (bad checksum, another address) is counted and the scanner keeps waiting until the timeout, since a good
 * frame may still follow.
 *
 * <p>The request in flight, its timeout and the matching of its reply are an {@link Rs485Exchange}'s (no retries,
 * no extension: a reply cut short at the timeout is something at that address, and is reported as garbled).
 *
 * <p><b>Threads.</b> None of its own: the gap and timeout timers run on the caller's {@link Scheduler}, replies are
 * handled on the transport's I/O thread. The progress consumer is called once per address, in scan order, on one of
 * those threads with the scanner's lock held: it must return quickly and not block; if it throws, the exception is
 * counted ({@link #progressFailures()}) and the scan goes on. The report stage completes outside the lock. The
 * transport and the scheduler stay the caller's; the scanner only adds and removes its byte listener, and the
 * transport's baud rate is the scan's (scan twice, at 115200 and at 9600, to cover both DIP settings).
 *
 * <pre>{@code
 * try (Rs485AddressScanner scan = Rs485AddressScanner.start(transport, scheduler, ScanOptions.defaults(),
 *         result -> log(result))) {
 *     ScanReport report = scan.report().toCompletableFuture().get(2, TimeUnit.MINUTES);
 * }
 * }</pre>
 *
 * <p>{@link #close()} cancels a running scan: the report completes with {@code cancelled = true} and the addresses
 * finished so far.
 */
public final class Rs485AddressScanner implements AutoCloseable {

    private final ByteStreamTransport transport;
    private final Scheduler scheduler;
    private final ScanOptions options;
    private final Consumer<? super AddressResult> progress;
    private final Rs485Exchange exchange;
    private final CompletableFuture<ScanReport> report = new CompletableFuture<>();
    private final List<AddressResult> results = new ArrayList<>();
    private final ByteListener listener = this::onBytes;

    private int addressIndex;
    private int probeIndex;
    private Rs485Request inFlight;
    /** The address asked now, and the one asked before it (whose reply may still arrive late); -1 for none. */
    private int inFlightAddress = -1;
    private int previousAddress = -1;
    private Scheduler.Cancellable timer;
    private boolean done;
    private boolean cancelled;

    private AddressFindings findings = new AddressFindings();

    private long requests;
    private long replies;
    private long rejectionCount;
    private long timeouts;
    private long badFrames;
    private long writeFailures;
    private long progressFailures;
    private long noiseSeen;

    private Rs485AddressScanner(ByteStreamTransport transport, Scheduler scheduler, ScanOptions options,
            Consumer<? super AddressResult> progress) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.options = Objects.requireNonNull(options, "options");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.exchange = new Rs485Exchange(new Rs485Exchange.Settings(options.replyTimeout(), 0, Duration.ZERO));
    }

    /**
     * Starts a scan on {@code transport} (open it first; requests written while the link is down count as write
     * failures and time out). The first request goes out at once on {@code scheduler}.
     *
     * @param transport the RS485 link, open, at the baud rate to scan
     * @param scheduler runs the gap and timeout timers; the caller's, not closed by the scanner
     * @param options   what to ask and how fast
     * @param progress  called with each address's result as it is known (see the class comment for its thread)
     * @return the running scanner; close it to cancel the scan
     */
    public static Rs485AddressScanner start(ByteStreamTransport transport, Scheduler scheduler, ScanOptions options,
            Consumer<? super AddressResult> progress) {
        Rs485AddressScanner scanner = new Rs485AddressScanner(transport, scheduler, options, progress);
        scanner.begin();
        return scanner;
    }

    /**
     * As {@link #start(ByteStreamTransport, Scheduler, ScanOptions, Consumer)} without a progress consumer.
     *
     * @param transport the RS485 link, open, at the baud rate to scan
     * @param scheduler runs the gap and timeout timers
     * @param options   what to ask and how fast
     * @return the running scanner; close it to cancel the scan
     */
    public static Rs485AddressScanner start(ByteStreamTransport transport, Scheduler scheduler, ScanOptions options) {
        return start(transport, scheduler, options, result -> { });
    }

    private synchronized void begin() {
        transport.addByteListener(listener);
        timer = scheduler.schedule(this::sendNext, java.time.Duration.ZERO);
    }

    /**
     * The report: completes after the last address, or when the scan is closed. Never completes exceptionally.
     *
     * @return a stage completing with the report (a copy per call)
     */
    public CompletionStage<ScanReport> report() {
        return report.copy();
    }

    /**
     * How often the progress consumer threw (its exceptions are caught so that the scan goes on).
     *
     * @return the number of exceptions the progress consumer threw
     */
    public synchronized long progressFailures() {
        return progressFailures;
    }

    /**
     * The counters so far.
     *
     * @return a snapshot of the scan's counters
     */
    public synchronized ScanCounters counters() {
        return new ScanCounters(requests, replies, rejectionCount, timeouts, badFrames, noiseSeen, writeFailures);
    }

    /** Stops the scan (if running), removes the byte listener and completes the report. Idempotent. */
    @Override
    public void close() {
        ScanReport finished;
        synchronized (this) {
            if (done) {
                return;
            }
            cancelled = true;
            finished = finish();
        }
        report.complete(finished);
    }

    private synchronized void sendNext() {
        if (done) {
            return;
        }
        int address = options.addresses().get(addressIndex);
        if (inFlightAddress != address) {
            previousAddress = inFlightAddress;
            inFlightAddress = address;
        }
        inFlight = options.probes().get(probeIndex).request(address);
        Transmit t = exchange.send(inFlight, 0);
        // the timer first: a transport may deliver the reply before write returns
        timer = scheduler.schedule(() -> onTimeout(t.timer()), t.timeout());
        requests++; // before the write: a reply delivered during it may end the scan
        try {
            transport.write(t.bytes());
        } catch (TransportException e) {
            requests--;
            writeFailures++; // the link is down: the timeout ends this exchange as unanswered
        }
    }

    private void onTimeout(long which) {
        ScanReport finished = null;
        synchronized (this) {
            if (done) {
                return;
            }
            // a reply cut short is something at this address, not silence; and it must not merge with the next
            List<Event> events = new ArrayList<>(1);
            if (!(exchange.onTimeout(which, events::add) instanceof GiveUp)) {
                return; // answered in the meantime, or cancelled
            }
            for (Event e : events) {
                onEvent(e);
            }
            timeouts++;
            finished = endExchange(false);
        }
        complete(finished);
    }

    private void onBytes(byte[] buffer, int offset, int length, long receivedNanoTime) {
        ScanReport finished = null;
        synchronized (this) {
            if (done) {
                return;
            }
            List<Event> events = new ArrayList<>(1);
            exchange.onBytes(buffer, offset, length, events::add);
            long noise = exchange.counters().noiseBytes();
            if (noise > noiseSeen && inFlight != null) {
                findings.noteGarbled((noise - noiseSeen) + " bytes outside any frame (noise, or another baud rate)");
            }
            noiseSeen = Math.max(noiseSeen, noise);
            for (Event e : events) {
                finished = onEvent(e);
                if (done) {
                    break;
                }
            }
        }
        complete(finished);
    }

    private ScanReport onEvent(Event event) {
        if (event instanceof Discarded d) {
            badFrames++;
            switch (d.reason()) {
                case BROKEN_FRAME -> {
                    if (inFlight != null) {
                        findings.noteGarbled(d.error().orElseThrow().getMessage());
                    }
                }
                case NOT_THE_REPLY -> {
                    int from = d.frame().orElseThrow().address();
                    if (from != previousAddress || previousAddress == inFlight.address()) {
                        // not the previous address answering after its timeout (late): this address's garbage
                        findings.noteGarbled(d.error().orElseThrow().getMessage());
                    }
                }
                case UNASKED, LATE -> {
                    // late (after its timeout) or unasked: the scan's gap after a timeout is its guard
                }
            }
            return null; // keep waiting: the right answer may still come before the timeout
        }
        if (findings.reply(((Replied) event).response(), options.probes().get(probeIndex))) {
            rejectionCount++;
        } else {
            replies++;
        }
        return endExchange(true);
    }

    /** Ends the exchange in flight; returns the report if that was the scan's last. */
    private ScanReport endExchange(boolean replied) {
        if (timer != null) {
            timer.close();
            timer = null;
        }
        inFlight = null;
        boolean silent = !replied && probeIndex == 0 && !findings.garbled();
        probeIndex++;
        if (silent || probeIndex == options.probes().size()) {
            finishAddress();
        }
        if (addressIndex == options.addresses().size()) {
            return finish();
        }
        timer = scheduler.schedule(this::sendNext, options.minimumGap());
        return null;
    }

    private void finishAddress() {
        int address = options.addresses().get(addressIndex);
        AddressResult result = findings.result(address);
        results.add(result);
        addressIndex++;
        probeIndex = 0;
        findings = new AddressFindings();
        try {
            progress.accept(result);
        } catch (RuntimeException e) {
            // the consumer's fault must not stall the scan (the result is in the report all the same)
            progressFailures++;
        }
    }

    private ScanReport finish() {
        done = true;
        inFlight = null;
        if (timer != null) {
            timer.close();
            timer = null;
        }
        transport.removeByteListener(listener);
        return new ScanReport(results, counters(), cancelled);
    }

    private void complete(ScanReport finished) {
        if (finished != null) {
            report.complete(finished);
        }
    }
}
