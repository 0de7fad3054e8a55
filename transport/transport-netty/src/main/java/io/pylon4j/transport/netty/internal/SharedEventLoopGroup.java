package io.pylon4j.transport.netty.internal;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The event loop group that the Netty transports of one provider share, reference-counted: made when the first
 * transport opens, shut down when the last one closes. There is no static pool, so nothing outlives the transports
 * an application closed, and two applications in one JVM (two OSGi bundles) do not share threads by accident.
 */
public final class SharedEventLoopGroup {

    /**
     * One thread: it carries many battery links easily (a bank sends a few dozen frames a second), keeps every
     * transport's events in one order, and lets a transport tell "on the group's thread" (where it must not wait
     * for the group to stop) from "on any other thread" with {@code inEventLoop()} alone.
     */
    private static final int THREADS = 1;

    private final Object lock = new Object();
    private EventLoopGroup group;
    private int users;

    /** No group yet; the first {@link #acquire} makes one. */
    public SharedEventLoopGroup() {
    }

    /**
     * Takes a reference, making the group if there is none.
     *
     * @param threadNamePrefix names its threads {@code PREFIX-netty-N-M} when it is made now
     */
    EventLoopGroup acquire(String threadNamePrefix) {
        synchronized (lock) {
            if (users++ == 0) {
                group = new NioEventLoopGroup(THREADS, new DefaultThreadFactory(threadNamePrefix + "-netty", true));
            }
            return group;
        }
    }

    /**
     * Gives a reference back; the last one shuts the group down.
     *
     * @param awaitTermination wait (boundedly) until its threads have stopped; must be false on one of its threads
     */
    void release(boolean awaitTermination) {
        EventLoopGroup stopping;
        synchronized (lock) {
            if (--users > 0) {
                return;
            }
            stopping = group;
            group = null;
        }
        // no quiet period: the last transport has already closed its channel and nothing else uses the group
        Future<?> terminated = stopping.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        if (awaitTermination) {
            try {
                terminated.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How many transports hold the group (for tests). */
    int users() {
        synchronized (lock) {
            return users;
        }
    }
}
