package io.pylon4j.gateway;

/** What the gateway sends toward the inverter, decided by {@link SafetyGate}. */
public enum GatewayState {
    /** No complete, plausible data from the source yet: nothing is sent. */
    WAITING_FOR_DATA,
    /** The source is fresh and plausible: its values are sent. */
    FORWARDING,
    /** The source stopped being fresh: zero currents, cleared enables and a protection flag are sent. */
    FAIL_SAFE,
    /** The fail-safe time ran out: nothing is sent until the source is fresh again. */
    SILENT
}
