package io.pylon4j.driver.scan;

import io.pylon4j.rs485.ManufacturerInfoRequest;
import io.pylon4j.rs485.ProtocolVersionRequest;
import io.pylon4j.rs485.Rs485Request;
import io.pylon4j.rs485.SerialNumberRequest;

/**
 * The only requests an address scan may send: read commands that change nothing in a battery. The set is closed (an
 * enum), and {@link Rs485AddressScanner} writes nothing but {@link #request(int)} of one of these, so a scan can never
 * send 0x94 (set charge/discharge management), 0x95 (turn off) or any other write (issue #7: "address scans are
 * read-only").
 */
public enum ScanProbe {

    /** 0x4F get protocol version: the shortest exchange, the reply's VER is the answer (docs/protocol.md §2.5.1). */
    PROTOCOL_VERSION,
    /**
     * 0x51 get manufacturer info: device name, software version, manufacturer (docs/protocol.md §2.5.2). Every address of a
     * stack answers it with the first module's data (docs/protocol.md §2.3), so it says who is there, not which model each is.
     */
    MANUFACTURER_INFO,
    /** 0x93 get module serial number: the addressed module's own 16-character serial (docs/protocol.md §2.5.7). */
    SERIAL_NUMBER;

    /**
     * The read request of this probe to {@code address}.
     *
     * @param address the battery address to ask (ADR)
     * @return the read-only request
     */
    public Rs485Request request(int address) {
        return switch (this) {
            case PROTOCOL_VERSION -> new ProtocolVersionRequest(address);
            case MANUFACTURER_INFO -> new ManufacturerInfoRequest(address);
            case SERIAL_NUMBER -> SerialNumberRequest.of(address);
        };
    }
}
