package io.pylon4j.transport.netty.internal;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.pylon4j.transport.time.Scheduler;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Scheduler} on a transport's event loop: its tasks run on the thread that reads the transport's channel,
 * so a task that writes (an RS485 poll cycle, a response timeout) writes in the loop, without waking it from another
 * thread, and a task scheduled or cancelled from the loop itself wakes nothing. Netty measures its delays on
 * {@link System#nanoTime()}. Once the loop has shut down (the last transport of its group closed), a task is not
 * scheduled and its handle does nothing: there is no link left for it to serve.
 */
final class EventLoopScheduler implements Scheduler {

    private static final Cancellable NOTHING = () -> { };

    private final EventLoop loop;

    EventLoopScheduler(EventLoop loop) {
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    @Override
    public Cancellable scheduleAtFixedRate(Runnable task, Duration initialDelay, Duration period) {
        Objects.requireNonNull(task, "task");
        try {
            ScheduledFuture<?> f = loop.scheduleAtFixedRate(task, initialDelay.toNanos(), period.toNanos(),
                    TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        } catch (RejectedExecutionException e) {
            return NOTHING;
        }
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        Objects.requireNonNull(task, "task");
        try {
            ScheduledFuture<?> f = loop.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        } catch (RejectedExecutionException e) {
            return NOTHING;
        }
    }

    @Override
    public boolean onSystemClock() {
        return true;
    }

    @Override
    public String toString() {
        return "EventLoopScheduler[" + loop + "]";
    }
}
