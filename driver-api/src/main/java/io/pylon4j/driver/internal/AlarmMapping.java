package io.pylon4j.driver.internal;

import io.pylon4j.driver.ActiveAlarm;
import io.pylon4j.driver.Alarm;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps the raw alarm bits of each protocol into the driver's {@link Alarm} vocabulary: pure functions over wire
 * integers, so the CAN and RS485 strategies stay thin. Bit tables from docs/protocol.md (§1.3.1, §1.8,
 * §2.5.4); see {@link Alarm} for the whole mapping.
 */
public final class AlarmMapping {

    /** 0x35A item order within each 4-byte half: byte, then pair (bits 0+1, 2+3, 4+5, 6+7); null = reserved. */
    private static final Alarm[] CAN_35A_ITEMS = {
        Alarm.GENERAL, Alarm.HIGH_VOLTAGE, Alarm.LOW_VOLTAGE, Alarm.HIGH_TEMPERATURE,
        Alarm.LOW_TEMPERATURE, Alarm.CHARGE_HIGH_TEMPERATURE, Alarm.CHARGE_LOW_TEMPERATURE,
        Alarm.DISCHARGE_OVER_CURRENT,
        Alarm.CHARGE_OVER_CURRENT, Alarm.CONTACTOR, Alarm.SHORT_CIRCUIT, Alarm.BMS_INTERNAL,
        Alarm.CELL_IMBALANCE, null, null, Alarm.GENERATOR,
    };

    /** RS485 0x44 Status1 bits, made once rather than on every reply (an immutable copy of an EnumMap). */
    private static final Map<Alarm, Integer> STATUS1_BITS;

    static {
        Map<Alarm, Integer> bits = new EnumMap<>(Alarm.class);
        bits.put(Alarm.MODULE_UNDER_VOLTAGE, 0x80);
        bits.put(Alarm.CHARGE_HIGH_TEMPERATURE, 0x40);
        bits.put(Alarm.DISCHARGE_HIGH_TEMPERATURE, 0x20);
        bits.put(Alarm.DISCHARGE_OVER_CURRENT, 0x10);
        bits.put(Alarm.CHARGE_OVER_CURRENT, 0x04);
        bits.put(Alarm.CELL_UNDER_VOLTAGE, 0x02);
        bits.put(Alarm.MODULE_OVER_VOLTAGE, 0x01);
        STATUS1_BITS = Collections.unmodifiableMap(bits);
    }

    private AlarmMapping() {
    }

    /**
     * CAN 0x359 (Pylontech V1.2) bytes 0–3. Protection bytes 0–1 map to {@link Alarm.Level#PROTECTION}, alarm bytes
     * 2–3 to {@link Alarm.Level#ALARM}. Byte 1 bit 7 and byte 3 bit 7 (system error / warning where [ARMIN] and
     * [BE-LVCAN] put them; undefined in [CAN12]) are read as {@link Alarm#SYSTEM_ERROR} too.
     *
     * @param protection1 byte 0, protection flags (discharge over-current, cell/module temperature and voltage)
     * @param protection2 byte 1, protection flags (charge over-current, system error)
     * @param alarm1      byte 2, alarm flags, the same bits as {@code protection1}
     * @param alarm2      byte 3, alarm flags, the bits of {@code protection2} plus internal communication
     * @return the active conditions, sorted and unmodifiable; empty when every flag is clear
     */
    public static Set<ActiveAlarm> can359(int protection1, int protection2, int alarm1, int alarm2) {
        TreeSet<ActiveAlarm> out = new TreeSet<>();
        flags359(out, protection1, protection2, Alarm.Level.PROTECTION);
        flags359(out, alarm1, alarm2, Alarm.Level.ALARM);
        if ((protection2 & 0x08) != 0 || (protection2 & 0x80) != 0) {
            out.add(ActiveAlarm.of(Alarm.SYSTEM_ERROR, Alarm.Level.PROTECTION));
        }
        if ((alarm2 & 0x08) != 0) {
            out.add(ActiveAlarm.of(Alarm.INTERNAL_COMMUNICATION, Alarm.Level.ALARM));
        }
        if ((alarm2 & 0x80) != 0) {
            out.add(ActiveAlarm.of(Alarm.SYSTEM_ERROR, Alarm.Level.ALARM));
        }
        return Collections.unmodifiableSet(out);
    }

    private static void flags359(Set<ActiveAlarm> out, int first, int second, Alarm.Level level) {
        if ((first & 0x80) != 0) {
            out.add(ActiveAlarm.of(Alarm.DISCHARGE_OVER_CURRENT, level));
        }
        if ((first & 0x10) != 0) {
            out.add(ActiveAlarm.of(Alarm.LOW_TEMPERATURE, level));
        }
        if ((first & 0x08) != 0) {
            out.add(ActiveAlarm.of(Alarm.HIGH_TEMPERATURE, level));
        }
        if ((first & 0x04) != 0) {
            out.add(ActiveAlarm.of(Alarm.LOW_VOLTAGE, level));
        }
        if ((first & 0x02) != 0) {
            out.add(ActiveAlarm.of(Alarm.HIGH_VOLTAGE, level));
        }
        if ((second & 0x01) != 0) {
            out.add(ActiveAlarm.of(Alarm.CHARGE_OVER_CURRENT, level));
        }
    }

    /**
     * CAN 0x35A (SMA/Victron): eight bytes of two-bit items, byte 0 in the lowest 8 bits of {@code data} (the
     * layout of {@code CanFrame}'s data word). Bytes 0–3 are alarms ({@link Alarm.Level#ALARM}), bytes 4–7 warnings
     * ({@link Alarm.Level#WARNING}). Per [SMA] §7 a pair {@code 01} raises the item, {@code 10} clears it, and
     * {@code 00}/{@code 11} leave it as it was, so the result depends on {@code previous} (the set this function
     * returned last time for this bank; empty at first). All {@code 00} (old Pylontech firmware) therefore changes
     * nothing, all {@code AA} clears everything.
     *
     * @param data     the frame's eight data bytes, byte 0 in the lowest 8 bits
     * @param previous the channel's set after the previous 0x35A ({@link BankModel#channelAlarms}); empty at first
     * @return {@code previous} with the items raised by this frame added and those cleared removed, unmodifiable
     */
    public static Set<ActiveAlarm> can35A(long data, Set<ActiveAlarm> previous) {
        TreeSet<ActiveAlarm> out = new TreeSet<>(previous);
        for (int half = 0; half < 2; half++) {
            Alarm.Level level = half == 0 ? Alarm.Level.ALARM : Alarm.Level.WARNING;
            for (int item = 0; item < 16; item++) {
                Alarm alarm = CAN_35A_ITEMS[item];
                int bitOffset = half * 32 + (item / 4) * 8 + (item % 4) * 2;
                int pair = (int) (data >>> bitOffset) & 0x3;
                if (alarm == null) {
                    continue;
                }
                if (pair == 0b01) {
                    out.add(ActiveAlarm.of(alarm, level));
                } else if (pair == 0b10) {
                    out.remove(ActiveAlarm.of(alarm, level));
                }
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /**
     * RS485 0x44 (get alarm info) of one module.
     *
     * <p>State bytes (0x00 normal, 0x01 below the lower limit, 0x02 above the upper limit, 0xF0 other error) map to
     * {@link Alarm.Level#ALARM}: cells → {@link Alarm#CELL_UNDER_VOLTAGE}/{@link Alarm#CELL_OVER_VOLTAGE},
     * temperatures → {@link Alarm#LOW_TEMPERATURE}/{@link Alarm#HIGH_TEMPERATURE}, charge current above →
     * {@link Alarm#CHARGE_OVER_CURRENT}, module voltage → {@link Alarm#MODULE_UNDER_VOLTAGE}/
     * {@link Alarm#MODULE_OVER_VOLTAGE}, discharge current above → {@link Alarm#DISCHARGE_OVER_CURRENT}, 0xF0 →
     * {@link Alarm#OTHER_FAILURE}. Status1 bits and Status4/5 (any cell voltage error →
     * {@link Alarm#CELL_VOLTAGE_ERROR}) map to {@link Alarm.Level#PROTECTION}. Status2/3 are states, not alarms.
     *
     * @param cellStates            one state byte per cell
     * @param temperatureStates     one state byte per temperature sensor
     * @param chargeCurrentState    the charge current's state byte (only "above" and 0xF0 mean something)
     * @param moduleVoltageState    the module voltage's state byte
     * @param dischargeCurrentState the discharge current's state byte (only "above" and 0xF0 mean something)
     * @param status1               the Status1 protection bits ({@link #rs485Status1})
     * @param status4               Status4, one bit per cell 1–8 with a voltage error
     * @param status5               Status5, one bit per cell 9–16 with a voltage error
     *                              ({@code docs/protocol.md §2.5.4})
     * @return the module's active conditions, sorted and unmodifiable; empty when everything is normal
     */
    public static Set<ActiveAlarm> rs485AlarmInfo(int[] cellStates, int[] temperatureStates, int chargeCurrentState,
                                                  int moduleVoltageState, int dischargeCurrentState, int status1,
                                                  int status4, int status5) {
        // the common case, every module of every bank every poll: all normal, so no set to build
        if (allNormal(cellStates) && allNormal(temperatureStates) && ((chargeCurrentState | moduleVoltageState
                | dischargeCurrentState | status1 | status4 | status5) & 0xFF) == 0) {
            return Set.of();
        }
        TreeSet<ActiveAlarm> out = new TreeSet<>();
        for (int s : cellStates) {
            state(out, s, Alarm.CELL_UNDER_VOLTAGE, Alarm.CELL_OVER_VOLTAGE);
        }
        for (int s : temperatureStates) {
            state(out, s, Alarm.LOW_TEMPERATURE, Alarm.HIGH_TEMPERATURE);
        }
        state(out, chargeCurrentState, null, Alarm.CHARGE_OVER_CURRENT);
        state(out, moduleVoltageState, Alarm.MODULE_UNDER_VOLTAGE, Alarm.MODULE_OVER_VOLTAGE);
        state(out, dischargeCurrentState, null, Alarm.DISCHARGE_OVER_CURRENT);
        out.addAll(rs485Status1(status1));
        if (((status4 | status5) & 0xFF) != 0) {
            out.add(ActiveAlarm.of(Alarm.CELL_VOLTAGE_ERROR, Alarm.Level.PROTECTION));
        }
        return Collections.unmodifiableSet(out);
    }

    /**
     * RS485 0x44 Status1 alone, all {@link Alarm.Level#PROTECTION}.
     *
     * @param status1 the Status1 byte: module under-voltage (0x80), charge and discharge high temperature (0x40,
     *                0x20), discharge and charge over-current (0x10, 0x04), cell under-voltage (0x02), module
     *                over-voltage (0x01)
     * @return the conditions whose bits are set, sorted and unmodifiable
     */
    public static Set<ActiveAlarm> rs485Status1(int status1) {
        TreeSet<ActiveAlarm> out = new TreeSet<>();
        STATUS1_BITS.forEach((alarm, mask) -> {
            if ((status1 & mask) != 0) {
                out.add(ActiveAlarm.of(alarm, Alarm.Level.PROTECTION));
            }
        });
        return Collections.unmodifiableSet(out);
    }

    private static boolean allNormal(int[] states) {
        for (int s : states) {
            if ((s & 0xFF) != 0) {
                return false;
            }
        }
        return true;
    }

    private static void state(Set<ActiveAlarm> out, int state, Alarm below, Alarm above) {
        switch (state & 0xFF) {
            case 0x01 -> {
                if (below != null) {
                    out.add(ActiveAlarm.of(below, Alarm.Level.ALARM));
                }
            }
            case 0x02 -> out.add(ActiveAlarm.of(above, Alarm.Level.ALARM));
            case 0xF0 -> out.add(ActiveAlarm.of(Alarm.OTHER_FAILURE, Alarm.Level.ALARM));
            default -> {
                // 0x00 normal; other values are not defined by [R485-33]
            }
        }
    }
}
