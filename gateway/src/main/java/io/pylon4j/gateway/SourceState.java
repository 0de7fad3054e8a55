package io.pylon4j.gateway;

import io.pylon4j.driver.SupervisionState;

/** Whether a {@link BankSource}'s values may be forwarded to an inverter. */
public enum SourceState {
    /** No complete data yet since the source started. */
    CONNECTING,
    /** The values are young enough to act on. */
    FRESH,
    /** The values are too old (or the link went down): an inverter must not act on them. */
    STALE;

    /**
     * The source state of a driver's supervision state: FRESH and RECOVERED are fresh, STALE and LOST stale.
     *
     * @param s the driver's supervision state
     * @return the gateway's view of it
     */
    public static SourceState of(SupervisionState s) {
        return switch (s) {
            case CONNECTING -> CONNECTING;
            case FRESH, RECOVERED -> FRESH;
            case STALE, LOST -> STALE;
        };
    }
}
