package io.pylon4j.gateway;

/** Whether the inverter's keep-alive arrives, as {@link KeepAliveWatch} sees it. */
public enum KeepAliveState {
    /** The profile supervises no keep-alive (the inverter sends none). */
    NOT_SUPERVISED,
    /** None has arrived yet, and the timeout since the gateway started has not passed. */
    WAITING,
    /** The newest keep-alive is younger than the timeout. */
    ALIVE,
    /** None arrived within the timeout: the inverter is gone, or does not read the bus. */
    LOST
}
