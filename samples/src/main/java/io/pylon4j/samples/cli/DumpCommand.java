package io.pylon4j.samples.cli;

import io.pylon4j.driver.json.JsonWriter;
import io.pylon4j.can.CandumpFormat;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.ConnectionStateChange;
import io.pylon4j.transport.ConnectionStateListener;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.InvalidEndpointException;
import io.pylon4j.transport.LinkFailures;
import io.pylon4j.transport.Transport;
import io.pylon4j.transport.TransportCounters;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.Transports;
import io.pylon4j.transport.replay.ReplayCanTransport;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pylon dump --can ENDPOINT | --rs485 ENDPOINT}: prints the traffic on a live endpoint as the JSON Lines of
 * {@code pylon decode}.
 *
 * <p>Each CAN frame received becomes a candump log line ({@code (seconds.micros) IFACE ID#DATA}, stamped when it
 * arrived) and each RS485 frame ({@code ~…} up to CR, cut out of the byte stream by {@link Rs485Lines}, on the frame reader the driver uses) a
 * {@code ~…} line; both go through the same {@link LogDecoder} as {@code decode}, so the output is the decode of the
 * traffic's log by construction. RS485 is dumped as a sniffer: requests and responses as they pass, each response
 * decoded against the request before it.
 *
 * <p>Frames are decoded and printed on the command's thread, off the transport's I/O thread, through a bounded
 * queue; a frame that does not fit is counted and makes the exit status 1. Progress and a summary (the transport's
 * counters, bytes outside RS485 frames) go to standard error.
 *
 * <p>Stops after {@code --max-frames}, after {@code --idle-timeout} seconds without a frame, at the end of a
 * {@code replay:} log, or when the link fails for good. Exit status: 0; 1 when any frame could not be decoded or was
 * lost; 2 for a bad command line, or an endpoint that cannot be opened or fails.
 */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = {"Print the CAN or RS485 traffic on a live endpoint as the JSON Lines of 'pylon decode'.",
                "",
                "CAN: socketcan:IFACE (Linux), slcan:DEVICE[?bitrate=500000], socketcand:HOST:PORT/IFACE,",
                "  canet:HOST:PORT, replay:FILE[?pace=fast], virtual:NAME.",
                "RS485: serial:DEVICE[?baud=9600] (115200 unless set), tcp:HOST:PORT,",
                "  rfc2217:HOST:PORT[?baud=9600].",
                "See docs/transports.md for every setting.",
                "",
                "Exit status 1 when a frame could not be decoded, 2 when the endpoint cannot be opened."})
final class DumpCommand implements Callable<Integer> {

    /** How many frames may wait between the transport's thread and the printing; more are counted as lost. */
    static final int QUEUE_CAPACITY = 1 << 16;

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    /** Exactly one of the two. */
    static final class Source {
        @Option(names = "--can", paramLabel = "ENDPOINT", required = true,
                description = "A CAN endpoint, e.g. socketcan:can0, slcan:/dev/ttyACM0 or replay:capture.log.")
        String can;

        @Option(names = "--rs485", paramLabel = "ENDPOINT", required = true,
                description = "A byte-stream endpoint carrying RS485, e.g. serial:/dev/ttyUSB0 or tcp:192.0.2.8:4196.")
        String rs485;
    }

    @Option(names = "--max-frames", paramLabel = "N", description = "Stop after N frames.")
    Long maxFrames;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS",
            description = "Stop after SECONDS (decimals allowed) without a frame.")
    BigDecimal idleTimeout;

    /** Resolves the endpoint; {@link Transports#fromServiceLoader()} unless a test sets it. */
    Transports transports;

    /** Also told of the transport's state changes (for tests, which wait for CONNECTED before sending). */
    ConnectionStateListener stateObserver = change -> { };

    /** What the transport's thread hands to the printing thread. */
    private sealed interface Event {
    }

    private record Line(String text) implements Event {
    }

    private record Stop(String reason, int exitStatus) implements Event {
    }

    private record Notice(String text) implements Event {
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (maxFrames != null && maxFrames < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-frames must be at least 1");
        }
        if (idleTimeout != null && idleTimeout.signum() <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--idle-timeout must be positive");
        }
        boolean can = source.can != null;
        String endpoint = can ? source.can : source.rs485;
        Transports resolver = transports != null ? transports : Transports.fromServiceLoader();
        TransportOptions options = TransportOptions.defaults();

        Events events = new Events();
        Rs485Lines splitter = new Rs485Lines(frame -> events.line(frame));
        Transport transport;
        try {
            if (can) {
                CanTransport canTransport = resolver.can(endpoint, options);
                String iface = interfaceName(endpoint);
                long baseNanos = System.nanoTime();
                Instant base = Instant.now();
                long baseMicros = base.getEpochSecond() * 1_000_000 + base.getNano() / 1_000;
                canTransport.addFrameListener((frame, nanos) -> events.line(CandumpFormat.formatLog(
                        baseMicros + (nanos - baseNanos) / 1_000, iface, frame)));
                transport = canTransport;
            } else {
                ByteStreamTransport bytes = resolver.byteStream(endpoint, options);
                bytes.addByteListener((buffer, offset, length, nanos) -> splitter.feed(buffer, offset, length));
                transport = bytes;
            }
        } catch (InvalidEndpointException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }

        try (transport) {
            CompletableFuture<Void> firstOutcome = new CompletableFuture<>();
            transport.addStateListener(change -> {
                stateObserver.onStateChange(change);
                onStateChange(change, firstOutcome, events);
            });
            transport.open();
            try {
                firstOutcome.get(2 * options.connectTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                err.println("pylon dump: cannot open " + endpoint + ": "
                        + (e instanceof ExecutionException ? LinkFailures.describe(endpoint, e.getCause())
                        : "no answer in time"));
                err.flush();
                return 2;
            }
            if (transport instanceof ReplayCanTransport replay) {
                replay.finished().whenComplete((frames, fault) -> events.control(new Stop(
                        "end of the replay", fault == null ? 0 : 2)));
            }
            int status = print(events, out, err);
            out.flush();
            summary(err, endpoint, transport.counters(), can ? null : splitter, events.lost());
            return events.lost() > 0 && status == 0 ? 1 : status;
        }
    }

    /** Decodes and prints until a stop condition; returns the exit status. */
    private int print(Events events, PrintWriter out, PrintWriter err) throws InterruptedException {
        LogDecoder decoder = new LogDecoder();
        JsonWriter json = new JsonWriter();
        long idleNanos = idleTimeout == null ? 0
                : Math.max(1, idleTimeout.movePointRight(9).min(BigDecimal.valueOf(Long.MAX_VALUE)).longValue());
        boolean ok = true;
        long frames = 0;
        String stopped = "max frames";
        while (maxFrames == null || frames < maxFrames) {
            Event event = events.next(idleNanos);
            if (event == null) {
                stopped = "idle timeout";
                break;
            }
            if (event instanceof Notice notice) {
                err.println(notice.text());
                err.flush();
                continue;
            }
            if (event instanceof Stop stop) {
                stopped = stop.reason();
                if (stop.exitStatus() != 0) {
                    decoder.finish(json);
                    drain(json, out);
                    err.println("pylon dump: " + stop.reason());
                    return stop.exitStatus();
                }
                break;
            }
            ok &= decoder.decodeLine(((Line) event).text(), json);
            frames++;
            if (events.isEmpty() || json.buffered() > 1 << 15) { // flush when caught up
                drain(json, out);
            }
        }
        decoder.finish(json);
        drain(json, out);
        err.println("# dump: stopped (" + stopped + ") after " + frames + " frames");
        return ok ? 0 : 1;
    }

    private void onStateChange(ConnectionStateChange change, CompletableFuture<Void> firstOutcome, Events events) {
        ConnectionState state = change.current();
        if (state == ConnectionState.CONNECTED) {
            if (!firstOutcome.complete(null)) {
                events.control(new Notice("# dump: reconnected to " + change.endpoint()));
            }
        } else if (state == ConnectionState.WAITING_TO_RECONNECT || state == ConnectionState.FAILED) {
            String cause = change.failure().map(Throwable::getMessage).orElse("unknown cause");
            if (firstOutcome.completeExceptionally(change.failure().orElseGet(() -> new IllegalStateException(cause)))) {
                return; // the first attempt failed: call() reports it
            }
            if (state == ConnectionState.FAILED) {
                events.control(new Stop("the link failed: " + cause, 2));
            } else {
                events.control(new Notice("# dump: link lost (" + cause + "); reconnecting in "
                        + change.nextAttemptDelay().toMillis() + " ms"));
            }
        }
    }

    /**
     * From the transport's thread to the printing thread. Frame lines are bounded ({@value #QUEUE_CAPACITY} waiting;
     * more are counted as lost, never blocking the I/O thread); the few control events always get through, so that
     * a stop is never lost behind a full queue.
     */
    private static final class Events {
        private final LinkedBlockingQueue<Event> queue = new LinkedBlockingQueue<>();
        private final AtomicInteger waitingLines = new AtomicInteger();
        private final AtomicLong lost = new AtomicLong();

        void line(String text) {
            if (waitingLines.incrementAndGet() > QUEUE_CAPACITY) {
                waitingLines.decrementAndGet();
                lost.incrementAndGet(); // the printing cannot keep up: counted, reported, exit status 1
            } else {
                queue.add(new Line(text));
            }
        }

        void control(Event event) {
            queue.add(event);
        }

        /** The next event, waiting at most {@code timeoutNanos} (0: without limit); null on timeout. */
        Event next(long timeoutNanos) throws InterruptedException {
            Event event = timeoutNanos == 0 ? queue.take() : queue.poll(timeoutNanos, TimeUnit.NANOSECONDS);
            if (event instanceof Line) {
                waitingLines.decrementAndGet();
            }
            return event;
        }

        boolean isEmpty() {
            return queue.isEmpty();
        }

        long lost() {
            return lost.get();
        }
    }

    private static void drain(JsonWriter json, PrintWriter out) {
        try {
            json.drainTo(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a PrintWriter does not throw; kept for the signature
        }
        out.flush();
    }

    /** The interface name for the log lines: socketcand's IFACE, else {@code can0}. */
    private static String interfaceName(String endpoint) {
        Endpoint parsed = Endpoint.parse(endpoint);
        int slash = parsed.target().lastIndexOf('/');
        if (parsed.scheme().equals("socketcand") && slash >= 0 && slash < parsed.target().length() - 1) {
            return parsed.target().substring(slash + 1);
        }
        return "can0";
    }

    private static void summary(PrintWriter err, String endpoint, TransportCounters c, Rs485Lines splitter,
                                long lost) {
        StringBuilder s = new StringBuilder("# dump: ").append(endpoint).append(": ")
                .append(c.framesIn()).append(" frames in, ").append(c.bytesIn()).append(" bytes in, ")
                .append(c.discardedBytes()).append(" discarded bytes, ").append(c.droppedFrames())
                .append(" dropped frames, ").append(c.errors()).append(" errors, ").append(c.reconnects())
                .append(" reconnects");
        if (splitter != null) {
            s.append("; ").append(splitter.discardedBytes()).append(" bytes outside RS485 frames, ")
                    .append(splitter.pendingBytes()).append(" in an unfinished frame");
        }
        if (lost > 0) {
            s.append("; ").append(lost).append(" frames LOST (printing could not keep up)");
        }
        err.println(s);
        err.flush();
    }
}
