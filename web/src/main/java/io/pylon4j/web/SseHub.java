package io.pylon4j.web;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live pages ({@code /api/events}): at most {@code maxClients} at once, each with a queue of at most
 * {@code queueCapacity} messages. A broadcast never waits: a page whose queue is full is dropped (its stream ends,
 * the browser's EventSource reconnects) and counted, so a stalled browser costs a fixed amount of memory and never
 * slows the others. Thread-safe.
 */
final class SseHub {

    /** Wakes a client's writer when the client is closed; never written to the stream. */
    private static final String CLOSED = new String("closed"); // its own identity, compared with ==

    /** One live page: its queue, written by broadcasts and read by the HTTP thread serving its stream. */
    static final class Client {

        private final BlockingQueue<String> queue;
        private volatile boolean closed;

        private Client(int capacity) {
            this.queue = new ArrayBlockingQueue<>(capacity + 1); // + 1: room for the CLOSED marker
        }

        /**
         * The next message to write, or an empty string after {@code timeoutMillis} with none (time for a keep-alive
         * comment), or empty when the client is closed.
         */
        Optional<String> next(long timeoutMillis) throws InterruptedException {
            if (closed) {
                return Optional.empty();
            }
            String m = queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
            if (m == CLOSED || closed) {
                return Optional.empty();
            }
            return Optional.of(m == null ? "" : m);
        }

        boolean isClosed() {
            return closed;
        }

        private boolean offer(String message, int capacity) {
            // the +1 slot is reserved for CLOSED: a data message may fill only capacity slots
            if (queue.size() >= capacity) {
                return false;
            }
            return queue.offer(message);
        }

        void close() {
            closed = true;
            queue.clear();
            queue.offer(CLOSED);
        }
    }

    private final int maxClients;
    private final int queueCapacity;
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    SseHub(int maxClients, int queueCapacity) {
        this.maxClients = maxClients;
        this.queueCapacity = queueCapacity;
    }

    /** A new client, or empty (counted as rejected) when {@code maxClients} are connected. */
    synchronized Optional<Client> register() {
        if (clients.size() >= maxClients) {
            rejected.incrementAndGet();
            return Optional.empty();
        }
        Client c = new Client(queueCapacity);
        clients.add(c);
        return Optional.of(c);
    }

    /** Forgets a client whose stream ended. */
    synchronized void remove(Client c) {
        clients.remove(c);
        c.close();
    }

    /** Queues one SSE message ({@code event:} and {@code data:} lines) for every client; drops the full ones. */
    void broadcast(String event, String data) {
        String message = "event: " + event + "\ndata: " + data + "\n\n";
        for (Client c : clients) {
            if (!c.offer(message, queueCapacity)) {
                dropped.incrementAndGet();
                remove(c);
            }
        }
    }

    /** Ends every stream (the view is closing). */
    synchronized void closeAll() {
        for (Client c : clients) {
            c.close();
        }
        clients.clear();
    }

    int clientCount() {
        return clients.size();
    }

    long rejected() {
        return rejected.get();
    }

    long dropped() {
        return dropped.get();
    }

    static String message(String event, String data) {
        return "event: " + event + "\ndata: " + data + "\n\n";
    }
}
