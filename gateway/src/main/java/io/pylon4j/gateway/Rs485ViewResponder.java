package io.pylon4j.gateway;

import io.pylon4j.driver.BankInfo;
import io.pylon4j.driver.Limits;
import io.pylon4j.driver.ModuleDetails;
import io.pylon4j.rs485.AlarmInfoRequest;
import io.pylon4j.rs485.AnalogValues;
import io.pylon4j.rs485.AnalogValuesRequest;
import io.pylon4j.rs485.ChargeDischargeManagement;
import io.pylon4j.rs485.Command;
import io.pylon4j.rs485.InfoFlag;
import io.pylon4j.rs485.ManufacturerInfo;
import io.pylon4j.rs485.ModuleAnalog;
import io.pylon4j.rs485.PackQuantity;
import io.pylon4j.rs485.ProtocolVersion;
import io.pylon4j.rs485.Rejection;
import io.pylon4j.rs485.ReturnCode;
import io.pylon4j.rs485.Rs485Codec;
import io.pylon4j.rs485.Rs485Exception;
import io.pylon4j.rs485.Rs485Frame;
import io.pylon4j.rs485.Rs485Request;
import io.pylon4j.rs485.Rs485Response;
import io.pylon4j.rs485.SerialNumber;
import io.pylon4j.rs485.SoftwareVersion;
import io.pylon4j.rs485.SystemChargeDischargeManagement;
import io.pylon4j.rs485.SystemParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Answers one RS485 request from a {@link BankView}, as the master of a Pylontech stack would (docs/protocol.md §2),
 * with nothing the view does not hold. Pure and thread-safe; the {@link Rs485Gateway} decides whether there is a
 * view to answer from at all (the {@link SafetyGate}).
 *
 * <table>
 *   <caption>what each command is answered from</caption>
 *   <tr><th>command</th><th>answer</th><th>when the view lacks the data</th></tr>
 *   <tr><td>0x4F</td><td>protocol version 0x20</td><td>—</td></tr>
 *   <tr><td>0x51, 0x47</td><td>the bank's info (the source's 0x51/0x47, {@link BankDetails#bankInfo()})</td>
 *       <td>RTN 0x91</td></tr>
 *   <tr><td>0x42</td><td>the addressed module's details, or with command value 0xFF at a group's master (ADR
 *       0x02 + 0x10·m) every module of that group ({@link ModuleStacks})</td>
 *       <td>RTN 0x91 (a module without complete, fresh details)</td></tr>
 *   <tr><td>0x92</td><td>the view's limits (fail-safe zeros included) as each module's share: currents divided by
 *       the modules, as the driver multiplies them back (docs/ARCHITECTURE.md), request flags as status</td>
 *       <td>RTN 0x91 (no module count, no discharge voltage limit)</td></tr>
 *   <tr><td>0x93, 0x96</td><td>the addressed module's serial number, software versions</td><td>RTN 0x91</td></tr>
 *   <tr><td>0x90</td><td>the modules online</td><td>RTN 0x91</td></tr>
 *   <tr><td>0x62</td><td>the view's alarms ({@link SystemAlarmBits}); the fail-safe's protection as "other
 *       failure"</td><td>—</td></tr>
 *   <tr><td>0x63</td><td>the view's limits and the charge, discharge and force-charge bits</td>
 *       <td>RTN 0x91 (no discharge voltage limit)</td></tr>
 *   <tr><td>0x44</td><td>each module's 0x44 block as the source's bank sent it ({@link AlarmInfoReplies}), for
 *       the addressed module or, with 0xFF at a group's master, every module of the group</td><td>RTN 0x91 (a
 *       module without a fresh block; any block while the view is not fresh)</td></tr>
 *   <tr><td>0x60</td><td>the bank's 0x51 name, manufacturer and version, the module count and each module's
 *       serial number ({@link SystemInfoReplies}; one emulator's unverified layout, docs/protocol.md §2.5.12)</td>
 *       <td>RTN 0x91 (a field missing, a module online without fresh details and serial, the view not fresh)</td></tr>
 *   <tr><td>0x61</td><td>voltage, current, SOC, cycles, cell voltage and cell-temperature extremes from the
 *       modules' details; SOH, MOSFET and BMS temperatures from the source's {@link SystemAnalogExtras}
 *       ({@link SystemAnalogReplies}; emulator layout, docs/protocol.md §2.5.12)</td><td>RTN 0x04 when the source
 *       supplies no extras (a driver, CAN or combined source never does); RTN 0x91 with extras but the view not
 *       fresh, a module online without complete fresh details, or a value that does not fit</td></tr>
 *   <tr><td>the controls 0x94, 0x95, 0x91, any unknown CID2</td><td>RTN 0x04 "CID2 invalid": the gateway takes no
 *       control command</td><td>—</td></tr>
 * </table>
 * RTN 0x91 (internal communication error, master ↔ slave) and 0x04 are the protocol's return codes
 * (docs/protocol.md §2.4). Addresses: the master 0x02 and every module the view has details of answer; any other
 * address stays silent, as on a real bus. Limits are rounded toward the safe side (voltage limits to whole mV
 * inward, currents down to 0.1 A).
 */
final class Rs485ViewResponder {

    /** The master's address, where a stack answers the bank-wide commands (docs/protocol.md §2.3). */
    static final int MASTER_ADDRESS = 0x02;
    /** The version byte the gateway answers 0x4F with, as real modules (docs/protocol.md §2.5.1). */
    private static final int PROTOCOL_VERSION = 0x20;
    private static final int KELVIN_OFFSET_DECI = 2731;

    /**
     * {@return the reply to {@code request} from {@code v}, or empty for silence (an address no module of the view
     * has)}
     *
     * @param request a frame received on the bus
     * @param v       the view the gate lets the gateway answer from
     */
    Optional<Rs485Frame> respond(Rs485Frame request, BankView v) {
        int adr = request.address();
        if (adr != MASTER_ADDRESS && !ModuleStacks.knows(v, adr)) {
            return Optional.empty();
        }
        if (request.cid1() != Command.CID1 || !Command.isKnown(request.cid2OrRtn())) {
            return Optional.of(Rs485Frame.of(Rs485Frame.PYLONTECH_VERSION, adr, Command.CID1,
                    ReturnCode.INVALID_COMMAND.code()));
        }
        Rs485Request decoded;
        try {
            decoded = Rs485Codec.decodeRequest(request);
        } catch (Rs485Exception e) {
            return Optional.of(refuse(adr, Command.of(request.cid2OrRtn()), ReturnCode.COMMAND_FORMAT_ERROR));
        }
        Optional<Rs485Response> answer = answer(decoded, v);
        return Optional.of(answer.map(Rs485Response::toFrame)
                .orElseGet(() -> refuse(adr, decoded.command(), refusal(decoded.command(), v))));
    }

    /**
     * Why a command without an answer is refused: never offered (0x61 from a source that supplies no
     * {@link SystemAnalogExtras}: it never will), or the view lacks its data.
     */
    private static ReturnCode refusal(Command c, BankView v) {
        return switch (c) {
            case SYSTEM_ANALOG -> v.details().systemAnalog().isEmpty() ? ReturnCode.INVALID_COMMAND
                    : ReturnCode.INTERNAL_COMMUNICATION_ERROR;
            case SET_CHARGE_DISCHARGE_MANAGEMENT, TURN_OFF, SET_COMMUNICATION_RATE -> ReturnCode.INVALID_COMMAND;
            default -> ReturnCode.INTERNAL_COMMUNICATION_ERROR;
        };
    }

    // A switch over the command table: a command added to the table does not compile here until it is decided.
    private static Optional<Rs485Response> answer(Rs485Request request, BankView v) {
        int adr = request.address();
        Optional<ModuleDetails> module = v.details().module(adr);
        Optional<BankInfo> info = v.details().bankInfo();
        return switch (request.command()) {
            case PROTOCOL_VERSION -> Optional.of(new ProtocolVersion(adr, PROTOCOL_VERSION));
            case MANUFACTURER_INFO -> info.flatMap(i -> manufacturer(adr, i));
            case SYSTEM_PARAMETERS -> info.flatMap(BankInfo::systemParameters).map(p -> parameters(adr, p));
            case ANALOG_VALUES -> analog(adr, ((AnalogValuesRequest) request).commandValue(), v);
            case CHARGE_DISCHARGE_MANAGEMENT -> moduleShare(adr, v);
            case SERIAL_NUMBER -> module.flatMap(SystemInfoReplies::serial).map(s -> new SerialNumber(adr, adr, s));
            case SOFTWARE_VERSION -> module.flatMap(m -> versions(adr, m));
            case PACK_QUANTITY -> v.modules() > 0 ? Optional.of(new PackQuantity(adr, Math.min(255, v.modules())))
                    : Optional.empty();
            case SYSTEM_ALARM -> Optional.of(SystemAlarmBits.of(adr, v.alarms()));
            case SYSTEM_CHARGE_DISCHARGE_MANAGEMENT -> v.limits().flatMap(l -> system(adr, l, v));
            case ALARM_INFO -> AlarmInfoReplies.answer(adr, ((AlarmInfoRequest) request).commandValue(), v);
            case SYSTEM_BASIC_INFO -> SystemInfoReplies.answer(adr, v);
            case SYSTEM_ANALOG -> SystemAnalogReplies.answer(adr, v);
            case SET_CHARGE_DISCHARGE_MANAGEMENT, TURN_OFF, SET_COMMUNICATION_RATE -> Optional.empty();
        };
    }

    private static Optional<Rs485Response> manufacturer(int adr, BankInfo i) {
        if (i.deviceName().isEmpty() || i.manufacturerName().isEmpty() || i.softwareVersion().isEmpty()) {
            return Optional.empty();
        }
        return Versions.bytes(i.softwareVersion().get(), 2).map(sw -> new ManufacturerInfo(adr,
                fit(i.deviceName().get(), ManufacturerInfo.DEVICE_NAME_LENGTH), sw,
                fit(i.manufacturerName().get(), ManufacturerInfo.MANUFACTURER_NAME_LENGTH)));
    }

    private static Optional<Rs485Response> versions(int adr, ModuleDetails m) {
        if (m.manufacturerVersion().isEmpty() || m.mainlineVersion().isEmpty()) {
            return Optional.empty();
        }
        Optional<Integer> manufacturer = Versions.bytes(m.manufacturerVersion().get(), 2);
        Optional<Integer> mainline = Versions.bytes(m.mainlineVersion().get(), 3);
        return manufacturer.isEmpty() || mainline.isEmpty() ? Optional.empty()
                : Optional.of(new SoftwareVersion(adr, adr, manufacturer.get(), mainline.get()));
    }

    private static Rs485Response parameters(int adr, BankInfo.SystemParameters p) {
        return new SystemParameters(adr, InfoFlag.of(0), mv(p.cellHighVoltageLimitVolts()),
                mv(p.cellLowVoltageLimitVolts()), mv(p.cellUnderVoltageLimitVolts()),
                deciKelvin(p.chargeHighTemperatureLimitCelsius()), deciKelvin(p.chargeLowTemperatureLimitCelsius()),
                (int) Math.round(p.chargeCurrentLimitAmps() * 10), mv(p.moduleHighVoltageLimitVolts()),
                mv(p.moduleLowVoltageLimitVolts()), mv(p.moduleUnderVoltageLimitVolts()),
                deciKelvin(p.dischargeHighTemperatureLimitCelsius()),
                deciKelvin(p.dischargeLowTemperatureLimitCelsius()),
                -(int) Math.round(p.dischargeCurrentLimitAmps() * 10));
    }

    private static Optional<Rs485Response> analog(int adr, int commandValue, BankView v) {
        List<Integer> modules = ModuleStacks.addresses(adr, commandValue, v);
        if (modules.isEmpty()) {
            return Optional.empty();
        }
        List<ModuleAnalog> blocks = new ArrayList<>(modules.size());
        for (int a : modules) {
            Optional<ModuleAnalog> block = v.details().module(a).flatMap(Rs485ViewResponder::analog);
            if (block.isEmpty()) {
                return Optional.empty(); // one incomplete module: the whole reply would be partly invented
            }
            blocks.add(block.get());
        }
        return Optional.of(new AnalogValues(adr, InfoFlag.of(0), commandValue, blocks));
    }

    /** The module's 0x42 block, only when every field of it is known. */
    private static Optional<ModuleAnalog> analog(ModuleDetails m) {
        if (m.cellVoltagesVolts().isEmpty() || m.temperaturesCelsius().isEmpty() || m.currentAmps().isEmpty()
                || m.voltageVolts().isEmpty() || m.remainingCapacityAh().isEmpty() || m.totalCapacityAh().isEmpty()
                || m.cycles().isEmpty()) {
            return Optional.empty();
        }
        int[] cells = m.cellVoltagesVolts().stream().mapToInt(Rs485ViewResponder::mv).toArray();
        int[] temps = m.temperaturesCelsius().stream().mapToInt(Rs485ViewResponder::deciKelvin).toArray();
        int current = s16(Math.round(m.currentAmps().getAsDouble() * 10));
        int voltage = u16(mv(m.voltageVolts().getAsDouble()));
        int remaining = (int) Math.round(m.remainingCapacityAh().getAsDouble() * 1000);
        int total = (int) Math.round(m.totalCapacityAh().getAsDouble() * 1000);
        int cycles = u16(m.cycles().getAsInt());
        return Optional.of(total <= 65_000
                ? ModuleAnalog.withCount2(cells, temps, current, voltage, remaining, total, cycles)
                : ModuleAnalog.withCount4(cells, temps, current, voltage, remaining, total, cycles));
    }

    /** 0x92: one module's share of the view's limits, the fail-safe zeros included. */
    private static Optional<Rs485Response> moduleShare(int adr, BankView v) {
        if (v.limits().isEmpty() || v.modules() == 0 || v.limits().get().dischargeVoltageLimitVolts().isEmpty()) {
            return Optional.empty();
        }
        Limits l = v.limits().get();
        return Optional.of(new ChargeDischargeManagement(adr, adr, cvlMillivolts(l),
                dvlMillivolts(l.dischargeVoltageLimitVolts()), s16(deciAmpsDown(l.chargeCurrentLimitAmps(), v.modules())),
                s16(-deciAmpsDown(l.dischargeCurrentLimitAmps(), v.modules())), v.requests().toBits()));
    }

    private static Optional<Rs485Response> system(int adr, Limits l, BankView v) {
        if (l.dischargeVoltageLimitVolts().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SystemChargeDischargeManagement(adr, cvlMillivolts(l),
                dvlMillivolts(l.dischargeVoltageLimitVolts()), u16((int) deciAmpsDown(l.chargeCurrentLimitAmps(), 1)),
                u16((int) deciAmpsDown(l.dischargeCurrentLimitAmps(), 1)), v.requests().toBits() & 0xE0));
    }

    private static Rs485Frame refuse(int adr, Command c, ReturnCode rtn) {
        return new Rejection(adr, c, rtn, new byte[0]).toFrame();
    }

    private static int cvlMillivolts(Limits l) {
        return u16((int) Math.floor(l.chargeVoltageLimitVolts() * 1000 + 1e-6));
    }

    private static int dvlMillivolts(OptionalDouble dvl) {
        return u16((int) Math.ceil(dvl.getAsDouble() * 1000 - 1e-6));
    }

    private static long deciAmpsDown(double amps, int shares) {
        return (long) Math.floor(Math.max(0, amps) * 10 / shares + 1e-9);
    }

    private static int mv(double volts) {
        return (int) Math.round(volts * 1000);
    }

    private static int deciKelvin(double celsius) {
        return (int) Math.round(celsius * 10) + KELVIN_OFFSET_DECI;
    }

    static String fit(String text, int length) {
        String t = text.replace("\0", "");
        return t.length() > length ? t.substring(0, length) : t;
    }

    private static int s16(long v) {
        return (int) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
    }

    private static int u16(int v) {
        return Math.max(0, Math.min(0xFFFF, v));
    }
}
