package io.pylon4j.driver;


/**
 * What a {@link PylonDriver} has received, sent, dropped and retried since it was created: an immutable snapshot
 * from {@link PylonDriver#counters()}. Nothing the driver throws away goes uncounted. Every counter only grows, except
 * {@code rs485SilentGroups}, a gauge of the groups silent now.
 * The same counters are readable through JMX ({@code io.pylon4j.driver.jmx.DriverJmx}) and Micrometer
 * ({@code pylon4j-driver-micrometer}); {@code docs/metrics.md} says what to alert on.
 *
 * @param canFrames         CAN frames received
 * @param canMalformed      CAN frames too short or otherwise undecodable (counted, then ignored)
 * @param canUnknown        CAN frames with an id the codec does not know
 * @param keepAlivesSent    inverter frames sent (0x305, and 0x307 in Victron mode, each counted)
 * @param keepAlivesSkipped keep-alive rounds skipped because the CAN link was down
 * @param inverterMeasurementFailures SMA keep-alives (0x305 with values) for which the
 *                          {@link InverterMeasurementSource} threw or returned null: 8 × 00 went out instead
 * @param inverterMeasurementsMissing SMA keep-alives for which the source had no measurement (empty): 8 × 00 went
 *                          out instead, as it does before the application's first value (not a fault on its own)
 * @param rs485Requests     RS485 requests written, retries included
 * @param rs485Replies      RS485 replies decoded and applied
 * @param rs485Retries      RS485 requests repeated after a timeout
 * @param rs485Timeouts     RS485 requests given up for the cycle after every retry timed out
 * @param rs485Rejections   RS485 replies with RTN ≠ 0 (the battery said no; not fatal)
 * @param rs485BadFrames    RS485 frames that failed to deframe or decode (checksum, length, layout) or came unasked;
 *                          checksum errors included
 * @param rs485ChecksumErrors RS485 frames thrown away for a CHKSUM or LCHKSUM mismatch (docs/protocol.md §2.2); each is also one
 *                          of {@code rs485BadFrames}
 * @param rs485Resyncs      bytes the RS485 reader discarded while resynchronising
 * @param rs485Cycles       RS485 poll cycles started
 * @param rs485RequestsSkipped RS485 requests not sent because their LV-Hub group was silent: its probe went
 *                          unanswered, so the rest of its cycle was dropped
 * @param reconnects        transport reconnects (a link that came up again after being down)
 * @param baudSwitches      RS485 baud-rate changes made by baud detection
 * @param droppedEvents     events dropped from full subscriber queues ({@link EventSubscription#droppedEvents()}):
 *                          always 0, since full queues coalesce instead
 * @param listenerFailures  exceptions thrown by listeners ({@link PylonDriver#addListener})
 * @param implausibleValues battery limits refused by the plausibility gate ({@link LimitPlausibility}): CAN 0x351
 *                          frames, RS485 0x92 replies (per group) and 0x47 replies, and bank limits merged from them,
 *                          that were out of bounds or carried a wire value meaning "invalid"; each counted as missing
 * @param coalescedEvents   events left out of full subscriber queues because a newer one about the same thing
 *                          superseded them, summed over subscribers ({@link EventSubscription#coalescedEvents()})
 * @param rs485LateReplies  RS485 replies that came after their request's timeout (in the quiet guard that follows it,
 *                          or while nothing was asked): discarded, never taken as the answer to the next request
 *                          (docs/safety.md, "A late RS485 reply"); each is also one of {@code rs485BadFrames}
 * @param rs485RepliesNotMatchingRequest RS485 frames that did not fit the request in flight (another address, INFO
 *                          too short or longer than the request's layout allows, a value it cannot take): a late reply
 *                          to an earlier request, or another master's traffic, discarded; each is also one of
 *                          {@code rs485BadFrames}
 * @param rs485GroupSilences how often an RS485 group of a bank behind an LV-Hub fell silent: it answered nothing in a
 *                          cycle before one of its requests went unanswered in every attempt, and its modules left the
 *                          status ({@link BankStatus#silentGroups()}; a bank of one group has no silent group: its
 *                          silence is the bank's, reported by the supervision state)
 * @param rs485SilentGroups the RS485 groups silent now ({@code BankStatus.silentGroups().size()} when the snapshot
 *                          was taken): a gauge, not a counter; it falls when a group answers again
 */
public record DriverCounters(long canFrames, long canMalformed, long canUnknown, long keepAlivesSent,
                             long keepAlivesSkipped, long inverterMeasurementFailures,
                             long inverterMeasurementsMissing, long rs485Requests, long rs485Replies,
                             long rs485Retries, long rs485Timeouts, long rs485Rejections, long rs485BadFrames,
                             long rs485ChecksumErrors, long rs485Resyncs, long rs485Cycles,
                             long rs485RequestsSkipped, long reconnects, long baudSwitches, long droppedEvents,
                             long listenerFailures, long implausibleValues, long coalescedEvents,
                             long rs485LateReplies, long rs485RepliesNotMatchingRequest,
                             long rs485GroupSilences, long rs485SilentGroups) {

    /**
     * Counters without {@code rs485GroupSilences} and {@code rs485SilentGroups} (0), the shape before they were added:
     * keeps callers compiling.
     *
     * @param canFrames                   CAN frames received
     * @param canMalformed                CAN frames too short or otherwise undecodable (counted, then ignored)
     * @param canUnknown                  CAN frames with an id the codec does not know
     * @param keepAlivesSent              inverter frames sent (0x305, and 0x307 in Victron mode, each counted)
     * @param keepAlivesSkipped           keep-alive rounds skipped because the CAN link was down
     * @param inverterMeasurementFailures SMA keep-alives for which the measurement source threw or returned null
     * @param inverterMeasurementsMissing SMA keep-alives for which the source had no measurement
     * @param rs485Requests               RS485 requests written, retries included
     * @param rs485Replies                RS485 replies decoded and applied
     * @param rs485Retries                RS485 requests repeated after a timeout
     * @param rs485Timeouts               RS485 requests given up for the cycle after every retry timed out
     * @param rs485Rejections             RS485 replies with RTN ≠ 0
     * @param rs485BadFrames              RS485 frames that failed to deframe or decode or came unasked
     * @param rs485ChecksumErrors         RS485 frames thrown away for a CHKSUM or LCHKSUM mismatch
     * @param rs485Resyncs                bytes the RS485 reader discarded while resynchronising
     * @param rs485Cycles                 RS485 poll cycles started
     * @param rs485RequestsSkipped        RS485 requests not sent because their LV-Hub group was silent
     * @param reconnects                  transport reconnects
     * @param baudSwitches                RS485 baud-rate changes made by baud detection
     * @param droppedEvents               events dropped from full subscriber queues (always 0)
     * @param listenerFailures            exceptions thrown by listeners
     * @param implausibleValues           battery limits refused by the plausibility gate
     * @param coalescedEvents             events superseded in full subscriber queues
     * @param rs485LateReplies            RS485 replies that came after their request's timeout
     * @param rs485RepliesNotMatchingRequest RS485 frames that did not fit the request in flight
     */
    public DriverCounters(long canFrames, long canMalformed, long canUnknown, long keepAlivesSent,
                          long keepAlivesSkipped, long inverterMeasurementFailures,
                          long inverterMeasurementsMissing, long rs485Requests, long rs485Replies,
                          long rs485Retries, long rs485Timeouts, long rs485Rejections, long rs485BadFrames,
                          long rs485ChecksumErrors, long rs485Resyncs, long rs485Cycles,
                          long rs485RequestsSkipped, long reconnects, long baudSwitches, long droppedEvents,
                          long listenerFailures, long implausibleValues, long coalescedEvents,
                          long rs485LateReplies, long rs485RepliesNotMatchingRequest) {
        this(canFrames, canMalformed, canUnknown, keepAlivesSent, keepAlivesSkipped, inverterMeasurementFailures,
                inverterMeasurementsMissing, rs485Requests, rs485Replies, rs485Retries, rs485Timeouts,
                rs485Rejections, rs485BadFrames, rs485ChecksumErrors, rs485Resyncs, rs485Cycles, rs485RequestsSkipped,
                reconnects, baudSwitches, droppedEvents, listenerFailures, implausibleValues, coalescedEvents,
                rs485LateReplies, rs485RepliesNotMatchingRequest, 0L, 0L);
    }

    /**
     * Counters without {@code rs485LateReplies} and {@code rs485RepliesNotMatchingRequest} (0), the shape before they
     * were added: keeps callers compiling.
     *
     * @param canFrames                   CAN frames received
     * @param canMalformed                CAN frames too short or otherwise undecodable (counted, then ignored)
     * @param canUnknown                  CAN frames with an id the codec does not know
     * @param keepAlivesSent              inverter frames sent (0x305, and 0x307 in Victron mode, each counted)
     * @param keepAlivesSkipped           keep-alive rounds skipped because the CAN link was down
     * @param inverterMeasurementFailures SMA keep-alives for which the measurement source threw or returned null
     * @param inverterMeasurementsMissing SMA keep-alives for which the source had no measurement
     * @param rs485Requests               RS485 requests written, retries included
     * @param rs485Replies                RS485 replies decoded and applied
     * @param rs485Retries                RS485 requests repeated after a timeout
     * @param rs485Timeouts               RS485 requests given up for the cycle after every retry timed out
     * @param rs485Rejections             RS485 replies with RTN ≠ 0
     * @param rs485BadFrames              RS485 frames that failed to deframe or decode or came unasked
     * @param rs485ChecksumErrors         RS485 frames thrown away for a CHKSUM or LCHKSUM mismatch
     * @param rs485Resyncs                bytes the RS485 reader discarded while resynchronising
     * @param rs485Cycles                 RS485 poll cycles started
     * @param rs485RequestsSkipped        RS485 requests not sent because their LV-Hub group was silent
     * @param reconnects                  transport reconnects
     * @param baudSwitches                RS485 baud-rate changes made by baud detection
     * @param droppedEvents               events dropped from full subscriber queues (always 0)
     * @param listenerFailures            exceptions thrown by listeners
     * @param implausibleValues           battery limits refused by the plausibility gate
     * @param coalescedEvents             events superseded in full subscriber queues
     */
    public DriverCounters(long canFrames, long canMalformed, long canUnknown, long keepAlivesSent,
                          long keepAlivesSkipped, long inverterMeasurementFailures,
                          long inverterMeasurementsMissing, long rs485Requests, long rs485Replies,
                          long rs485Retries, long rs485Timeouts, long rs485Rejections, long rs485BadFrames,
                          long rs485ChecksumErrors, long rs485Resyncs, long rs485Cycles,
                          long rs485RequestsSkipped, long reconnects, long baudSwitches, long droppedEvents,
                          long listenerFailures, long implausibleValues, long coalescedEvents) {
        this(canFrames, canMalformed, canUnknown, keepAlivesSent, keepAlivesSkipped, inverterMeasurementFailures,
                inverterMeasurementsMissing, rs485Requests, rs485Replies, rs485Retries, rs485Timeouts,
                rs485Rejections, rs485BadFrames, rs485ChecksumErrors, rs485Resyncs, rs485Cycles, rs485RequestsSkipped,
                reconnects, baudSwitches, droppedEvents, listenerFailures, implausibleValues, coalescedEvents, 0L, 0L);
    }

    /**
     * Counters without {@code coalescedEvents} (0), the shape before it was added: keeps callers compiling.
     *
     * @param canFrames                   CAN frames received
     * @param canMalformed                CAN frames too short or otherwise undecodable (counted, then ignored)
     * @param canUnknown                  CAN frames with an id the codec does not know
     * @param keepAlivesSent              inverter frames sent (0x305, and 0x307 in Victron mode, each counted)
     * @param keepAlivesSkipped           keep-alive rounds skipped because the CAN link was down
     * @param inverterMeasurementFailures SMA keep-alives (0x305 with values) for which the
     *                                    {@link InverterMeasurementSource} threw or returned null: 8 × 00 went out
     *                                    instead
     * @param inverterMeasurementsMissing SMA keep-alives for which the source had no measurement (empty): 8 × 00 went
     *                                    out instead, as it does before the application's first value (not a fault on
     *                                    its own)
     * @param rs485Requests               RS485 requests written, retries included
     * @param rs485Replies                RS485 replies decoded and applied
     * @param rs485Retries                RS485 requests repeated after a timeout
     * @param rs485Timeouts               RS485 requests given up for the cycle after every retry timed out
     * @param rs485Rejections             RS485 replies with RTN ≠ 0 (the battery said no; not fatal)
     * @param rs485BadFrames              RS485 frames that failed to deframe or decode (checksum, length, layout) or
     *                                    came unasked; checksum errors included
     * @param rs485ChecksumErrors         RS485 frames thrown away for a CHKSUM or LCHKSUM mismatch (docs/protocol.md
     *                                    §2.2); each is also one of {@code rs485BadFrames}
     * @param rs485Resyncs                bytes the RS485 reader discarded while resynchronising
     * @param rs485Cycles                 RS485 poll cycles started
     * @param rs485RequestsSkipped        RS485 requests not sent because their LV-Hub group was silent: its probe went
     *                                    unanswered, so the rest of its cycle was dropped
     * @param reconnects                  transport reconnects (a link that came up again after being down)
     * @param baudSwitches                RS485 baud-rate changes made by baud detection
     * @param droppedEvents               events dropped from full subscriber queues
     *                                    ({@link EventSubscription#droppedEvents()}): always 0, since full queues coalesce
     *                                    instead
     * @param listenerFailures            exceptions thrown by listeners ({@link PylonDriver#addListener})
     * @param implausibleValues           battery limits refused by the plausibility gate ({@link LimitPlausibility}):
     *                                    CAN 0x351 frames, RS485 0x92 replies (per group) and 0x47 replies, and bank
     *                                    limits merged from them, that were out of bounds or carried a wire value
     *                                    meaning "invalid"; each counted as missing
     */
    public DriverCounters(long canFrames, long canMalformed, long canUnknown, long keepAlivesSent,
                          long keepAlivesSkipped, long inverterMeasurementFailures,
                          long inverterMeasurementsMissing, long rs485Requests, long rs485Replies,
                          long rs485Retries, long rs485Timeouts, long rs485Rejections, long rs485BadFrames,
                          long rs485ChecksumErrors, long rs485Resyncs, long rs485Cycles,
                          long rs485RequestsSkipped, long reconnects, long baudSwitches, long droppedEvents,
                          long listenerFailures, long implausibleValues) {
        this(canFrames, canMalformed, canUnknown, keepAlivesSent, keepAlivesSkipped, inverterMeasurementFailures,
                inverterMeasurementsMissing, rs485Requests, rs485Replies, rs485Retries, rs485Timeouts,
                rs485Rejections, rs485BadFrames, rs485ChecksumErrors, rs485Resyncs, rs485Cycles, rs485RequestsSkipped,
                reconnects, baudSwitches, droppedEvents, listenerFailures, implausibleValues, 0L);
    }

    /**
     * Counters without {@code implausibleValues} and {@code coalescedEvents} (0), the shape before they were added.
     *
     * @param canFrames                   CAN frames received
     * @param canMalformed                CAN frames too short or otherwise undecodable (counted, then ignored)
     * @param canUnknown                  CAN frames with an id the codec does not know
     * @param keepAlivesSent              inverter frames sent (0x305, and 0x307 in Victron mode, each counted)
     * @param keepAlivesSkipped           keep-alive rounds skipped because the CAN link was down
     * @param inverterMeasurementFailures SMA keep-alives (0x305 with values) for which the
     *                                    {@link InverterMeasurementSource} threw or returned null: 8 × 00 went out
     *                                    instead
     * @param inverterMeasurementsMissing SMA keep-alives for which the source had no measurement (empty): 8 × 00 went
     *                                    out instead, as it does before the application's first value (not a fault on
     *                                    its own)
     * @param rs485Requests               RS485 requests written, retries included
     * @param rs485Replies                RS485 replies decoded and applied
     * @param rs485Retries                RS485 requests repeated after a timeout
     * @param rs485Timeouts               RS485 requests given up for the cycle after every retry timed out
     * @param rs485Rejections             RS485 replies with RTN ≠ 0 (the battery said no; not fatal)
     * @param rs485BadFrames              RS485 frames that failed to deframe or decode (checksum, length, layout) or
     *                                    came unasked; checksum errors included
     * @param rs485ChecksumErrors         RS485 frames thrown away for a CHKSUM or LCHKSUM mismatch (docs/protocol.md
     *                                    §2.2); each is also one of {@code rs485BadFrames}
     * @param rs485Resyncs                bytes the RS485 reader discarded while resynchronising
     * @param rs485Cycles                 RS485 poll cycles started
     * @param rs485RequestsSkipped        RS485 requests not sent because their LV-Hub group was silent: its probe went
     *                                    unanswered, so the rest of its cycle was dropped
     * @param reconnects                  transport reconnects (a link that came up again after being down)
     * @param baudSwitches                RS485 baud-rate changes made by baud detection
     * @param droppedEvents               events dropped from full subscriber queues
     *                                    ({@link EventSubscription#droppedEvents()}): always 0, since full queues coalesce
     *                                    instead
     * @param listenerFailures            exceptions thrown by listeners ({@link PylonDriver#addListener})
     */
    public DriverCounters(long canFrames, long canMalformed, long canUnknown, long keepAlivesSent,
                          long keepAlivesSkipped, long inverterMeasurementFailures,
                          long inverterMeasurementsMissing, long rs485Requests, long rs485Replies,
                          long rs485Retries, long rs485Timeouts, long rs485Rejections, long rs485BadFrames,
                          long rs485ChecksumErrors, long rs485Resyncs, long rs485Cycles,
                          long rs485RequestsSkipped, long reconnects, long baudSwitches, long droppedEvents,
                          long listenerFailures) {
        this(canFrames, canMalformed, canUnknown, keepAlivesSent, keepAlivesSkipped, inverterMeasurementFailures,
                inverterMeasurementsMissing, rs485Requests, rs485Replies, rs485Retries, rs485Timeouts,
                rs485Rejections, rs485BadFrames, rs485ChecksumErrors, rs485Resyncs, rs485Cycles, rs485RequestsSkipped,
                reconnects, baudSwitches, droppedEvents, listenerFailures, 0L, 0L);
    }

    /**
     * Counters without the four added later (inverter measurement failures and misses, RS485 checksum errors and
     * skipped requests, all 0), the shape before they were added: keeps callers that build counters by hand compiling.
     *
     * @param canFrames         CAN frames received
     * @param canMalformed      CAN frames too short or otherwise undecodable (counted, then ignored)
     * @param canUnknown        CAN frames with an id the codec does not know
     * @param keepAlivesSent    inverter frames sent (0x305, and 0x307 in Victron mode, each counted)
     * @param keepAlivesSkipped keep-alive rounds skipped because the CAN link was down
     * @param rs485Requests     RS485 requests written, retries included
     * @param rs485Replies      RS485 replies decoded and applied
     * @param rs485Retries      RS485 requests repeated after a timeout
     * @param rs485Timeouts     RS485 requests given up for the cycle after every retry timed out
     * @param rs485Rejections   RS485 replies with RTN ≠ 0 (the battery said no; not fatal)
     * @param rs485BadFrames    RS485 frames that failed to deframe or decode (checksum, length, layout) or came
     *                          unasked; checksum errors included
     * @param rs485Resyncs      bytes the RS485 reader discarded while resynchronising
     * @param rs485Cycles       RS485 poll cycles started
     * @param reconnects        transport reconnects (a link that came up again after being down)
     * @param baudSwitches      RS485 baud-rate changes made by baud detection
     * @param droppedEvents     events dropped from full subscriber queues ({@link EventSubscription#droppedEvents()}):
     *                          always 0, since full queues coalesce instead
     * @param listenerFailures  exceptions thrown by listeners ({@link PylonDriver#addListener})
     */
    public DriverCounters(long canFrames, long canMalformed, long canUnknown, long keepAlivesSent,
                          long keepAlivesSkipped, long rs485Requests, long rs485Replies, long rs485Retries,
                          long rs485Timeouts, long rs485Rejections, long rs485BadFrames, long rs485Resyncs,
                          long rs485Cycles, long reconnects, long baudSwitches, long droppedEvents,
                          long listenerFailures) {
        this(canFrames, canMalformed, canUnknown, keepAlivesSent, keepAlivesSkipped, 0, 0, rs485Requests,
                rs485Replies, rs485Retries, rs485Timeouts, rs485Rejections, rs485BadFrames, 0, rs485Resyncs,
                rs485Cycles, 0, reconnects, baudSwitches, droppedEvents, listenerFailures);
    }

    /**
     * Counters without the two event counters (both 0), the shape before they were added: keeps callers that build
     * counters by hand (tests, views) compiling.
     *
     * @param canFrames         CAN frames received
     * @param canMalformed      CAN frames too short or otherwise undecodable (counted, then ignored)
     * @param canUnknown        CAN frames with an id the codec does not know
     * @param keepAlivesSent    inverter frames sent (0x305, and 0x307 in Victron mode, each counted)
     * @param keepAlivesSkipped keep-alive rounds skipped because the CAN link was down
     * @param rs485Requests     RS485 requests written, retries included
     * @param rs485Replies      RS485 replies decoded and applied
     * @param rs485Retries      RS485 requests repeated after a timeout
     * @param rs485Timeouts     RS485 requests given up for the cycle after every retry timed out
     * @param rs485Rejections   RS485 replies with RTN ≠ 0 (the battery said no; not fatal)
     * @param rs485BadFrames    RS485 frames that failed to deframe or decode (checksum, length, layout) or came
     *                          unasked; checksum errors included
     * @param rs485Resyncs      bytes the RS485 reader discarded while resynchronising
     * @param rs485Cycles       RS485 poll cycles started
     * @param reconnects        transport reconnects (a link that came up again after being down)
     * @param baudSwitches      RS485 baud-rate changes made by baud detection
     */
    public DriverCounters(long canFrames, long canMalformed, long canUnknown, long keepAlivesSent,
                          long keepAlivesSkipped, long rs485Requests, long rs485Replies, long rs485Retries,
                          long rs485Timeouts, long rs485Rejections, long rs485BadFrames, long rs485Resyncs,
                          long rs485Cycles, long reconnects, long baudSwitches) {
        this(canFrames, canMalformed, canUnknown, keepAlivesSent, keepAlivesSkipped, rs485Requests, rs485Replies,
                rs485Retries, rs485Timeouts, rs485Rejections, rs485BadFrames, rs485Resyncs, rs485Cycles, reconnects,
                baudSwitches, 0L, 0L);
    }
}
