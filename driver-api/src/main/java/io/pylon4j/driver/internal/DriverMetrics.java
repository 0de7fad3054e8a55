package io.pylon4j.driver.internal;

import io.pylon4j.driver.DriverCounters;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The driver's live counters, incremented on I/O and scheduler threads without a lock; {@link #snapshot} gives the
 * public {@link DriverCounters}. The event counters live in the {@link EventPublisher} (it counts what it coalesces)
 * and are passed in, so that there is one source of truth for each number.
 */
public final class DriverMetrics {
    final LongAdder canFrames = new LongAdder();
    final LongAdder canMalformed = new LongAdder();
    final LongAdder canUnknown = new LongAdder();
    final LongAdder keepAlivesSent = new LongAdder();
    final LongAdder keepAlivesSkipped = new LongAdder();
    final LongAdder inverterMeasurementFailures = new LongAdder();
    final LongAdder inverterMeasurementsMissing = new LongAdder();
    final LongAdder rs485Requests = new LongAdder();
    final LongAdder rs485Replies = new LongAdder();
    final LongAdder rs485Retries = new LongAdder();
    final LongAdder rs485Timeouts = new LongAdder();
    final LongAdder rs485Rejections = new LongAdder();
    final LongAdder rs485BadFrames = new LongAdder();
    final LongAdder rs485ChecksumErrors = new LongAdder();
    final LongAdder rs485Resyncs = new LongAdder();
    final LongAdder rs485Cycles = new LongAdder();
    final LongAdder rs485RequestsSkipped = new LongAdder();
    public final LongAdder reconnects = new LongAdder();
    public final LongAdder baudSwitches = new LongAdder();
    final LongAdder implausibleValues = new LongAdder();
    final LongAdder rs485LateReplies = new LongAdder();
    final LongAdder rs485RepliesNotMatchingRequest = new LongAdder();
    final LongAdder rs485GroupSilences = new LongAdder();
    /** A gauge: the silent groups in the model's newest status, set by {@link Rs485GroupSilence} after each change. */
    final AtomicLong rs485SilentGroups = new AtomicLong();

    public DriverCounters snapshot(EventPublisher publisher) {
        return new DriverCounters(canFrames.sum(), canMalformed.sum(), canUnknown.sum(), keepAlivesSent.sum(),
                keepAlivesSkipped.sum(), inverterMeasurementFailures.sum(), inverterMeasurementsMissing.sum(),
                rs485Requests.sum(), rs485Replies.sum(), rs485Retries.sum(), rs485Timeouts.sum(),
                rs485Rejections.sum(), rs485BadFrames.sum(), rs485ChecksumErrors.sum(), rs485Resyncs.sum(),
                rs485Cycles.sum(), rs485RequestsSkipped.sum(), reconnects.sum(), baudSwitches.sum(),
                publisher.droppedEvents(), publisher.listenerFailures(), implausibleValues.sum(),
                publisher.coalescedEvents(), rs485LateReplies.sum(), rs485RepliesNotMatchingRequest.sum(),
                rs485GroupSilences.sum(), rs485SilentGroups.get());
    }
}
