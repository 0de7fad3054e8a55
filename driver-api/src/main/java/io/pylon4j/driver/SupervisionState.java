package io.pylon4j.driver;

/**
 * How current the bank's data is, as judged by the driver's supervision from the age of the newest limits and the
 * state of the links. Every transition is published as a {@link BankEvent.SupervisionStateChanged}.
 *
 * <p>{@link #RECOVERED} is <b>transient</b>: it is entered when limits arrive again after {@link #STALE} or
 * {@link #LOST}, so that a recovery is visible as its own event (with how long the data was missing), and it becomes
 * {@link #FRESH} on the next supervision tick ({@link SupervisionTicker}) or the next limits, whichever comes
 * first. While RECOVERED the data is fresh: the published limits are the battery's.
 *
 * <p>Each state's next state, by input ("age" is the time since the newest limits, on the monotonic clock; a
 * timeout is reached when the age is equal to or greater than it; the timeouts are the
 * {@link InverterProfile}'s):
 * <table>
 * <caption>transitions (— = no change)</caption>
 * <tr><th>state</th><th>limits received</th><th>tick: age ≥ stale</th><th>tick: age ≥ lost</th>
 *     <th>tick: otherwise</th><th>link down (NEW, CONNECTING, WAITING_TO_RECONNECT)</th>
 *     <th>link gave up (FAILED, CLOSED)</th><th>link CONNECTED</th></tr>
 * <tr><td>CONNECTING</td><td>FRESH</td><td>—</td><td>LOST (time since start ≥ lost)</td><td>—</td><td>—</td>
 *     <td>LOST</td><td>—</td></tr>
 * <tr><td>FRESH</td><td>—</td><td>STALE</td><td>LOST</td><td>—</td><td>STALE</td><td>LOST</td><td>—</td></tr>
 * <tr><td>RECOVERED</td><td>FRESH</td><td>STALE</td><td>LOST</td><td>FRESH</td><td>STALE</td><td>LOST</td>
 *     <td>—</td></tr>
 * <tr><td>STALE</td><td>RECOVERED</td><td>—</td><td>LOST</td><td>—</td><td>—</td><td>LOST</td><td>—</td></tr>
 * <tr><td>LOST</td><td>RECOVERED</td><td>—</td><td>—</td><td>—</td><td>—</td><td>—</td><td>—</td></tr>
 * </table>
 * A tick that finds both timeouts reached goes straight to LOST (one transition, one event). STALE never returns to
 * FRESH by a tick or a reconnect alone: only new limits end it, so old limits are never presented as current.
 */
public enum SupervisionState {
    /** No limits received yet since the supervisor started. Published currents are 0. */
    CONNECTING,
    /** The newest limits are younger than the stale timeout and a link is up. */
    FRESH,
    /** The newest limits are older than the stale timeout, or every link went down. Published currents are 0. */
    STALE,
    /** The newest limits are older than the lost timeout, or the links gave up. Published currents are 0. */
    LOST,
    /** Limits arrived again after STALE or LOST; becomes FRESH on the next tick or limits. */
    RECOVERED;

    /**
     * Whether the battery's limits may be published as current ones in this state.
     *
     * @return true for FRESH and RECOVERED
     */
    public boolean isFresh() {
        return switch (this) {
            case FRESH, RECOVERED -> true;
            case CONNECTING, STALE, LOST -> false;
        };
    }
}
