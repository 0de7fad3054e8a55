package io.pylon4j.gateway;

/**
 * Which frames one cycle toward the inverter holds (docs/protocol.md §1.2, §1.7, §1.8), as {@link CanFrameSetEncoder}
 * builds them.
 */
public enum FrameSet {
    /** Pylontech V1.2: 0x351, 0x355, 0x356, 0x359, 0x35C, 0x35E. */
    PYLON_V12,
    /**
     * The V1.2 set plus 0x379, the installed capacity in Ah, which LuxPower SNA inverters read (docs/protocol.md §1.8,
     * [ARMIN]).
     */
    PYLON_V12_CAPACITY,
    /** V1.3 firmware: 0x351, 0x355 (with high-resolution SOC), 0x356, 0x359, 0x35A all zero, 0x35E, 0x35F. */
    PYLON_V13,
    /**
     * Victron: the V1.2 set plus 0x35A in SMA polarity, 0x35F, 0x372 (modules online, blocking), 0x379 (installed
     * capacity) and 0x382 (product name); 0x373–0x377 and 0x380/0x381 when the view has cells and a serial number.
     */
    VICTRON,
    /**
     * Sol-Ark: the V1.2 set plus 0x379, every frame eight bytes long (a Sol-Ark reads nothing else, docs/gateway.md
     * gives the source); a frame with a field the view lacks is left out rather than padded with a made-up zero.
     */
    SOL_ARK,
    /**
     * SMA Sunny Island (docs/protocol.md §1.10): 0x351, 0x355 (with high-resolution SOC), 0x356, 0x35A in SMA
     * polarity, 0x35E, 0x35F. Not 0x35B: the events frame's content is not documented in docs/protocol.md.
     */
    SMA
}
