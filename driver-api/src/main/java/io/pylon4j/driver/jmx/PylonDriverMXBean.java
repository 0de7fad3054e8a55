package io.pylon4j.driver.jmx;

/**
 * The JMX view of one {@link io.pylon4j.driver.PylonDriver}: its counters, frame rates, supervision state and
 * field ages, read-only, registered by {@link DriverJmx#register} as {@code io.pylon4j:type=Driver,bank="<id>"}.
 *
 * <p>Counters are the {@link io.pylon4j.driver.DriverCounters} of the same name (they only grow); rates are per
 * second over a sliding window ({@link io.pylon4j.driver.SlidingRate}); ages are in seconds since the field last
 * received a value, on the driver's monotonic time, and <b>NaN when the field never received one</b> (NaN rather
 * than -1 so that a graph shows a gap, not a plausible-looking number). {@code docs/metrics.md} lists what to alert on.
 */
public interface PylonDriverMXBean {

    /**
     * The bank's id.
     *
     * @return the id given to the driver, as in the bean's ObjectName
     */
    String getBankId();

    /**
     * The supervision state: CONNECTING, FRESH, STALE, LOST or RECOVERED.
     *
     * @return the state's name
     */
    String getSupervisionState();

    /**
     * Why the supervision state was entered, in words.
     *
     * @return a short human-readable reason, for logs and dashboards
     */
    String getSupervisionReason();

    /**
     * Seconds since the supervision state was entered.
     *
     * @return the time in the current state, s, on the driver's monotonic clock
     */
    double getSupervisionStateAgeSeconds();

    /**
     * The CAN link's transport state (NEW, CONNECTING, CONNECTED, WAITING_TO_RECONNECT, FAILED, CLOSED), or NONE if
     * no state was reported for it (the driver has no CAN link, or has not started).
     *
     * @return the state's name, or NONE
     */
    String getCanLinkState();

    /**
     * While the CAN link is down: why ("connection refused by 127.0.0.1:1"); empty when up or not known.
     *
     * @return the cause, or an empty string
     */
    String getCanLinkCause();

    /**
     * The RS485 link's transport state, or NONE if no state was reported for it.
     *
     * @return the state's name, or NONE
     */
    String getRs485LinkState();

    /**
     * While the RS485 link is down: why ("no such device /dev/ttyUSB9"); empty when up or not known.
     *
     * @return the cause, or an empty string
     */
    String getRs485LinkCause();

    /**
     * Whether the driver was closed (a closed driver's bean is normally unregistered already).
     *
     * @return true once the driver was closed
     */
    boolean isClosed();

    // --- rates, per second over a sliding window

    /**
     * CAN frames received per second (a healthy Pylon bank sends 7–9 a second).
     *
     * @return the rate per second over the sliding window; 0 when nothing arrived in it
     */
    double getCanFramesPerSecond();

    /**
     * RS485 replies decoded and applied per second.
     *
     * @return the rate per second over the sliding window; 0 when nothing arrived in it
     */
    double getRs485RepliesPerSecond();

    /**
     * Bad frames per second over both links: CAN malformed plus RS485 bad frames.
     *
     * @return the rate per second over the sliding window; 0 when nothing arrived in it
     */
    double getBadFramesPerSecond();

    // --- counters (DriverCounters)

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

    // --- field ages in seconds (NaN: never received)

    /**
     * Age of the battery's limits (CAN 0x351, RS485 0x92).
     *
     * @return the age in seconds on the driver's monotonic clock, or NaN if the field never received a value
     */
    double getLimitsAgeSeconds();

    /**
     * Age of the state of charge.
     *
     * @return the age in seconds on the driver's monotonic clock, or NaN if the field never received a value
     */
    double getSocAgeSeconds();

    /**
     * Age of the state of health.
     *
     * @return the age in seconds on the driver's monotonic clock, or NaN if the field never received a value
     */
    double getSohAgeSeconds();

    /**
     * Age of the bank voltage.
     *
     * @return the age in seconds on the driver's monotonic clock, or NaN if the field never received a value
     */
    double getVoltageAgeSeconds();

    /**
     * Age of the bank current.
     *
     * @return the age in seconds on the driver's monotonic clock, or NaN if the field never received a value
     */
    double getCurrentAgeSeconds();

    /**
     * Age of the temperature.
     *
     * @return the age in seconds on the driver's monotonic clock, or NaN if the field never received a value
     */
    double getTemperatureAgeSeconds();

    /**
     * Age of the alarm set.
     *
     * @return the age in seconds on the driver's monotonic clock, or NaN if the field never received a value
     */
    double getAlarmsAgeSeconds();

    /**
     * Age of the request flags.
     *
     * @return the age in seconds on the driver's monotonic clock, or NaN if the field never received a value
     */
    double getRequestFlagsAgeSeconds();

    /**
     * Age of the module count.
     *
     * @return the age in seconds on the driver's monotonic clock, or NaN if the field never received a value
     */
    double getModuleCountAgeSeconds();

    /**
     * Age of the newest per-module details.
     *
     * @return the age in seconds on the driver's monotonic clock, or NaN if the field never received a value
     */
    double getModuleDetailsAgeSeconds();
}
