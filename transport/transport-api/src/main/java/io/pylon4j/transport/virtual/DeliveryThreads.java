package io.pylon4j.transport.virtual;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The delivery threads that the members of a group of in-memory buses share (all the buses of one
 * {@link VirtualTransportProvider}, or one bus made on its own), reference-counted like transport-netty's shared
 * event loop: a pool is made when the first member opens and shut down when the last one closes, so nothing
 * outlives the members a caller closed, and there is no static pool.
 *
 * <p>One pool per thread name prefix ({@link io.pylon4j.transport.TransportOptions#threadNamePrefix()}): members
 * opened with different prefixes (a driver and the simulated battery on the same bus) keep their threads apart,
 * so that thread names still say whose work they do. Each pool has at most {@value #THREADS} threads, however
 * many members use it; each member's {@link DeliveryQueue} is drained by at most one task at a time, which keeps
 * its order.
 *
 * <p>Or a caller-supplied {@link Executor}, which is used as it is and never shut down here.
 *
 * <p>Thread-safe.
 */
final class DeliveryThreads {

    /**
     * Two threads: enough that one member's slow listener does not hold up every other member's delivery, few
     * enough that a hundred buses cost no more than one. A member's queue is bounded either way.
     */
    static final int THREADS = 2;

    /** A reference to an executor, given back once with {@link #release()}. */
    interface Lease {

        /** Where the member's deliveries run. */
        Executor executor();

        /** Gives the reference back; the last one of a pool shuts it down. Idempotent. */
        void release();
    }

    private final String nameInfix;
    private final Executor callerExecutor;
    private final Map<String, Pool> pools = new HashMap<>();

    /**
     * Pools of this group's own.
     *
     * @param nameInfix what follows {@code PREFIX-virtual-} in thread names before the thread's number: empty, or a
     *                  bus name followed by {@code -}
     */
    DeliveryThreads(String nameInfix) {
        this.nameInfix = Objects.requireNonNull(nameInfix, "nameInfix");
        this.callerExecutor = null;
    }

    /** Every member delivers on {@code executor}, which the caller owns. */
    DeliveryThreads(Executor executor) {
        this.nameInfix = "";
        this.callerExecutor = Objects.requireNonNull(executor, "executor");
    }

    /** Takes a reference to the pool for {@code threadNamePrefix}, making it if there is none. */
    Lease acquire(String threadNamePrefix) {
        if (callerExecutor != null) {
            return new Lease() {
                @Override
                public Executor executor() {
                    return callerExecutor;
                }

                @Override
                public void release() {
                    // the caller's executor: not ours to stop
                }
            };
        }
        synchronized (pools) {
            Pool pool = pools.computeIfAbsent(threadNamePrefix, p -> new Pool(p, p + "-virtual-" + nameInfix));
            pool.users++;
            return new PoolLease(pool);
        }
    }

    /** How many threads this group's pools have now (for tests). */
    int threadCount() {
        synchronized (pools) {
            return pools.values().stream().mapToInt(p -> p.executor.getPoolSize()).sum();
        }
    }

    private void release(Pool pool) {
        synchronized (pools) {
            if (--pool.users > 0) {
                return;
            }
            pools.remove(pool.key, pool);
        }
        pool.executor.shutdown(); // queued drains of closed members still run, and find nothing to deliver
        if (!pool.threads.contains(Thread.currentThread())) { // a listener closing its own member must not wait
            try {
                pool.executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final class PoolLease implements Lease {

        private final Pool pool;
        private boolean released;

        PoolLease(Pool pool) {
            this.pool = pool;
        }

        @Override
        public Executor executor() {
            return pool.executor;
        }

        @Override
        public void release() {
            synchronized (this) {
                if (released) {
                    return;
                }
                released = true;
            }
            DeliveryThreads.this.release(pool);
        }
    }

    private static final class Pool {

        private final String key;
        private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
        private final AtomicInteger sequence = new AtomicInteger();
        private final ThreadPoolExecutor executor;
        private int users; // guarded by the pools map

        /** @param key the members' thread name prefix; {@code namePrefix} is what each thread's name starts with */
        Pool(String key, String namePrefix) {
            this.key = key;
            this.executor = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS,
                    new LinkedBlockingQueue<>(), runnable -> {
                        Thread t = new Thread(() -> {
                            try {
                                runnable.run();
                            } finally {
                                threads.remove(Thread.currentThread());
                            }
                        }, namePrefix + sequence.incrementAndGet());
                        t.setDaemon(true); // as the per-member threads were: a forgotten member must not keep a JVM up
                        threads.add(t);
                        return t;
                    });
        }
    }
}
