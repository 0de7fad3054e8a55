package io.pylon4j.driver;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The lifecycle of one {@link PylonDriver}: started at most once, never after it was closed; closed at most once;
 * and the stage completed when closing has finished. Thread-safe; the driver says what starting and closing do.
 */
final class DriverLifecycle {

    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Completed at the end of {@link #close}; metrics registrations hang their own clean-up on it. */
    private final CompletableFuture<Void> closedStage = new CompletableFuture<>();

    /** Runs {@code start} the first time only; a closed driver's stage fails. */
    CompletionStage<Void> start(Supplier<CompletionStage<Void>> start) {
        if (closed.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("driver closed"));
        }
        if (started.compareAndSet(false, true)) {
            return start.get();
        }
        return CompletableFuture.completedFuture(null);
    }

    /** Whether {@link #close} was called, even if it is still running. */
    boolean isClosed() {
        return closed.get();
    }

    /** A read-only view of the stage completed once {@link #close} has finished. */
    CompletionStage<Void> whenClosed() {
        return closedStage.minimalCompletionStage();
    }

    /** Runs {@code close} the first time only, then completes {@link #whenClosed()}. */
    void close(Runnable close) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        close.run();
        closedStage.complete(null); // dependents' exceptions stay in their own stages: close still never throws
    }
}
