package io.pylon4j.driver;

/** When the {@link LimitPolicy} forces the published current limits to 0. */
public enum FailSafePolicy {
    /**
     * Currents 0 as soon as the bank is {@link SupervisionState#STALE} (and when LOST). The default: control
     * software never sees old limits presented as current ones.
     */
    ZERO_CURRENTS_WHEN_STALE,
    /**
     * Currents 0 only when the bank is {@link SupervisionState#LOST}; while STALE the battery's last values are
     * published marked {@link LimitSource#BATTERY_LAST_KNOWN}. For inverters that tolerate long gaps themselves.
     */
    ZERO_CURRENTS_WHEN_LOST
}
