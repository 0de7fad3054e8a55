package io.pylon4j.gateway;

import io.pylon4j.driver.BankInfo;
import io.pylon4j.driver.ModuleDetails;
import io.pylon4j.rs485.ManufacturerInfo;
import io.pylon4j.rs485.Rs485Response;
import io.pylon4j.rs485.SerialNumber;
import io.pylon4j.rs485.SystemBasicInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The RS485 responder's 0x60 (system basic info, the emulator layout of docs/protocol.md §2.5.12, unverified): the
 * bank's name, manufacturer and software version as its 0x51 said ({@link BankDetails#bankInfo()}), the module
 * count, and each module's serial number as its 0x93 said, in address order (group by group, as an LV-Hub counts).
 * Empty, so refused, unless every field is known and fresh: the view is fresh, the 0x51 fields are all there, and
 * every module the view counts online has fresh details with a serial number (a module missing from the list would
 * make the count a lie, and a serial made up from nothing is no identity). Pure.
 */
final class SystemInfoReplies {

    private SystemInfoReplies() {
    }

    /**
     * {@return the 0x60 reply at {@code address}, or empty to refuse}
     *
     * @param address the request's ADR
     * @param v       the view the gate lets the gateway answer from
     */
    static Optional<Rs485Response> answer(int address, BankView v) {
        Optional<BankInfo> info = v.details().bankInfo();
        if (v.state() != SourceState.FRESH || info.isEmpty() || info.get().deviceName().isEmpty()
                || info.get().manufacturerName().isEmpty() || info.get().softwareVersion().isEmpty()) {
            return Optional.empty();
        }
        int modules = v.modules();
        if (modules == 0 || modules > SystemBasicInfo.MAX_MODULES || v.details().modules().size() != modules) {
            return Optional.empty();
        }
        List<String> serials = new ArrayList<>(modules);
        for (ModuleDetails m : v.details().modules().values()) {
            Optional<String> serial = serial(m);
            if (serial.isEmpty()) {
                return Optional.empty();
            }
            serials.add(serial.get());
        }
        BankInfo i = info.get();
        return Versions.bytes(i.softwareVersion().get(), 2).map(version -> new SystemBasicInfo(address,
                Rs485ViewResponder.fit(i.deviceName().get(), ManufacturerInfo.DEVICE_NAME_LENGTH),
                Rs485ViewResponder.fit(i.manufacturerName().get(), ManufacturerInfo.MANUFACTURER_NAME_LENGTH),
                version, serials));
    }

    /** The module's serial number as its 0x93 field holds it, if it has a usable one. */
    static Optional<String> serial(ModuleDetails m) {
        return m.serialNumber().map(s -> s.replace("\0", "").strip())
                .filter(s -> !s.isEmpty() && s.length() <= SerialNumber.LENGTH
                        && s.chars().allMatch(c -> c <= 0xFF));
    }
}
