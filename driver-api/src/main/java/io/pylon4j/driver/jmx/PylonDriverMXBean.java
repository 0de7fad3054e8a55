package io.pylon4j.driver.jmx;

/**
 * The JMX view of one {@link io.pylon4j.driver.PylonDriver}: its counters, frame rates, supervision state and
 * field ages, read-only, registered by {@link DriverJmx#register} as {@code io.pylon4j:type=Driver,bank="<id>"}.
 *
 * <p>Counters are the {@link io.pylon4j.driver.DriverCounters} of the same name (they only grow); rates are per
 * second over a sliding window ({@link io.pylon4j.driver.SlidingRate}); ages are in seconds since the field last
 * received a value, on the driver's monotonic time, and <b>NaN when the field never received one</b> (NaN rather
 * than -1 so that a graph shows a gap, not a plausible-looking number). {@code docs/metrics.md} lists what to alert on.
 *
 * <p>The attributes are grouped by topic: this interface declares the bank's id, its supervision and link states
 * and the rates; the counters are inherited from {@link DriverCounterAttributes} and the field ages from
 * {@link DriverAgeAttributes} (an MXBean's attributes include those of its super-interfaces).
 */
public interface PylonDriverMXBean extends DriverCounterAttributes, DriverAgeAttributes {

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

    /**
     * The RS485 groups of a bank behind an LV-Hub that are silent now
     * ({@link io.pylon4j.driver.BankStatus#silentGroups()}): a gauge, the one
     * {@link io.pylon4j.driver.DriverCounters} component that falls (when a group answers again).
     *
     * @return the number of silent groups; 0 on a bank of one group or a CAN bank
     */
    long getRs485SilentGroups();

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
}
