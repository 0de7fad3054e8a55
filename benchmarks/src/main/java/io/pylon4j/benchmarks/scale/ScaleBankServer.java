package io.pylon4j.benchmarks.scale;

import io.pylon4j.rs485.Rs485Frame;
import io.pylon4j.rs485.exchange.Rs485ReplyExchange;
import io.pylon4j.simulator.ModulePreset;
import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.simulator.frontend.Rs485Responder;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The battery side of the scale benchmark: many simulated RS485 banks, each on its own loopback TCP port, all served
 * by one NIO {@link Selector} thread, so that a thousand banks cost one thread (the simulator's {@code tcp-listen:}
 * transport is thread-per-connection and is not meant for that).
 *
 * <p>Run as a child JVM by {@link ScaleBenchmark}, so that the battery side's CPU and heap stay out of the measured
 * driver JVM. It prints one line, {@value #READY_PREFIX}{@code port,port,…} (in bank order), once every port
 * listens, then serves until its standard input closes (the parent exited or killed it) or it is killed.
 *
 * <p>Each bank is a {@link SimulatedBank} of {@code --modules} US3000C modules charging at 10 A, answered by the
 * simulator's {@link Rs485Responder} through the battery side of {@code protocol-rs485}'s exchanges
 * ({@link Rs485ReplyExchange}, one per connection); the bank's simulated time follows the wall clock (advanced on each request),
 * so its capacity, SOC and cell voltages move and the driver has a measurement change to publish every poll.
 *
 * <pre>{@code java -cp benchmarks.jar io.pylon4j.benchmarks.scale.ScaleBankServer --banks 1000 --modules 4}</pre>
 */
public final class ScaleBankServer implements AutoCloseable {

    /** The start of the line that announces the ports. */
    public static final String READY_PREFIX = "READY ";

    /** A bank charging at this current changes its remaining capacity in every 0x42 reply (mAh resolution). */
    private static final double CHARGE_CURRENT_AMPS = 10.0;

    private final Selector selector;
    private final List<ServerSocketChannel> servers = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private final Rs485Responder responder = new Rs485Responder();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(8192);
    private volatile boolean running = true;

    /** One simulated bank and when its simulated time was last brought up to the wall clock. */
    private static final class Bank {
        final SimulatedBank simulated;
        long advancedNanos = System.nanoTime();

        Bank(SimulatedBank simulated) {
            this.simulated = simulated;
        }
    }

    /** One accepted connection: its bank, its battery-side exchange and what is still to be written. */
    private static final class Connection {
        final Rs485ReplyExchange exchange;
        ByteBuffer pending;

        Connection(Bank bank, Rs485Responder responder) {
            this.exchange = new Rs485ReplyExchange(request -> {
                long now = System.nanoTime();
                bank.simulated.advance(Duration.ofNanos(Math.max(0, now - bank.advancedNanos)));
                bank.advancedNanos = now;
                return responder.respond(request, bank.simulated.snapshot());
            });
        }
    }

    /**
     * Opens {@code banks} listening ports on the loopback interface, one simulated bank each.
     *
     * @throws IOException if a port cannot be opened (everything opened so far is closed again)
     */
    public ScaleBankServer(int banks, int modules) throws IOException {
        if (banks < 1 || modules < 1 || modules > 14) {
            throw new IllegalArgumentException("need banks ≥ 1 and 1 ≤ modules ≤ 14 (positions 14 and 15 have no RS485 "
                    + "address): banks=" + banks + ", modules=" + modules);
        }
        selector = Selector.open();
        try {
            InetAddress loopback = InetAddress.getLoopbackAddress();
            for (int i = 0; i < banks; i++) {
                SimulatedBank simulated = SimulatedBank.builder(ModulePreset.US3000C).modulesPerGroup(modules)
                        .stateOfCharge(60).seed(i + 1L).build();
                simulated.setCurrent(CHARGE_CURRENT_AMPS);
                ServerSocketChannel server = ServerSocketChannel.open();
                servers.add(server);
                server.bind(new InetSocketAddress(loopback, 0), 64);
                server.configureBlocking(false);
                server.register(selector, SelectionKey.OP_ACCEPT, new Bank(simulated));
                ports.add(((InetSocketAddress) server.getLocalAddress()).getPort());
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The listening ports, in bank order. */
    public List<Integer> ports() {
        return List.copyOf(ports);
    }

    /** Serves on the calling thread until {@link #stop()} or {@link #close()}. */
    public void run() throws IOException {
        try {
            while (running) {
                selector.select(1000);
                for (SelectionKey key : selector.selectedKeys()) {
                    handle(key);
                }
                selector.selectedKeys().clear();
            }
        } catch (ClosedSelectorException e) {
            // closed by close(): done
        }
    }

    /** Ends {@link #run()} soon; any thread. */
    public void stop() {
        running = false;
        selector.wakeup();
    }

    private void handle(SelectionKey key) {
        try {
            if (!key.isValid()) {
                return;
            }
            if (key.isAcceptable()) {
                SocketChannel client = ((ServerSocketChannel) key.channel()).accept();
                if (client != null) {
                    client.configureBlocking(false);
                    client.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    client.register(selector, SelectionKey.OP_READ, new Connection((Bank) key.attachment(), responder));
                }
            } else {
                if (key.isWritable()) {
                    flush(key);
                }
                if (key.isValid() && key.isReadable()) {
                    read(key);
                }
            }
        } catch (IOException e) {
            // a client that went away: close its connection, keep serving the others
            closeQuietly(key);
        }
    }

    private void read(SelectionKey key) throws IOException {
        SocketChannel channel = (SocketChannel) key.channel();
        Connection connection = (Connection) key.attachment();
        readBuffer.clear();
        int n = channel.read(readBuffer);
        if (n < 0) {
            closeQuietly(key);
            return;
        }
        List<Rs485Frame> replies = new ArrayList<>(1);
        connection.exchange.onBytes(readBuffer.array(), 0, n, a -> a.reply().ifPresent(replies::add));
        for (Rs485Frame reply : replies) {
            write(key, ByteBuffer.wrap(reply.encode()));
        }
    }

    private void write(SelectionKey key, ByteBuffer bytes) throws IOException {
        Connection connection = (Connection) key.attachment();
        if (connection.pending != null) {
            ByteBuffer joined = ByteBuffer.allocate(connection.pending.remaining() + bytes.remaining());
            joined.put(connection.pending).put(bytes).flip();
            connection.pending = joined;
        } else {
            ((SocketChannel) key.channel()).write(bytes);
            if (bytes.hasRemaining()) {
                connection.pending = bytes;
                key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            }
        }
    }

    private void flush(SelectionKey key) throws IOException {
        Connection connection = (Connection) key.attachment();
        if (connection.pending != null) {
            ((SocketChannel) key.channel()).write(connection.pending);
            if (connection.pending.hasRemaining()) {
                return;
            }
            connection.pending = null;
        }
        key.interestOps(SelectionKey.OP_READ);
    }

    private static void closeQuietly(SelectionKey key) {
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** Closes every port and connection. */
    @Override
    public void close() {
        running = false;
        if (selector.isOpen()) {
            for (SelectionKey key : selector.keys()) {
                closeQuietly(key);
            }
        }
        for (ServerSocketChannel server : servers) {
            try {
                server.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /**
     * {@code --banks N} (default 1000), {@code --modules M} (default 4). Prints the ready line, then serves until
     * standard input reaches its end.
     */
    public static void main(String[] args) throws IOException {
        Map<String, String> options = ScaleBenchmark.parseOptions(args, List.of("--banks", "--modules"));
        int banks = Integer.parseInt(options.getOrDefault("--banks", "1000"));
        int modules = Integer.parseInt(options.getOrDefault("--modules", "4"));
        PrintStream out = System.out;
        try (ScaleBankServer server = new ScaleBankServer(banks, modules)) {
            StringJoiner line = new StringJoiner(",", READY_PREFIX, "");
            server.ports().forEach(p -> line.add(Integer.toString(p)));
            out.println(line);
            out.flush();
            // the parent holds our stdin: its end (the parent exited, even when killed) ends this JVM too
            Thread watch = new Thread(() -> {
                InputStream in = System.in;
                try {
                    while (in.read() >= 0) {
                        // nothing is sent; wait for the end
                    }
                } catch (IOException e) {
                    // the pipe broke: same as its end
                }
                server.stop();
            }, "pylon4j-bench-stdin-watch");
            watch.setDaemon(true);
            watch.start();
            server.run();
        }
    }
}
