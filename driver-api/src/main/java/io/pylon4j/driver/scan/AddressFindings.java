package io.pylon4j.driver.scan;

import io.pylon4j.rs485.ManufacturerInfo;
import io.pylon4j.rs485.ProtocolVersion;
import io.pylon4j.rs485.Rejection;
import io.pylon4j.rs485.Rs485Response;
import io.pylon4j.rs485.SerialNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one address said during a scan, probe by probe, and the {@link AddressResult} it adds up to: answered (any
 * identity reply), else rejected (every probe refused), else garbled (bytes that were not a reply), else timed out.
 * One per address; confined to the scanner's lock.
 */
final class AddressFindings {

    private ProtocolVersion protocolVersion;
    private ManufacturerInfo manufacturerInfo;
    private SerialNumber serialNumber;
    private final List<Rejection> rejections = new ArrayList<>();
    private ScanProbe firstRejected;
    private String garbled;

    /**
     * Notes a reply to {@code probe}.
     *
     * @return true if it was a rejection ("the battery said no"), false for an answer
     */
    boolean reply(Rs485Response response, ScanProbe probe) {
        if (response instanceof Rejection r) {
            if (rejections.isEmpty()) {
                firstRejected = probe;
            }
            rejections.add(r);
            return true;
        }
        if (response instanceof ProtocolVersion v) {
            protocolVersion = v;
        } else if (response instanceof ManufacturerInfo m) {
            manufacturerInfo = m;
        } else if (response instanceof SerialNumber s) {
            serialNumber = s;
        }
        return false;
    }

    /** Notes bytes at this address that were not a reply; the first reason is kept. */
    void noteGarbled(String reason) {
        if (garbled == null) {
            garbled = reason;
        }
    }

    /** Whether bytes that were not a reply were seen at this address. */
    boolean garbled() {
        return garbled != null;
    }

    /** What the address adds up to. */
    AddressResult result(int address) {
        if (protocolVersion != null || manufacturerInfo != null || serialNumber != null) {
            return new AddressResult.Answered(address, Optional.ofNullable(protocolVersion),
                    Optional.ofNullable(manufacturerInfo), Optional.ofNullable(serialNumber), rejections);
        } else if (!rejections.isEmpty()) {
            return new AddressResult.Rejected(address, firstRejected, rejections.get(0).returnCode());
        } else if (garbled != null) {
            return new AddressResult.Garbled(address, garbled);
        }
        return new AddressResult.TimedOut(address);
    }
}
