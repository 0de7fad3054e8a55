package io.pylon4j.driver;

/**
 * The link a value came from. A bank read over CAN and RS485 at the same time merges both into one
 * {@link BankStatus}, which records per field which source delivered the newest value and per source when it was
 * last heard from.
 */
public enum Source {
    /** The Pylon LV CAN frame set (0x351, 0x355, 0x356, 0x359, 0x35A, 0x35C, …), pushed by the battery every second. */
    CAN,
    /** The RS485 ASCII-hex protocol (0x42, 0x44, 0x47, 0x92, 0x93, 0x96, …), polled by the driver. */
    RS485
}
