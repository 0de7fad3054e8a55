package io.pylon4j.driver.internal;

import io.pylon4j.driver.ActiveAlarm;
import io.pylon4j.driver.BankInfo;
import io.pylon4j.driver.LimitPlausibility;
import io.pylon4j.driver.FieldStamp;
import io.pylon4j.driver.ModuleAlarmStates;
import io.pylon4j.driver.ModuleDetails;
import io.pylon4j.rs485.AlarmInfo;
import io.pylon4j.rs485.AnalogValues;
import io.pylon4j.rs485.ChargeDischargeManagement;
import io.pylon4j.rs485.ManufacturerInfo;
import io.pylon4j.rs485.ModuleAlarm;
import io.pylon4j.rs485.ModuleAnalog;
import io.pylon4j.rs485.Rs485Address;
import io.pylon4j.rs485.Rs485Response;
import io.pylon4j.rs485.SerialNumber;
import io.pylon4j.rs485.SoftwareVersion;
import io.pylon4j.rs485.SystemParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What one RS485 reply tells the model, per module and about the bank's static info: a pure mapping from a decoded
 * {@link Rs485Response} to {@link Input}s that {@link Rs485Strategy} hands to {@link BankModel} as they are. No
 * state, no clock, no model: everything about several replies together (the bank's values of a cycle) is
 * {@link Rs485GroupAggregator}'s, and who is asked next is {@link Rs485Poll}'s.
 *
 * <ul>
 *   <li>0x42: each block's {@link ModuleDetails} (cells, temperatures, current, voltage, capacities, cycles);</li>
 *   <li>0x44: each block's alarms ({@link AlarmMapping#rs485AlarmInfo}) on the channel {@code "0x44@<ADR>"}, and
 *       the block as sent ({@link AlarmStatesInput});</li>
 *   <li>0x92: the module's own limits as its {@link ModuleDetails} (the bank's are derived at the cycle's end);</li>
 *   <li>0x93 and 0x96: the module's serial number and versions;</li>
 *   <li>0x51 and 0x47: the bank info; a 0x47 that cannot be trusted is {@link Implausible} and leaves the bank info
 *       as it was (wire values meaning "invalid", docs/protocol.md §1.5, or a module voltage limit outside the
 *       plausible window);</li>
 *   <li>anything else (rejections included): nothing.</li>
 * </ul>
 * A block of a whole-stack reply beyond position 14 has no RS485 address (docs/protocol.md §2.3: the position is one
 * nibble) and gets no module input.
 */
final class Rs485ReplyMapper {

    /** One input to the model. */
    sealed interface Input permits ModuleInput, AlarmsInput, AlarmStatesInput, BankInfoInput, Implausible {
    }

    /**
     * A module's figures: {@link BankModel#onModuleDetails}.
     *
     * @param details the figures
     */
    record ModuleInput(ModuleDetails details) implements Input {
    }

    /**
     * A module's active alarms: {@link BankModel#onAlarms}.
     *
     * @param channel the alarm channel, {@code "0x44@<ADR>"}
     * @param active  the alarms active now
     */
    record AlarmsInput(String channel, Set<ActiveAlarm> active) implements Input {
    }

    /**
     * A module's 0x44 block as sent: {@link BankModel#onModuleAlarmStates}, stamped when it is applied.
     *
     * @param address           the module's address
     * @param block             the block
     * @param cellStates        the block's cell states, immutable
     * @param temperatureStates the block's temperature states, immutable
     */
    record AlarmStatesInput(int address, ModuleAlarm block, List<Integer> cellStates, List<Integer> temperatureStates)
            implements Input {

        /** The public value of the block, stamped {@code stamp}. */
        ModuleAlarmStates states(FieldStamp stamp) {
            return new ModuleAlarmStates(address, cellStates, temperatureStates,
                    block.chargeCurrentState(), block.moduleVoltageState(), block.dischargeCurrentState(),
                    block.status1(), block.status2(), block.status3(), block.status4(), block.status5(), stamp);
        }
    }

    /**
     * The bank's static info: {@link BankModel#onBankInfo}.
     *
     * @param info the info
     */
    record BankInfoInput(BankInfo info) implements Input {
    }

    /**
     * A reply that counts as missing (counted as an implausible value).
     *
     * @param why the reason
     */
    record Implausible(String why) implements Input {
    }

    private Rs485ReplyMapper() {
    }

    /**
     * The model inputs of one reply.
     *
     * @param response the decoded reply
     * @param bounds   the plausibility window of 0x47's module voltage limit
     * @return the inputs, in the order to apply them; empty for a reply that says nothing to the model
     */
    static List<Input> map(Rs485Response response, LimitPlausibility bounds) {
        if (response instanceof AnalogValues a) {
            return analog(a);
        } else if (response instanceof AlarmInfo a) {
            List<Input> out = new ArrayList<>(a.modules().size());
            List<ModuleAlarm> modules = a.modules();
            for (int i = 0; i < modules.size(); i++) {
                int adr = moduleAddress(a.isWholeStack(), a.address(), i);
                if (adr >= 0) {
                    ModuleAlarm m = modules.get(i);
                    // copies made once per block (the accessors copy): read by the mapping, then wrapped, not
                    // boxed or copied again, for ModuleAlarmStates, which takes them as they are
                    int[] cells = m.cellStates();
                    int[] temperatures = m.temperatureStates();
                    out.add(new AlarmsInput(alarmChannel(adr), AlarmMapping.rs485AlarmInfo(cells, temperatures,
                            m.chargeCurrentState(), m.moduleVoltageState(), m.dischargeCurrentState(), m.status1(),
                            m.status4(), m.status5())));
                    out.add(new AlarmStatesInput(adr, m, PrimitiveLists.adoptInts(cells),
                            PrimitiveLists.adoptInts(temperatures)));
                }
            }
            return out;
        } else if (response instanceof ChargeDischargeManagement c) {
            return List.of(new ModuleInput(ModuleDetails.builder(c.address()).limits(c.chargeVoltageLimitVolts(),
                    c.dischargeVoltageLimitVolts(), c.chargeCurrentLimitAmps(), c.dischargeCurrentLimitAmps())
                    .build()));
        } else if (response instanceof SerialNumber s) {
            return List.of(new ModuleInput(
                    ModuleDetails.builder(s.address()).serialNumber(s.serialNumber().strip()).build()));
        } else if (response instanceof SoftwareVersion v) {
            return List.of(new ModuleInput(ModuleDetails.builder(v.address())
                    .manufacturerVersion(v.manufacturerVersionText()).mainlineVersion(v.mainlineVersionText())
                    .build()));
        } else if (response instanceof ManufacturerInfo i) {
            return List.of(new BankInfoInput(BankInfo.ofManufacturerInfo(i.deviceName().strip(),
                    i.manufacturerName().strip(), i.softwareVersionText())));
        } else if (response instanceof SystemParameters p) {
            Optional<String> why = implausibility(p, bounds);
            if (why.isPresent()) {
                return List.of(new Implausible(why.get()));
            }
            return List.of(new BankInfoInput(BankInfo.ofSystemParameters(new BankInfo.SystemParameters(
                    p.cellHighVoltageLimitVolts(), p.cellLowVoltageLimitVolts(), p.cellUnderVoltageLimitVolts(),
                    p.chargeHighTemperatureLimitCelsius(), p.chargeLowTemperatureLimitCelsius(),
                    Math.abs(p.chargeCurrentLimitAmps()), p.moduleHighVoltageLimitVolts(),
                    p.moduleLowVoltageLimitVolts(), p.moduleUnderVoltageLimitVolts(),
                    p.dischargeHighTemperatureLimitCelsius(), p.dischargeLowTemperatureLimitCelsius(),
                    Math.abs(p.dischargeCurrentLimitAmps())))));
        }
        return List.of();
    }

    /**
     * Every address's alarm channel, made once: a constant table (at most 256 short strings per JVM), where a 0x44
     * reply concatenated one per module.
     */
    private static final String[] ALARM_CHANNELS = new String[256];

    static {
        for (int adr = 0; adr < ALARM_CHANNELS.length; adr++) {
            ALARM_CHANNELS[adr] = "0x44@" + adr;
        }
    }

    /** The alarm channel of the module at {@code address}. */
    static String alarmChannel(int address) {
        return address >= 0 && address < ALARM_CHANNELS.length ? ALARM_CHANNELS[address] : "0x44@" + address;
    }

    /** The addresses of a reply's blocks that have one, in block order. */
    static List<Integer> moduleAddresses(AnalogValues a) {
        List<Integer> out = new ArrayList<>(a.modules().size());
        for (int i = 0; i < a.modules().size(); i++) {
            int adr = moduleAddress(a.isWholeStack(), a.address(), i);
            if (adr >= 0) {
                out.add(adr);
            }
        }
        return out;
    }

    /** The address of block {@code index} of a reply, or -1 if that module has none (position beyond 14). */
    static int moduleAddress(boolean wholeStack, int replyAddress, int index) {
        if (!wholeStack) {
            return replyAddress;
        }
        if (!Rs485Address.isBattery(replyAddress) || index + 1 > Rs485Address.MAX_BATTERY) {
            return -1;
        }
        return Rs485Address.of(Rs485Address.groupOf(replyAddress), index + 1);
    }

    private static List<Input> analog(AnalogValues a) {
        List<ModuleAnalog> modules = a.modules();
        List<Input> out = new ArrayList<>(modules.size());
        for (int i = 0; i < modules.size(); i++) {
            int adr = moduleAddress(a.isWholeStack(), a.address(), i);
            if (adr < 0) {
                continue;
            }
            ModuleAnalog m = modules.get(i);
            // fresh arrays, wrapped: ModuleDetails takes these lists as they are (no boxes, no copies per reply);
            // the record made directly, without a builder per module
            OptionalDouble none = OptionalDouble.empty();
            out.add(new ModuleInput(new ModuleDetails(adr, PrimitiveLists.adoptDoubles(m.cellVoltagesVolts()),
                    PrimitiveLists.adoptDoubles(m.temperaturesCelsius()), OptionalDouble.of(m.currentAmps()),
                    OptionalDouble.of(m.voltageVolts()), OptionalDouble.of(m.remainingCapacityAmpHours()),
                    OptionalDouble.of(m.totalCapacityAmpHours()), OptionalInt.of(m.cycles()), Optional.empty(),
                    Optional.empty(), Optional.empty(), none, none, none, none)));
        }
        return out;
    }

    /**
     * Why a 0x47 reply cannot be trusted, or empty: a field carrying a wire value meaning "invalid" (docs/protocol.md
     * §1.5), a module voltage limit outside the plausible window, or a maximum current above one module's rating.
     */
    static Optional<String> implausibility(SystemParameters p, LimitPlausibility bounds) {
        List<String> why = new ArrayList<>(1);
        // the cell limits are signed on the wire, the module limits unsigned (docs/protocol.md §2.5.5, as the codec reads)
        if (p.cellHighVoltageLimitMilliVolts() == LimitPlausibility.INVALID_S16
                || p.cellLowVoltageLimitMilliVolts() == LimitPlausibility.INVALID_S16
                || p.cellUnderVoltageLimitMilliVolts() == LimitPlausibility.INVALID_S16
                || p.moduleHighVoltageLimitMilliVolts() == LimitPlausibility.INVALID_U16
                || p.moduleLowVoltageLimitMilliVolts() == LimitPlausibility.INVALID_U16
                || p.moduleUnderVoltageLimitMilliVolts() == LimitPlausibility.INVALID_U16) {
            why.add("a voltage limit is its wire value for \"invalid\"");
        }
        if (p.chargeCurrentLimitDeciAmps() == LimitPlausibility.INVALID_S16
                || p.dischargeCurrentLimitDeciAmps() == LimitPlausibility.INVALID_S16) {
            why.add("a current limit is its wire value for \"invalid\"");
        }
        if (why.isEmpty()) {
            double high = p.moduleHighVoltageLimitVolts();
            if (high < bounds.minVolts() || high > bounds.maxVolts()) {
                why.add("module high-voltage limit " + Numbers.plain(high) + " V outside "
                        + Numbers.plain(bounds.minVolts()) + "–" + Numbers.plain(bounds.maxVolts()) + " V");
            }
        }
        return why.isEmpty() ? Optional.empty() : Optional.of("0x47 from the battery is implausible: "
                + String.join("; ", why));
    }
}
