package io.pylon4j.driver.jmx;

/**
 * The counters of a {@link PylonDriverMXBean}, one attribute per {@link io.pylon4j.driver.DriverCounters} component
 * of the same name: each counts since the driver was created and only grows, so a monitoring system takes its rate.
 * Not an MXBean of its own: {@link PylonDriverMXBean} inherits these attributes (its Javadoc says how they are named
 * and registered).
 */
public interface DriverCounterAttributes {

    /**
     * CAN frames received.
     *
     * @return the count since the driver was created; it only grows
     */
    long getCanFrames();

    /**
     * CAN frames that failed to decode.
     *
     * @return the count since the driver was created; it only grows
     */
    long getCanMalformed();

    /**
     * CAN frames with an id the codec does not know.
     *
     * @return the count since the driver was created; it only grows
     */
    long getCanUnknown();

    /**
     * Keep-alive frames sent.
     *
     * @return the count since the driver was created; it only grows
     */
    long getKeepAlivesSent();

    /**
     * Keep-alive rounds skipped because the CAN link was down.
     *
     * @return the count since the driver was created; it only grows
     */
    long getKeepAlivesSkipped();

    /**
     * SMA keep-alives for which the inverter measurement source threw or returned null (8 × 00 went out).
     *
     * @return the count since the driver was created; it only grows
     */
    long getInverterMeasurementFailures();

    /**
     * SMA keep-alives for which the inverter measurement source had no value (8 × 00 went out).
     *
     * @return the count since the driver was created; it only grows
     */
    long getInverterMeasurementsMissing();

    /**
     * RS485 requests written, retries included.
     *
     * @return the count since the driver was created; it only grows
     */
    long getRs485Requests();

    /**
     * RS485 replies decoded and applied.
     *
     * @return the count since the driver was created; it only grows
     */
    long getRs485Replies();

    /**
     * RS485 requests repeated after a timeout.
     *
     * @return the count since the driver was created; it only grows
     */
    long getRs485Retries();

    /**
     * RS485 requests given up after every retry timed out.
     *
     * @return the count since the driver was created; it only grows
     */
    long getRs485Timeouts();

    /**
     * RS485 replies with RTN ≠ 0.
     *
     * @return the count since the driver was created; it only grows
     */
    long getRs485Rejections();

    /**
     * RS485 frames that failed to deframe or decode (checksum errors among them), or came unasked.
     *
     * @return the count since the driver was created; it only grows
     */
    long getRs485BadFrames();

    /**
     * RS485 frames thrown away for a CHKSUM or LCHKSUM mismatch (each also one of the bad frames).
     *
     * @return the count since the driver was created; it only grows
     */
    long getRs485ChecksumErrors();

    /**
     * RS485 replies that came after their request's timeout, discarded as late, never taken as the answer to the next
     * request (each also one of the bad frames).
     *
     * @return the count since the driver was created; it only grows
     */
    long getRs485LateReplies();

    /**
     * RS485 frames that did not fit the request in flight (another address, INFO too short or too long for its
     * layout): a late reply to an earlier request, or another master's traffic (each also one of the bad frames).
     *
     * @return the count since the driver was created; it only grows
     */
    long getRs485RepliesNotMatchingRequest();

    /**
     * Bytes the RS485 reader discarded while resynchronising.
     *
     * @return the count since the driver was created; it only grows
     */
    long getRs485Resyncs();

    /**
     * RS485 poll cycles started.
     *
     * @return the count since the driver was created; it only grows
     */
    long getRs485Cycles();

    /**
     * RS485 requests not sent because their LV-Hub group was silent (its probe went unanswered).
     *
     * @return the count since the driver was created; it only grows
     */
    long getRs485RequestsSkipped();

    /**
     * How often an RS485 group of a bank behind an LV-Hub fell silent (answered nothing in a cycle, its modules left).
     *
     * @return the count since the driver was created; it only grows
     */
    long getRs485GroupSilences();

    /**
     * Links that came up again after being down.
     *
     * @return the count since the driver was created; it only grows
     */
    long getReconnects();

    /**
     * RS485 baud-rate changes made by baud detection.
     *
     * @return the count since the driver was created; it only grows
     */
    long getBaudSwitches();

    /**
     * Events dropped from full subscriber queues: always 0, since full queues coalesce instead.
     *
     * @return the count since the driver was created; it only grows
     */
    long getDroppedEvents();

    /**
     * Events left out of full subscriber queues because a newer one about the same thing superseded them.
     *
     * @return the count since the driver was created; it only grows
     */
    long getCoalescedEvents();

    /**
     * Exceptions thrown by event listeners.
     *
     * @return the count since the driver was created; it only grows
     */
    long getListenerFailures();

    /**
     * Battery limits refused by the plausibility gate: out of bounds or "invalid" on the wire, counted as missing.
     *
     * @return the count since the driver was created; it only grows
     */
    long getImplausibleValues();
}
