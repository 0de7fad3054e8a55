package io.pylon4j.driver.internal;

import static io.pylon4j.driver.Alarm.Level.ALARM;
import static io.pylon4j.driver.Alarm.Level.PROTECTION;
import static io.pylon4j.driver.Alarm.Level.WARNING;
import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.driver.ActiveAlarm;
import io.pylon4j.driver.Alarm;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Protocol alarm bits into the driver vocabulary (docs/protocol.md §1.3.1, §1.8, §2.5.4). */
class AlarmMappingTest {

    static ActiveAlarm a(Alarm alarm, Alarm.Level level) {
        return ActiveAlarm.of(alarm, level);
    }

    @Test
    void can359AllClearIsEmpty() {
        // real US5000: 359: 00 00 00 00 06 50 4E
        assertThat(AlarmMapping.can359(0, 0, 0, 0)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0x80, DISCHARGE_OVER_CURRENT, PROTECTION",
        "0, 0x10, LOW_TEMPERATURE, PROTECTION",
        "0, 0x08, HIGH_TEMPERATURE, PROTECTION",
        "0, 0x04, LOW_VOLTAGE, PROTECTION",
        "0, 0x02, HIGH_VOLTAGE, PROTECTION",
        "1, 0x08, SYSTEM_ERROR, PROTECTION",
        "1, 0x80, SYSTEM_ERROR, PROTECTION",
        "1, 0x01, CHARGE_OVER_CURRENT, PROTECTION",
        "2, 0x80, DISCHARGE_OVER_CURRENT, ALARM",
        "2, 0x10, LOW_TEMPERATURE, ALARM",
        "2, 0x08, HIGH_TEMPERATURE, ALARM",
        "2, 0x04, LOW_VOLTAGE, ALARM",
        "2, 0x02, HIGH_VOLTAGE, ALARM",
        "3, 0x08, INTERNAL_COMMUNICATION, ALARM",
        "3, 0x01, CHARGE_OVER_CURRENT, ALARM",
        "3, 0x80, SYSTEM_ERROR, ALARM",
    })
    void can359EachDefinedBit(int byteIndex, int mask, Alarm alarm, Alarm.Level level) {
        int[] b = new int[4];
        b[byteIndex] = mask;
        assertThat(AlarmMapping.can359(b[0], b[1], b[2], b[3])).containsExactly(a(alarm, level));
    }

    @Test
    void can359UndefinedBitsAreIgnored() {
        assertThat(AlarmMapping.can359(0x61, 0x76, 0x61, 0x76)).isEmpty();
    }

    @Test
    void can35AAllZeroChangesNothing() {
        Set<ActiveAlarm> previous = Set.of(a(Alarm.HIGH_VOLTAGE, ALARM));
        // V1.3 Pylontech firmware sends 0x35A as all 00 (docs/protocol.md §1.7)
        assertThat(AlarmMapping.can35A(0L, previous)).containsExactly(a(Alarm.HIGH_VOLTAGE, ALARM));
        assertThat(AlarmMapping.can35A(0L, Set.of())).isEmpty();
    }

    @Test
    void can35AAllAaClearsEverything() {
        Set<ActiveAlarm> previous = Set.of(a(Alarm.HIGH_VOLTAGE, ALARM), a(Alarm.CELL_IMBALANCE, WARNING));
        assertThat(AlarmMapping.can35A(0xAAAA_AAAA_AAAA_AAAAL, previous)).isEmpty();
    }

    @Test
    void can35ARaisesByLowerBitOfAPair() {
        // byte 0 = 0b0000_0100: item 1 (high voltage) alarm raised; byte 4 = 0b0100_0000: item 3 (high temp) warning
        long data = 0x04L | (0x40L << 32);
        assertThat(AlarmMapping.can35A(data, Set.of()))
                .containsExactly(a(Alarm.HIGH_VOLTAGE, ALARM), a(Alarm.HIGH_TEMPERATURE, WARNING));
    }

    @Test
    void can35AItemOrderCoversEveryNamedItem() {
        long everyItemRaised = 0x5555_5555_5555_5555L;
        assertThat(AlarmMapping.can35A(everyItemRaised, Set.of())).hasSize(2 * 14)
                .contains(a(Alarm.GENERAL, ALARM), a(Alarm.DISCHARGE_OVER_CURRENT, ALARM),
                        a(Alarm.CHARGE_OVER_CURRENT, WARNING), a(Alarm.BMS_INTERNAL, ALARM),
                        a(Alarm.GENERATOR, WARNING), a(Alarm.CHARGE_LOW_TEMPERATURE, WARNING));
        // byte 2 bits 6+7 = BMS internal; byte 3 bits 6+7 = generator
        assertThat(AlarmMapping.can35A(0x40L << 16, Set.of())).containsExactly(a(Alarm.BMS_INTERNAL, ALARM));
        assertThat(AlarmMapping.can35A(0x40L << 24, Set.of())).containsExactly(a(Alarm.GENERATOR, ALARM));
        assertThat(AlarmMapping.can35A(0x14L << 24, Set.of())).isEmpty(); // reserved items
    }

    @Test
    void can35APairElevenLeavesTheItemAlone() {
        assertThat(AlarmMapping.can35A(0x03L, Set.of())).isEmpty();
        assertThat(AlarmMapping.can35A(0x03L, Set.of(a(Alarm.GENERAL, ALARM)))).containsExactly(a(Alarm.GENERAL, ALARM));
    }

    @ParameterizedTest
    @CsvSource({
        "0x80, MODULE_UNDER_VOLTAGE",
        "0x40, CHARGE_HIGH_TEMPERATURE",
        "0x20, DISCHARGE_HIGH_TEMPERATURE",
        "0x10, DISCHARGE_OVER_CURRENT",
        "0x04, CHARGE_OVER_CURRENT",
        "0x02, CELL_UNDER_VOLTAGE",
        "0x01, MODULE_OVER_VOLTAGE",
    })
    void rs485Status1EachBit(String mask, Alarm alarm) {
        assertThat(AlarmMapping.rs485Status1(Integer.decode(mask))).containsExactly(a(alarm, PROTECTION));
    }

    @Test
    void rs485Status1UndefinedBit3IsIgnored() {
        assertThat(AlarmMapping.rs485Status1(0x08)).isEmpty();
    }

    @Test
    void rs485AlarmInfoOfAHealthyModuleIsEmpty() {
        // US2000B-Plus 0x44 reply: all states 00, Status1 00, Status2 0x0E, Status3 0x80 (states, not alarms)
        assertThat(AlarmMapping.rs485AlarmInfo(new int[15], new int[5], 0, 0, 0, 0x00, 0, 0)).isEmpty();
    }

    @Test
    void rs485AlarmInfoStateBytesAndStatusBytes() {
        int[] cells = new int[15];
        cells[3] = 0x02;
        cells[7] = 0x01;
        int[] temps = {0, 0x01, 0, 0xF0, 0};
        Set<ActiveAlarm> got = AlarmMapping.rs485AlarmInfo(cells, temps, 0x02, 0x01, 0x02, 0x04, 0x00, 0x10);
        assertThat(got).containsExactly(
                a(Alarm.MODULE_UNDER_VOLTAGE, ALARM),
                a(Alarm.CELL_OVER_VOLTAGE, ALARM),
                a(Alarm.CELL_UNDER_VOLTAGE, ALARM),
                a(Alarm.LOW_TEMPERATURE, ALARM),
                a(Alarm.DISCHARGE_OVER_CURRENT, ALARM),
                a(Alarm.CHARGE_OVER_CURRENT, PROTECTION),
                a(Alarm.CHARGE_OVER_CURRENT, ALARM),
                a(Alarm.CELL_VOLTAGE_ERROR, PROTECTION),
                a(Alarm.OTHER_FAILURE, ALARM));
    }
}
