package io.pylon4j.samples.cli;

import io.pylon4j.driver.json.JsonWriter;
import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.AlarmsAndWarnings;
import io.pylon4j.can.BatteryEvents;
import io.pylon4j.can.BatteryInfo;
import io.pylon4j.can.BatteryMeasurements;
import io.pylon4j.can.BmsNamePart1;
import io.pylon4j.can.BmsNamePart2;
import io.pylon4j.can.CanFrame;
import io.pylon4j.can.CanMessage;
import io.pylon4j.can.CellExtremes;
import io.pylon4j.can.ChargeDischargeLimits;
import io.pylon4j.can.ChargeRequestFlags;
import io.pylon4j.can.EnergyCounters;
import io.pylon4j.can.InstalledCapacity;
import io.pylon4j.can.InverterKeepAlive;
import io.pylon4j.can.ManufacturerName;
import io.pylon4j.can.MaxCellTemperatureId;
import io.pylon4j.can.MaxCellVoltageId;
import io.pylon4j.can.MinCellTemperatureId;
import io.pylon4j.can.MinCellVoltageId;
import io.pylon4j.can.ModuleCounts;
import io.pylon4j.can.ProductIdentification;
import io.pylon4j.can.ProtectionAndAlarmFlags;
import io.pylon4j.can.PylonPlusCellExtremeIds;
import io.pylon4j.can.PylonPlusCellExtremes;
import io.pylon4j.can.SerialNumberPart1;
import io.pylon4j.can.SerialNumberPart2;
import io.pylon4j.can.SmaMeasurements;
import io.pylon4j.can.SmaQuickStop;
import io.pylon4j.can.SmaRelayState;
import io.pylon4j.can.SmaStatus;
import io.pylon4j.can.StateOfChargeAndHealth;
import io.pylon4j.can.UnknownCanMessage;
import io.pylon4j.can.VictronIdentity;
import io.pylon4j.can.VictronKeepAlive;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The JSON of every CAN record, field by field, as {@code docs/json-can.md} documents it. */
class CanJsonTest {

    /** One message of every record type and its exact JSON line. */
    static final Map<CanMessage, String> EXPECTED = new LinkedHashMap<>();

    static {
        expect(new ChargeDischargeLimits(532, 4800, -4800, CanMessage.NOT_SENT, 7, 0xC2L << 48),
                "\"type\":\"ChargeDischargeLimits\",\"chargeVoltageLimit\":53.2,\"chargeCurrentLimit\":480,"
                        + "\"dischargeCurrentLimit\":-480,\"dischargeVoltageLimit\":null,\"reserved\":\"C2\"");
        expect(new StateOfChargeAndHealth(88, 94, 8807, 8, 0xBEEFL << 48),
                "\"type\":\"StateOfChargeAndHealth\",\"soc\":88,\"soh\":94,\"highResolutionSoc\":88.07,"
                        + "\"reserved\":\"EFBE\"");
        expect(new StateOfChargeAndHealth(5, CanMessage.NOT_SENT, CanMessage.NOT_SENT, 2, 0),
                "\"type\":\"StateOfChargeAndHealth\",\"soc\":5,\"soh\":null,\"highResolutionSoc\":null");
        expect(new BatteryMeasurements(-5, -1, -273),
                "\"type\":\"BatteryMeasurements\",\"voltage\":-0.05,\"current\":-0.1,\"temperature\":-27.3");
        // a 5-byte 0x356: no temperature (null, never 0.0), its lone byte 4 kept as reserved
        expect(new BatteryMeasurements(4986, -270, CanMessage.NOT_SENT, 5, 0x6BL << 32),
                "\"type\":\"BatteryMeasurements\",\"voltage\":49.86,\"current\":-27,\"temperature\":null,"
                        + "\"reserved\":\"6B\"");
        expect(new ProtectionAndAlarmFlags(0x2000_8022, 15, ProtectionAndAlarmFlags.MARKER_PN, 3),
                "\"type\":\"ProtectionAndAlarmFlags\",\"moduleCount\":15,"
                        + "\"flags\":[\"CELL_OVER_VOLTAGE_PROTECTION\",\"SYSTEM_ERROR_BIT7_PROTECTION\"],"
                        + "\"undefinedFlagBytes\":\"20000020\",\"marker\":\"PN\",\"onlineModules\":3");
        // a 4-byte 0x359: flags only, the rest null (never a module count of 0)
        expect(new ProtectionAndAlarmFlags(0, CanMessage.NOT_SENT, CanMessage.NOT_SENT, CanMessage.NOT_SENT, 4),
                "\"type\":\"ProtectionAndAlarmFlags\",\"moduleCount\":null,\"flags\":[],\"marker\":null,"
                        + "\"onlineModules\":null");
        expect(new ChargeRequestFlags(0x3F, 2, 0),
                "\"type\":\"ChargeRequestFlags\",\"chargeEnable\":false,\"dischargeEnable\":false,"
                        + "\"forceChargeI\":true,\"forceChargeII\":true,\"fullChargeRequest\":true,"
                        + "\"undefinedFlagBytes\":\"07\"");
        expect(ManufacturerName.of("PYLON\"\\ "),
                "\"type\":\"ManufacturerName\",\"manufacturer\":\"PYLON\\\"\\\\\"");
        expect(AlarmsAndWarnings.ALL_CLEARED.withAlarm(AlarmsAndWarnings.Item.SHORT_CIRCUIT,
                        AlarmsAndWarnings.PairState.RAISED)
                        .withWarning(AlarmsAndWarnings.Item.GENERAL, AlarmsAndWarnings.PairState.RAISED)
                        .withWarning(AlarmsAndWarnings.Item.LOW_VOLTAGE, AlarmsAndWarnings.PairState.RAISED),
                "\"type\":\"AlarmsAndWarnings\",\"alarms\":[\"SHORT_CIRCUIT\"],"
                        + "\"warnings\":[\"GENERAL\",\"LOW_VOLTAGE\"],\"states\":\"AAAA9AAA99AAAAAA\"");
        // a 7-byte 0x35A: the states of the bytes sent, no more
        expect(new AlarmsAndWarnings(0x00AA_AAAA_02AA_AAAAL, 7),
                "\"type\":\"AlarmsAndWarnings\",\"alarms\":[],\"warnings\":[],\"states\":\"AAAAAA02AAAAAA\"");
        expect(new BatteryEvents(2, 0x0201), "\"type\":\"BatteryEvents\",\"data\":\"0102\"");
        // a 5-byte 0x35F: type and version, no capacity (null, never 0 Ah), the lone byte 4 kept
        expect(new BatteryInfo(0x494C, 1, 3, CanMessage.NOT_SENT, 5, 0x3CL << 32),
                "\"type\":\"BatteryInfo\",\"chemistry\":\"LI\",\"versionMajor\":1,\"versionMinor\":3,"
                        + "\"version\":\"1.3\",\"capacity\":null,\"reserved\":\"3C\"");
        expect(new BatteryInfo(0x494C, 1, 3, 572, 6, 0),
                "\"type\":\"BatteryInfo\",\"chemistry\":\"LI\",\"versionMajor\":1,\"versionMinor\":3,\"version\":\"1.3\",\"capacity\":572");
        expect(new PylonPlusCellExtremes(-50, -123, 3350, 3310),
                "\"type\":\"PylonPlusCellExtremes\",\"maxCellTemperature\":-5,\"minCellTemperature\":-12.3,"
                        + "\"maxCellVoltage\":3.35,\"minCellVoltage\":3.31");
        // a 4-byte PYLON+ 0x370: the two temperatures, the voltages null
        expect(new PylonPlusCellExtremes(250, 215, CanMessage.NOT_SENT, CanMessage.NOT_SENT, 4, 0),
                "\"type\":\"PylonPlusCellExtremes\",\"maxCellTemperature\":25,\"minCellTemperature\":21.5,"
                        + "\"maxCellVoltage\":null,\"minCellVoltage\":null");
        expect(new PylonPlusCellExtremeIds(3, CanMessage.NOT_SENT, CanMessage.NOT_SENT, CanMessage.NOT_SENT, 3,
                        0x07L << 16),
                "\"type\":\"PylonPlusCellExtremeIds\",\"maxCellTemperatureId\":3,\"minCellTemperatureId\":null,"
                        + "\"maxCellVoltageId\":null,\"minCellVoltageId\":null,\"reserved\":\"07\"");
        expect(new PylonPlusCellExtremeIds(3, 8, 1, 12),
                "\"type\":\"PylonPlusCellExtremeIds\",\"maxCellTemperatureId\":3,\"minCellTemperatureId\":8,"
                        + "\"maxCellVoltageId\":1,\"minCellVoltageId\":12");
        expect(BmsNamePart1.of("Discover"), "\"type\":\"BmsNamePart1\",\"name\":\"Discover\"");
        expect(BmsNamePart2.of(" AES\0\0\0\0"), "\"type\":\"BmsNamePart2\",\"name\":\" AES\"");
        expect(new ModuleCounts(2, 0, 1, CanMessage.NOT_SENT, 7, 0xFFL << 48),
                "\"type\":\"ModuleCounts\",\"modulesOnline\":2,\"modulesBlockingCharge\":0,"
                        + "\"modulesBlockingDischarge\":1,\"modulesOffline\":null,\"reserved\":\"FF\"");
        // a 5-byte 0x373: both voltages, no temperatures (null), the odd byte kept
        expect(new CellExtremes(3306, 3329, CanMessage.NOT_SENT, CanMessage.NOT_SENT, 5, 0x1FL << 32),
                "\"type\":\"CellExtremes\",\"minCellVoltage\":3.306,\"maxCellVoltage\":3.329,"
                        + "\"minCellTemperature\":null,\"maxCellTemperature\":null,\"reserved\":\"1F\"");
        expect(new CellExtremes(3306, 3329, 0, 65535),
                "\"type\":\"CellExtremes\",\"minCellVoltage\":3.306,\"maxCellVoltage\":3.329,"
                        + "\"minCellTemperature\":-273.15,\"maxCellTemperature\":65261.85");
        expect(MinCellVoltageId.of("b0 m3"), "\"type\":\"MinCellVoltageId\",\"cellId\":\"b0 m3\"");
        expect(MaxCellVoltageId.of("Pack-01#"), "\"type\":\"MaxCellVoltageId\",\"cellId\":\"Pack-01#\"");
        expect(MinCellTemperatureId.of("2"), "\"type\":\"MinCellTemperatureId\",\"cellId\":\"2\"");
        expect(MaxCellTemperatureId.of("0204"), "\"type\":\"MaxCellTemperatureId\",\"cellId\":\"0204\"");
        // a 5-byte 0x378: the energy charged only, the discharged null, byte 4 kept
        expect(new EnergyCounters(211_200, CanMessage.NOT_SENT, 5, 0x2BL << 32),
                "\"type\":\"EnergyCounters\",\"chargedEnergy\":211.2,\"dischargedEnergy\":null,\"reserved\":\"2B\"");
        expect(new EnergyCounters(211_210, 5),
                "\"type\":\"EnergyCounters\",\"chargedEnergy\":211.21,\"dischargedEnergy\":0.005");
        expect(new InstalledCapacity(156), "\"type\":\"InstalledCapacity\",\"installedCapacity\":156");
        expect(SerialNumberPart1.of("PPTBH021"), "\"type\":\"SerialNumberPart1\",\"serialNumber\":\"PPTBH021\"");
        expect(SerialNumberPart2.of("0530A2\0\0"), "\"type\":\"SerialNumberPart2\",\"serialNumber\":\"0530A2\"");
        expect(ProductIdentification.of("PREMIUM\0"),
                "\"type\":\"ProductIdentification\",\"product\":\"PREMIUM\"");
        expect(new InverterKeepAlive(8, 0x21), "\"type\":\"InverterKeepAlive\",\"data\":\"2100000000000000\"");
        expect(VictronKeepAlive.ZEROS, "\"type\":\"VictronKeepAlive\",\"data\":\"0000000000000000\"");
        expect(VictronIdentity.VICTRON,
                "\"type\":\"VictronIdentity\",\"victron\":true,\"data\":\"1234567856494300\"");
        expect(new SmaMeasurements(530, -123, 250, 875),
                "\"type\":\"SmaMeasurements\",\"voltage\":53,\"current\":-12.3,\"temperature\":25,\"soc\":87.5");
        expect(new SmaStatus(98, 10, 1, 0, 562),
                "\"type\":\"SmaStatus\",\"soh\":98,\"chargingProcedure\":10,\"operatingState\":1,"
                        + "\"activeErrorNumber\":0,\"chargeVoltageSetpoint\":56.2");
        expect(new SmaRelayState(3, 2, 0), "\"type\":\"SmaRelayState\",\"relayState\":3");
        expect(SmaQuickStop.INSTANCE, "\"type\":\"SmaQuickStop\",\"data\":\"\"");
        expect(new UnknownCanMessage(CanFrame.ofHex(0x360, "FF")),
                "\"type\":\"UnknownCanMessage\",\"data\":\"FF\"");
    }

    private static void expect(CanMessage message, String fields) {
        EXPECTED.put(message, "{\"bus\":\"can\",\"id\":\"" + CanJson.idText(message.canId()) + "\"," + fields + "}\n");
    }

    @Test
    void everyRecordWritesItsOwnFields() {
        for (Map.Entry<CanMessage, String> entry : EXPECTED.entrySet()) {
            JsonWriter json = new JsonWriter();
            CanJson.write(entry.getKey(), json);
            assertThat(json.peek()).as(entry.getKey().toString()).isEqualTo(entry.getValue());
        }
    }

    @Test
    void theCasesCoverEveryRecordOfTheSealedHierarchy() {
        Set<Class<?>> records = new HashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>();
        todo.add(CanMessage.class);
        while (!todo.isEmpty()) {
            Class<?> type = todo.poll();
            if (type.isRecord()) {
                records.add(type);
            } else {
                todo.addAll(java.util.List.of(type.getPermittedSubclasses()));
            }
        }
        Set<Class<?>> covered = new HashSet<>();
        EXPECTED.keySet().forEach(m -> covered.add(m.getClass()));
        assertThat(covered).containsExactlyInAnyOrderElementsOf(records);
    }

    @Test
    void idsAreThreeUpperCaseHexDigits() {
        assertThat(CanJson.idText(0x00F)).isEqualTo("0x00F");
        assertThat(CanJson.idText(0x35E)).isEqualTo("0x35E");
        assertThat(CanJson.idText(0x7FF)).isEqualTo("0x7FF");
    }
}
