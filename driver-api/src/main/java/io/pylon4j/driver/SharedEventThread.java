package io.pylon4j.driver;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * One event thread for many drivers: pass it as {@link DriverOptions.Builder#eventExecutor} to every driver of an
 * application (an EMS with many banks) and their events are delivered on one thread named
 * {@code pylon4j-events-<name>}, in the order they were handed over. The caller owns it and {@link #close()}s it
 * after the drivers.
 *
 * <p>Why not {@code Executors.newSingleThreadExecutor}: at scale a reply's events are handed over from the
 * transport's I/O thread about once a reply, and a thread pool's queue takes two locks and wakes its sleeping worker
 * with a futex each time. Here the queue is lock-free, and after it runs empty the thread spins for a short while
 * ({@code spin}, {@link Thread#onSpinWait()}) before it parks, so that the hand-offs of one burst of replies (the banks
 * polled on the same tick) are taken without a wake-up each; a producer unparks the thread only when it is parked.
 * An idle application costs one parked thread; a busy one at most {@code spin} of CPU per burst.
 *
 * <p>The queue is unbounded by count but bounded by design: a driver's publisher hands over at most one delivery
 * task per subscriber at a time (the next one only after it ran), so the queue holds at most one task per
 * subscriber of the drivers that share it.
 *
 * <p>A task that throws is counted ({@link #failedTasks()}) and logged once; the thread goes on with the next.
 * {@link #close()} refuses new tasks, lets the thread run what is already queued and waits for it to end. Thread-safe.
 */
public final class SharedEventThread implements Executor, AutoCloseable {

    /** How long the thread spins for more work after its queue ran empty, before it parks, by default. */
    public static final Duration DEFAULT_SPIN = Duration.ofNanos(30_000);

    /** How long {@link #close()} waits for the queued tasks before it interrupts the thread. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private static final System.Logger LOG = System.getLogger(SharedEventThread.class.getName());

    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final long spinNanos;
    private final Thread thread;
    private final LongAdder submitted = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder parks = new LongAdder();
    /** Written by the event thread before it parks and read by producers after they queued (Dekker-style). */
    private volatile boolean parked;
    private volatile boolean closed;

    /**
     * Starts the thread, spinning {@link #DEFAULT_SPIN} before it parks.
     *
     * @param name the thread's name after {@code pylon4j-events-}
     */
    public SharedEventThread(String name) {
        this(name, DEFAULT_SPIN);
    }

    /**
     * Starts the thread.
     *
     * @param name the thread's name after {@code pylon4j-events-}
     * @param spin how long the thread spins for more work after its queue ran empty, before it parks; zero to park at
     *             once
     * @throws IllegalArgumentException if {@code spin} is negative or above 1 ms (spinning longer only burns CPU)
     */
    public SharedEventThread(String name, Duration spin) {
        Objects.requireNonNull(name, "name");
        if (spin.isNegative() || spin.compareTo(Duration.ofMillis(1)) > 0) {
            throw new IllegalArgumentException("spin must be between 0 and 1 ms: " + spin);
        }
        spinNanos = spin.toNanos();
        thread = new Thread(this::run, "pylon4j-events-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues a task to run on the event thread after those queued before it.
     *
     * @param task the task
     * @throws RejectedExecutionException after {@link #close()}
     */
    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        if (closed) {
            throw new RejectedExecutionException(thread.getName() + " is closed");
        }
        queue.offer(task);
        if (closed && queue.remove(task)) { // closed meanwhile and the thread may have ended: not taken, say so
            throw new RejectedExecutionException(thread.getName() + " is closed");
        }
        submitted.increment();
        if (parked) { // read after the offer: a thread about to park re-checks the queue after it set the flag
            LockSupport.unpark(thread);
        }
    }

    private void run() {
        while (true) {
            Runnable task = queue.poll();
            if (task != null) {
                runOne(task);
            } else if (closed) {
                return; // closed flag is set before the last look at the queue: nothing queued is left behind
            } else if (!spinForWork()) {
                parked = true;
                if (queue.isEmpty() && !closed) {
                    parks.increment();
                    LockSupport.park(this);
                }
                parked = false;
            }
        }
    }

    /** Spins up to {@code spinNanos}; true as soon as a task is queued or the executor closed. */
    private boolean spinForWork() {
        long start = System.nanoTime();
        while (System.nanoTime() - start < spinNanos) {
            if (!queue.isEmpty() || closed) {
                return true;
            }
            Thread.onSpinWait();
        }
        return false;
    }

    private void runOne(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            failed.increment();
            if (failed.sum() == 1) {
                LOG.log(System.Logger.Level.WARNING, thread.getName() + ": a task threw (logged once, then counted)", e);
            }
        }
    }

    /**
     * Tasks handed to this executor since it started.
     *
     * @return the count
     */
    public long submittedTasks() {
        return submitted.sum();
    }

    /**
     * Tasks that threw; the thread went on with the next.
     *
     * @return the count
     */
    public long failedTasks() {
        return failed.sum();
    }

    /**
     * How often the thread parked (went to sleep) because nothing came during its spin: each costs a wake-up later.
     *
     * @return the count
     */
    public long parks() {
        return parks.sum();
    }

    /**
     * Whether the thread is still running (false after {@link #close()} returned, unless a task ignored an interrupt).
     *
     * @return true while the thread runs
     */
    public boolean isAlive() {
        return thread.isAlive();
    }

    /**
     * Refuses new tasks, lets the thread run what is already queued and waits up to 5 s for it to end; a task still
     * running then is interrupted. Idempotent; called on the event thread itself, it does not wait.
     */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        if (Thread.currentThread() == thread) {
            return;
        }
        boolean interrupted = false;
        try {
            thread.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (thread.isAlive()) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(1));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
