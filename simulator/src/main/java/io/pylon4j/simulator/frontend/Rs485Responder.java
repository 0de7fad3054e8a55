package io.pylon4j.simulator.frontend;

import io.pylon4j.rs485.Acknowledgement;
import io.pylon4j.rs485.AlarmInfo;
import io.pylon4j.rs485.AlarmInfoRequest;
import io.pylon4j.rs485.AnalogValues;
import io.pylon4j.rs485.AnalogValuesRequest;
import io.pylon4j.rs485.ChargeDischargeManagement;
import io.pylon4j.rs485.ChargeDischargeManagementRequest;
import io.pylon4j.rs485.Command;
import io.pylon4j.rs485.InfoFlag;
import io.pylon4j.rs485.ManufacturerInfo;
import io.pylon4j.rs485.ModuleAlarm;
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
import io.pylon4j.rs485.SerialNumberRequest;
import io.pylon4j.rs485.SoftwareVersion;
import io.pylon4j.rs485.SoftwareVersionRequest;
import io.pylon4j.rs485.SystemAlarm;
import io.pylon4j.rs485.SystemBasicInfo;
import io.pylon4j.rs485.SystemAlarmFlag;
import io.pylon4j.rs485.SystemAnalog;
import io.pylon4j.rs485.SystemChargeDischargeManagement;
import io.pylon4j.simulator.Alarm;
import io.pylon4j.simulator.BankSnapshot;
import io.pylon4j.simulator.LimitState;
import io.pylon4j.simulator.LimitStates;
import io.pylon4j.simulator.ModuleId;
import io.pylon4j.simulator.ModulePreset;
import io.pylon4j.simulator.ModuleSnapshot;
import io.pylon4j.simulator.Protection;
import io.pylon4j.simulator.SystemParameters;
import java.util.List;
import java.util.Optional;

/**
 * Answers one RS485 request frame the way the addressed module of a real stack would, from a {@link BankSnapshot}
 * (docs/protocol.md §2). Pure: no I/O, no clock, no wire faults (the {@link Rs485BatterySimulator} applies those).
 *
 * <h2>Addresses</h2>
 * A module at position {@code p} (zero-based) of group {@code g} answers at ADR {@code 0x10·m + 2 + p}, where
 * {@code m = 0} in a one-group bank and {@code m = g + 1} with several groups (docs/protocol.md §2.3). Positions 0 to 13 have an
 * address; <b>positions 14 and 15 of a 16-module group have none on RS485</b> (their ADR would be the next group's
 * 0x10/0x11 nibble) and never answer: the rule this simulator chose. Offline modules do not answer.
 *
 * <h2>Commands</h2>
 * <ul>
 *   <li>0x4F, 0x51, 0x47, 0x92, 0x93, 0x96: the addressed module's own values;</li>
 *   <li>0x42, 0x44 with command value 0xFF at a group master: every online module of the group (count = modules
 *       online); otherwise the addressed module only;</li>
 *   <li>0x90, 0x61, 0x62, 0x63 at any online module's address: the whole bank (0x61 and 0x62 in the emulators'
 *       layouts, 0x62 with the bits of {@link SystemAlarmFlag});</li>
 *   <li>0x94, 0x95, 0x91: acknowledged and recorded by the caller (they change nothing in the model);</li>
 *   <li>CID1 0x46 with an unknown CID2, or a request whose INFO the codec rejects: RTN 0x04 (CID2 invalid);</li>
 *   <li>any address no online module has: silence.</li>
 * </ul>
 * Conversions: temperatures + 2731 (0.1 K); DCL negated in 0x47 and 0x92; 0x42 capacities in the 2-byte fields up to
 * 65 Ah and in the 3-byte fields (count 4) above; 0x44 state bytes from {@link ModuleSnapshot#limitStates()} (which
 * carry forced flags too), Status1–3 from protections, MOSFET flags and currents.
 *
 * <p>Immutable and thread-safe.
 */
public final class Rs485Responder {

    /** The device name 0x51 reports when the preset's model name is used (padded by the codec). */
    public static final String MANUFACTURER = "PYLON";
    /** The 0x96 manufacturer version, "2.3" as on a US2000B-Plus. */
    public static final int MANUFACTURER_VERSION = 0x0203;
    /** The 0x96 main-line version, "0.6.5" as on a US2000B-Plus. */
    public static final int MAINLINE_VERSION = 0x000605;

    /** Creates a responder. */
    public Rs485Responder() {
    }

    /**
     * {@return the RS485 address of a module in a bank of {@code groups} groups, or empty if it has none
     * (position 14, 15)}
     *
     * @param id     the module
     * @param groups the number of groups in the bank: one group answers at 0x02 to 0x0F, several at 0x12 and up
     */
    public static Optional<Integer> addressOf(ModuleId id, int groups) {
        if (id.index() > 13) {
            return Optional.empty();
        }
        int m = groups <= 1 ? 0 : id.group() + 1;
        return Optional.of(0x10 * m + 2 + id.index());
    }

    /**
     * {@return the response to {@code request}, or empty for silence (no online module at that address, or not a
     * request)}
     *
     * @param request a frame received on the bus
     * @param s       the bank state the reply reports
     */
    public Optional<Rs485Frame> respond(Rs485Frame request, BankSnapshot s) {
        int groups = s.modules().stream().mapToInt(m -> m.id().group()).max().orElse(0) + 1;
        ModuleSnapshot module = null;
        for (ModuleSnapshot m : s.modules()) {
            if (m.online() && addressOf(m.id(), groups).orElse(-1) == request.address()) {
                module = m;
                break;
            }
        }
        if (module == null) {
            return Optional.empty();
        }
        int adr = request.address();
        if (request.cid1() != Command.CID1 || !Command.isKnown(request.cid2OrRtn())) {
            return Optional.of(Rs485Frame.of(Rs485Frame.PYLONTECH_VERSION, adr, Command.CID1,
                    ReturnCode.INVALID_COMMAND.code()));
        }
        Rs485Request decoded;
        try {
            decoded = Rs485Codec.decodeRequest(request);
        } catch (Rs485Exception e) {
            return Optional.of(new Rejection(adr, Command.of(request.cid2OrRtn()), ReturnCode.COMMAND_FORMAT_ERROR,
                    new byte[0]).toFrame());
        }
        return Optional.of(answer(decoded, module, s).toFrame());
    }

    // A switch over the command table (Command), which the compiler checks for exhaustiveness: a command added to
    // the table does not compile here until the simulated battery answers it.
    private Rs485Response answer(Rs485Request request, ModuleSnapshot m, BankSnapshot s) {
        int adr = request.address();
        ModulePreset preset = s.preset();
        return switch (request.command()) {
            case PROTOCOL_VERSION -> new ProtocolVersion(adr, Rs485Frame.PYLONTECH_VERSION);
            case MANUFACTURER_INFO -> new ManufacturerInfo(adr, fit(preset.model(), 10), 0x0100, fit("PYLON", 20));
            case ANALOG_VALUES -> {
                int commandValue = ((AnalogValuesRequest) request).commandValue();
                yield new AnalogValues(adr, InfoFlag.of(0), commandValue,
                        wholeStack(commandValue, m, s).stream().map(Rs485Responder::analog).toList());
            }
            case ALARM_INFO -> {
                int commandValue = ((AlarmInfoRequest) request).commandValue();
                yield new AlarmInfo(adr, InfoFlag.of(0), commandValue,
                        wholeStack(commandValue, m, s).stream().map(Rs485Responder::alarm).toList());
            }
            case SYSTEM_PARAMETERS -> systemParameters(adr, preset.systemParameters());
            case CHARGE_DISCHARGE_MANAGEMENT -> new ChargeDischargeManagement(adr,
                    ((ChargeDischargeManagementRequest) request).commandValue(),
                    m.limits().chargeVoltageMillivolts(), m.limits().dischargeVoltageMillivolts(),
                    s16(m.limits().chargeCurrentDeciAmps()), s16(-m.limits().dischargeCurrentDeciAmps()),
                    m.requests().toByte());
            case SERIAL_NUMBER -> new SerialNumber(adr, ((SerialNumberRequest) request).commandValue(), serial(m));
            case SOFTWARE_VERSION -> new SoftwareVersion(adr, ((SoftwareVersionRequest) request).commandValue(),
                    MANUFACTURER_VERSION, MAINLINE_VERSION);
            case SET_CHARGE_DISCHARGE_MANAGEMENT, TURN_OFF, SET_COMMUNICATION_RATE ->
                    new Acknowledgement(adr, request.command());
            case PACK_QUANTITY -> new PackQuantity(adr, Math.min(255, s.modulesOnline()));
            case SYSTEM_BASIC_INFO -> new SystemBasicInfo(adr, fit(preset.model(), 10), fit("PYLON", 20), 0x0100,
                    s.modules().stream().filter(ModuleSnapshot::online).map(Rs485Responder::serial)
                            .limit(SystemBasicInfo.MAX_MODULES).toList());
            case SYSTEM_ANALOG -> systemAnalog(adr, s);
            case SYSTEM_ALARM -> systemAlarm(adr, s);
            case SYSTEM_CHARGE_DISCHARGE_MANAGEMENT -> new SystemChargeDischargeManagement(adr,
                    s.limits().chargeVoltageMillivolts(), s.limits().dischargeVoltageMillivolts(),
                    u16(s.limits().chargeCurrentDeciAmps()), u16(s.limits().dischargeCurrentDeciAmps()),
                    s.requests().toByte() & 0xE0);
        };
    }

    private static io.pylon4j.rs485.SystemParameters systemParameters(int adr, SystemParameters p) {
        return new io.pylon4j.rs485.SystemParameters(adr, InfoFlag.of(0), p.cellHighVoltageMillivolts(),
                p.cellLowVoltageMillivolts(), p.cellUnderVoltageMillivolts(),
                p.chargeHighTemperatureDeciCelsius() + 2731, p.chargeLowTemperatureDeciCelsius() + 2731,
                p.chargeCurrentLimitDeciAmps(), p.moduleHighVoltageMillivolts(),
                p.moduleLowVoltageMillivolts(), p.moduleUnderVoltageMillivolts(),
                p.dischargeHighTemperatureDeciCelsius() + 2731, p.dischargeLowTemperatureDeciCelsius() + 2731,
                -p.dischargeCurrentLimitDeciAmps());
    }

    private static List<ModuleSnapshot> wholeStack(int commandValue, ModuleSnapshot addressed, BankSnapshot s) {
        if (commandValue == 0xFF && addressed.id().isGroupMaster()) {
            return s.group(addressed.id().group()).stream().filter(ModuleSnapshot::online).toList();
        }
        return List.of(addressed);
    }

    /** The module's 0x42 block. */
    static ModuleAnalog analog(ModuleSnapshot m) {
        int[] cells = m.cellVoltagesMillivolts().stream().mapToInt(Integer::intValue).toArray();
        int[] temps = m.temperaturesDeciCelsius().stream().mapToInt(t -> t + 2731).toArray();
        int current = s16(m.currentDeciAmps());
        if (m.totalCapacityMilliampHours() <= 65_000) {
            return ModuleAnalog.withCount2(cells, temps, current, u16(m.voltageMillivolts()),
                    m.remainingCapacityMilliampHours(), m.totalCapacityMilliampHours(), u16(m.cycles()));
        }
        return ModuleAnalog.withCount4(cells, temps, current, u16(m.voltageMillivolts()),
                m.remainingCapacityMilliampHours(), m.totalCapacityMilliampHours(), u16(m.cycles()));
    }

    /** The module's 0x44 block. */
    static ModuleAlarm alarm(ModuleSnapshot m) {
        LimitStates ls = m.limitStates();
        int[] cells = ls.cellVoltages().stream().mapToInt(LimitState::code).toArray();
        int[] temps = ls.temperatures().stream().mapToInt(LimitState::code).toArray();
        int status1 = 0;
        for (Protection p : m.protections()) {
            status1 |= switch (p) {
                case CELL_OR_MODULE_OVER_VOLTAGE -> 0x01;
                case CELL_OR_MODULE_UNDER_VOLTAGE -> 0x02 | 0x80;
                case CHARGE_OVER_CURRENT -> 0x04;
                case DISCHARGE_OVER_CURRENT -> 0x10;
                case CELL_OVER_TEMPERATURE -> 0x20 | 0x40;
                case CELL_UNDER_TEMPERATURE, SYSTEM_ERROR -> 0;
            };
        }
        int status2 = 0x08 | (m.dischargeMosfetOn() ? 0x04 : 0) | (m.chargeMosfetOn() ? 0x02 : 0);
        int status3 = (m.effectiveChargeCurrent() ? 0x80 : 0) | (m.effectiveDischargeCurrent() ? 0x40 : 0)
                | (m.fullyCharged() ? 0x08 : 0);
        return new ModuleAlarm(cells, temps, ls.chargeCurrent().code(), ls.moduleVoltage().code(),
                ls.dischargeCurrent().code(), status1, status2, status3, 0, 0);
    }

    private static SystemAnalog systemAnalog(int adr, BankSnapshot s) {
        List<ModuleSnapshot> online = s.modules().stream().filter(ModuleSnapshot::online).toList();
        int maxCycles = online.stream().mapToInt(ModuleSnapshot::cycles).max().orElse(0);
        int avgCycles = (int) online.stream().mapToInt(ModuleSnapshot::cycles).average().orElse(0);
        int minSoh = online.stream().mapToInt(ModuleSnapshot::stateOfHealthPercent).min().orElse(0);
        SystemAnalog.Extreme maxV = new SystemAnalog.Extreme(0, 0, 0);
        SystemAnalog.Extreme minV = new SystemAnalog.Extreme(0xFFFF, 0, 0);
        SystemAnalog.Extreme maxT = new SystemAnalog.Extreme(0, 0, 0);
        SystemAnalog.Extreme minT = new SystemAnalog.Extreme(0xFFFF, 0, 0);
        SystemAnalog.Extreme maxB = new SystemAnalog.Extreme(0, 0, 0);
        SystemAnalog.Extreme minB = new SystemAnalog.Extreme(0xFFFF, 0, 0);
        long bmsSum = 0;
        for (int i = 0; i < online.size(); i++) {
            ModuleSnapshot m = online.get(i);
            int module = Math.min(255, i + 1);
            List<Integer> cells = m.cellVoltagesMillivolts();
            for (int c = 0; c < cells.size(); c++) {
                int v = u16(cells.get(c));
                if (v > maxV.value()) {
                    maxV = new SystemAnalog.Extreme(v, module, c + 1);
                }
                if (v < minV.value()) {
                    minV = new SystemAnalog.Extreme(v, module, c + 1);
                }
            }
            List<Integer> temps = m.cellTemperaturesDeciCelsius();
            for (int t = 0; t < temps.size(); t++) {
                int k = u16(temps.get(t) + 2731);
                if (k > maxT.value()) {
                    maxT = new SystemAnalog.Extreme(k, module, t + 1);
                }
                if (k < minT.value()) {
                    minT = new SystemAnalog.Extreme(k, module, t + 1);
                }
            }
            int b = u16(m.bmsTemperatureDeciCelsius() + 2731);
            bmsSum += b;
            if (b > maxB.value()) {
                maxB = new SystemAnalog.Extreme(b, module, 1);
            }
            if (b < minB.value()) {
                minB = new SystemAnalog.Extreme(b, module, 1);
            }
        }
        if (online.isEmpty()) {
            minV = maxV;
            minT = maxT;
            minB = maxB;
        }
        int avgT = u16(s.averageTemperatureDeciCelsius() + 2731);
        int avgB = online.isEmpty() ? 0 : (int) (bmsSum / online.size());
        int current = Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, s.currentDeciAmps() * 10));
        // No MOSFET sensor is modelled: the MOSFET fields repeat the BMS board's.
        return new SystemAnalog(adr, u16(s.voltageMillivolts()), current, s.stateOfChargePercent(), u16(avgCycles),
                u16(maxCycles), s.stateOfHealthPercent(), minSoh, maxV, minV, avgT, maxT, minT, avgB, maxB, minB, avgB,
                maxB, minB);
    }

    private static SystemAlarm systemAlarm(int adr, BankSnapshot s) {
        // The bits of the emulators' 0x62 layout as the codec names them (SystemAlarmFlag, docs/protocol.md §2.5.12), not the
        // CAN 0x359 positions: those differ for every flag but over-temperature. "Cell or module" voltage flags set
        // both the cell and the pack bit, as 0x44 sets both the cell and the module state.
        int warnings = 0;
        for (Alarm a : s.alarms()) {
            warnings |= bits(switch (a) {
                case CELL_OR_MODULE_HIGH_VOLTAGE -> List.of(SystemAlarmFlag.CELL_OVER_VOLTAGE,
                        SystemAlarmFlag.PACK_OVER_VOLTAGE);
                case CELL_OR_MODULE_LOW_VOLTAGE -> List.of(SystemAlarmFlag.CELL_UNDER_VOLTAGE,
                        SystemAlarmFlag.PACK_UNDER_VOLTAGE);
                case CELL_HIGH_TEMPERATURE -> List.of(SystemAlarmFlag.CELL_OVER_TEMPERATURE);
                case CELL_LOW_TEMPERATURE -> List.of(SystemAlarmFlag.CELL_UNDER_TEMPERATURE);
                case CHARGE_HIGH_CURRENT -> List.of(SystemAlarmFlag.CHARGE_OVER_CURRENT);
                case DISCHARGE_HIGH_CURRENT -> List.of(SystemAlarmFlag.DISCHARGE_OVER_CURRENT);
                case INTERNAL_COMMUNICATION_FAIL -> List.of(SystemAlarmFlag.INTERNAL_COMMUNICATION_FAILURE);
            });
        }
        int protections = 0;
        for (Protection p : s.protections()) {
            protections |= bits(switch (p) {
                case CELL_OR_MODULE_OVER_VOLTAGE -> List.of(SystemAlarmFlag.CELL_OVER_VOLTAGE,
                        SystemAlarmFlag.PACK_OVER_VOLTAGE);
                case CELL_OR_MODULE_UNDER_VOLTAGE -> List.of(SystemAlarmFlag.CELL_UNDER_VOLTAGE,
                        SystemAlarmFlag.PACK_UNDER_VOLTAGE);
                case CELL_OVER_TEMPERATURE -> List.of(SystemAlarmFlag.CELL_OVER_TEMPERATURE);
                case CELL_UNDER_TEMPERATURE -> List.of(SystemAlarmFlag.CELL_UNDER_TEMPERATURE);
                case CHARGE_OVER_CURRENT -> List.of(SystemAlarmFlag.CHARGE_OVER_CURRENT);
                case DISCHARGE_OVER_CURRENT -> List.of(SystemAlarmFlag.DISCHARGE_OVER_CURRENT);
                case SYSTEM_ERROR -> List.of(SystemAlarmFlag.OTHER_FAILURE);
            });
        }
        return new SystemAlarm(adr, warnings >>> 8, warnings & 0xFF, protections >>> 8, protections & 0xFF);
    }

    /** The flags as a 16-bit word: status byte 1 in the high byte, status byte 2 in the low byte. */
    private static int bits(List<SystemAlarmFlag> flags) {
        int word = 0;
        for (SystemAlarmFlag f : flags) {
            word |= 1 << (f.bit() + (f.statusByte() == 1 ? 8 : 0));
        }
        return word;
    }

    /** A 16-character serial per module: {@code "PPTBH0<group><index>SIM0000"}-like, stable. */
    static String serial(ModuleSnapshot m) {
        return String.format("PSIM%02d%02d%08d", m.id().group(), m.id().index(), 0);
    }

    private static String fit(String text, int length) {
        return text.length() > length ? text.substring(0, length) : text;
    }

    private static int s16(int v) {
        return Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
    }

    private static int u16(int v) {
        return Math.max(0, Math.min(0xFFFF, v));
    }
}
