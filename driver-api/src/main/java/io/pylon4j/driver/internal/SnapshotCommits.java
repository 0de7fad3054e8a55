package io.pylon4j.driver.internal;

import io.pylon4j.driver.BankEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a {@link BankModel} publishes the changes of an input: first a new snapshot, then the input's events to the
 * sink, in order. Inside a {@link #batch} (the inputs of one RS485 reply) the snapshot is taken once, at the
 * batch's end, and all the batch's events follow it: one snapshot per reply, not one per input (benchmarks/README.md
 * "Scale"). Not thread-safe: every call is made under the model's lock.
 */
final class SnapshotCommits {

    private final Consumer<? super BankEvent> sink;
    private final Runnable snapshot;
    private final Consumer<List<BankEvent>> taken;
    /** Within {@link #batch}: how deep, whether an input was committed, and its events so far. */
    private int batchDepth;
    private boolean batchChanged;
    private List<BankEvent> batchEvents = new ArrayList<>();
    /** The list the previous flush delivered from, cleared: the next batch's list (null while one is delivered). */
    private List<BankEvent> spare = new ArrayList<>();

    /**
     * @param sink     receives the events; must not block
     * @param snapshot publishes a new snapshot of the model (called before the events it explains)
     * @param taken    told when a committed input's list was copied or delivered, so that it can be reused
     */
    SnapshotCommits(Consumer<? super BankEvent> sink, Runnable snapshot, Consumer<List<BankEvent>> taken) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.taken = Objects.requireNonNull(taken, "taken");
    }

    /** Runs {@code inputs} as one: their commits are held back to its end; nested batches join the outer one. */
    void batch(Runnable inputs) {
        batchDepth++;
        try {
            inputs.run();
        } finally {
            if (--batchDepth == 0) {
                flush();
            }
        }
    }

    /** Publishes an input's changes: a new snapshot, then its events; within a batch, at the batch's end. */
    void commit(List<BankEvent> events) {
        if (batchDepth > 0) {
            batchChanged = true;
            for (int i = 0; i < events.size(); i++) { // not addAll: it copies the list into a new array per input
                batchEvents.add(events.get(i));
            }
            taken.accept(events);
            return;
        }
        snapshot.run();
        for (int i = 0; i < events.size(); i++) {
            sink.accept(events.get(i));
        }
        taken.accept(events);
    }

    private void flush() {
        if (!batchChanged) {
            return; // no input in the batch
        }
        batchChanged = false;
        snapshot.run();
        // delivered from a list no batch adds to: a sink that feeds the model again (same thread, reentrant lock)
        // starts the next batch on the spare list (or a new one while this flush is delivering from the spare)
        List<BankEvent> events = batchEvents;
        batchEvents = spare != null ? spare : new ArrayList<>();
        spare = null;
        for (int i = 0; i < events.size(); i++) { // by index: no iterator per reply
            sink.accept(events.get(i));
        }
        events.clear();
        spare = events;
    }
}
