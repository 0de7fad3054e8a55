package io.pylon4j.transport.virtual;

import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.InvalidEndpointException;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.spi.TransportProvider;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;

/**
 * The {@code virtual:NAME[?queue=N]} scheme: a member of the in-memory CAN bus or byte bus called NAME, depending on
 * whether a CAN or a byte-stream transport is asked for ({@link io.pylon4j.transport.Transports#can} or
 * {@link io.pylon4j.transport.Transports#byteStream}). {@code queue} is the member's receive queue capacity (frames
 * for CAN, written chunks for bytes).
 *
 * <p>The buses belong to this provider instance, and so to the {@link io.pylon4j.transport.Transports} that holds
 * it: there is no global registry. A bus lives as long as its provider; it is a name and a member list, and costs
 * nothing once its members are closed. To reach a bus both by endpoint string and as an object, build the
 * {@code Transports} from a provider you hold: {@code new Transports(List.of(virtual, ...))} and
 * {@link #canBus(String) virtual.canBus("bench")}.
 *
 * <p>Threads: the members of all this provider's buses share one small pool of delivery threads per thread name
 * prefix ({@code PREFIX-virtual-N}, at most two threads each), made when the first member opens and stopped when
 * the last one closes; or, with {@link #VirtualTransportProvider(Executor)}, the caller's executor.
 */
public final class VirtualTransportProvider implements TransportProvider {

    private final ConcurrentMap<String, VirtualCanBus> canBuses = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, VirtualByteBus> byteBuses = new ConcurrentHashMap<>();
    private final DeliveryThreads threads;

    /** A provider with no buses yet (found by {@link java.util.ServiceLoader}, or made by hand). */
    public VirtualTransportProvider() {
        this.threads = new DeliveryThreads("");
    }

    /**
     * A provider with no buses yet whose members all deliver on {@code deliveryExecutor}, which the caller owns
     * (it is never shut down here) and must keep running while members are open. Each member still delivers in
     * order, from at most one task at a time.
     *
     * @param deliveryExecutor runs the delivery tasks of every member of every bus of this provider
     */
    public VirtualTransportProvider(Executor deliveryExecutor) {
        this.threads = new DeliveryThreads(deliveryExecutor);
    }

    @Override
    public Set<String> schemes() {
        return Set.of("virtual");
    }

    @Override
    public boolean isCan(String scheme) {
        return true;
    }

    @Override
    public boolean isByteStream(String scheme) {
        return true;
    }

    /**
     * The CAN bus called {@code name}, made on first use.
     *
     * @param name the {@code NAME} of {@code virtual:NAME}
     * @return the one CAN bus of that name in this provider
     */
    public VirtualCanBus canBus(String name) {
        return canBuses.computeIfAbsent(name, n -> new VirtualCanBus(n, threads));
    }

    /**
     * The byte bus called {@code name}, made on first use (a separate namespace from the CAN buses).
     *
     * @param name the {@code NAME} of {@code virtual:NAME}
     * @return the one byte bus of that name in this provider
     */
    public VirtualByteBus byteBus(String name) {
        return byteBuses.computeIfAbsent(name, n -> new VirtualByteBus(n, threads));
    }

    /** How many delivery threads this provider's pools have now (for tests). */
    int deliveryThreads() {
        return threads.threadCount();
    }

    @Override
    public CanTransport createCan(Endpoint endpoint, TransportOptions options) {
        return canBus(endpoint.target()).newMember(endpoint, options,
                queueCapacity(endpoint, VirtualCanBus.DEFAULT_QUEUE_CAPACITY));
    }

    @Override
    public ByteStreamTransport createByteStream(Endpoint endpoint, TransportOptions options) {
        return byteBus(endpoint.target()).newMember(endpoint, options,
                queueCapacity(endpoint, VirtualByteBus.DEFAULT_QUEUE_CAPACITY));
    }

    private static int queueCapacity(Endpoint endpoint, int defaultValue) {
        for (String key : endpoint.parameters().keySet()) {
            if (!key.equals("queue")) {
                throw new InvalidEndpointException("endpoint '" + endpoint + "': unknown parameter '" + key
                        + "'; virtual: takes queue=N");
            }
        }
        int capacity = endpoint.intParameter("queue", defaultValue);
        if (capacity < 1) {
            throw new InvalidEndpointException("endpoint '" + endpoint + "': queue must be at least 1");
        }
        return capacity;
    }
}
