package io.pylon4j.driver;


/**
 * How current the bank's data is, as judged by the driver's supervision from the age of the newest limits and the
 * state of the links. Every transition is published as a {@link BankEvent.SupervisionStateChanged}.
 *
 * <p>{@link #RECOVERED} is <b>transient</b>: it is entered when limits arrive again after {@link #STALE} or
 * {@link #LOST}, so that a recovery is visible as its own event (with how long the data was missing), and it becomes
 * {@link #FRESH} on the next supervision tick ({@link SupervisionTicker}) or the next limits, whichever comes first. While
 * RECOVERED the data is fresh: the published limits are the battery's.
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
