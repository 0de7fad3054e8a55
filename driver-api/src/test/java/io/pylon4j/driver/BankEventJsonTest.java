package io.pylon4j.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.transport.ConnectionState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The stable JSON form of every event type (docs/driver-events.md). */
class BankEventJsonTest {

    static final Instant AT = Instant.parse("2026-11-24T08:00:01.5Z");

    @Test
    void limitsChangedCarriesValuesAndProvenance() {
        PublishedLimits p = LimitPolicy.defaults().apply(Optional.of(Limits.of(53.2, 100, 120)),
                Optional.of(AT.minusSeconds(11)), SupervisionState.LOST, OptionalInt.empty(), AT);
        assertThat(BankEventJson.toJson(new BankEvent.LimitsChanged("bank-1", AT, p))).isEqualTo(
                "{\"type\":\"LIMITS_CHANGED\",\"bankId\":\"bank-1\",\"at\":\"2026-11-24T08:00:01.500Z\","
                        + "\"chargeVoltageLimitVolts\":53.2,\"chargeCurrentLimitAmps\":0,"
                        + "\"dischargeCurrentLimitAmps\":0,\"dischargeVoltageLimitVolts\":null,"
                        + "\"provenance\":{"
                        + "\"chargeVoltageLimit\":{\"source\":\"BATTERY_LAST_KNOWN\",\"batteryValue\":53.2,"
                        + "\"reason\":\"bank LOST: the battery's last value, 11.0 s old\"},"
                        + "\"chargeCurrentLimit\":{\"source\":\"FAIL_SAFE_LOST\",\"batteryValue\":100,"
                        + "\"reason\":\"bank LOST: no limits from the battery for 11.0 s; the battery's last value"
                        + " was 100 A\"},"
                        + "\"dischargeCurrentLimit\":{\"source\":\"FAIL_SAFE_LOST\",\"batteryValue\":120,"
                        + "\"reason\":\"bank LOST: no limits from the battery for 11.0 s; the battery's last value"
                        + " was 120 A\"},"
                        + "\"dischargeVoltageLimit\":{\"source\":\"BATTERY\",\"batteryValue\":null,"
                        + "\"reason\":\"the battery sends no discharge voltage limit\"}}}");
    }

    @Test
    void measurementsWithNullForUnknown() {
        BankEvent e = new BankEvent.MeasurementsUpdated("b", AT, Source.CAN,
                Measurements.builder().socPercent(88).currentAmps(-27.0).voltageVolts(49.86).build());
        assertThat(BankEventJson.toJson(e)).isEqualTo("{\"type\":\"MEASUREMENTS_UPDATED\",\"bankId\":\"b\","
                + "\"at\":\"2026-11-24T08:00:01.500Z\",\"source\":\"CAN\",\"socPercent\":88,\"sohPercent\":null,"
                + "\"voltageVolts\":49.86,\"currentAmps\":-27,\"temperatureCelsius\":null}");
    }

    @Test
    void alarmRaisedAndCleared() {
        assertThat(BankEventJson.toJson(new BankEvent.AlarmRaised("b", AT, Source.RS485,
                Alarm.CHARGE_OVER_CURRENT, Alarm.Level.PROTECTION))).isEqualTo("{\"type\":\"ALARM_RAISED\","
                + "\"bankId\":\"b\",\"at\":\"2026-11-24T08:00:01.500Z\",\"source\":\"RS485\","
                + "\"alarm\":\"CHARGE_OVER_CURRENT\",\"level\":\"PROTECTION\","
                + "\"description\":\"charge current too high\"}");
        assertThat(BankEventJson.toJson(new BankEvent.AlarmCleared("b", AT, Source.CAN, Alarm.GENERAL,
                Alarm.Level.WARNING))).startsWith("{\"type\":\"ALARM_CLEARED\",");
    }

    @Test
    void requestFlags() {
        assertThat(BankEventJson.toJson(new BankEvent.RequestFlagsChanged("b", AT, Source.CAN,
                RequestFlags.fromBits(0xE0)))).isEqualTo("{\"type\":\"REQUEST_FLAGS_CHANGED\",\"bankId\":\"b\","
                + "\"at\":\"2026-11-24T08:00:01.500Z\",\"source\":\"CAN\",\"chargeEnable\":true,"
                + "\"dischargeEnable\":true,\"forceChargeI\":true,\"forceChargeII\":false,"
                + "\"fullChargeRequest\":false}");
    }

    @Test
    void moduleCount() {
        assertThat(BankEventJson.toJson(new BankEvent.ModuleCountChanged("b", AT, Source.CAN, OptionalInt.empty(),
                6))).isEqualTo("{\"type\":\"MODULE_COUNT_CHANGED\",\"bankId\":\"b\","
                + "\"at\":\"2026-11-24T08:00:01.500Z\",\"source\":\"CAN\",\"previous\":null,\"current\":6}");
    }

    @Test
    void moduleDetails() {
        ModuleDetails d = ModuleDetails.builder(2).cellVoltagesVolts(List.of(3.305, 3.31))
                .temperaturesCelsius(List.of(25.5)).remainingCapacityAh(51.8).totalCapacityAh(74).cycles(12)
                .serialNumber("PPTAP01\"23").build();
        assertThat(BankEventJson.toJson(new BankEvent.ModuleDetailsUpdated("b", AT, Source.RS485, d))).isEqualTo(
                "{\"type\":\"MODULE_DETAILS_UPDATED\",\"bankId\":\"b\",\"at\":\"2026-11-24T08:00:01.500Z\","
                        + "\"source\":\"RS485\",\"address\":2,\"cellVoltagesVolts\":[3.305,3.31],"
                        + "\"temperaturesCelsius\":[25.5],\"currentAmps\":null,\"voltageVolts\":null,"
                        + "\"remainingCapacityAh\":51.8,\"totalCapacityAh\":74,\"cycles\":12,"
                        + "\"serialNumber\":\"PPTAP01\\\"23\",\"manufacturerVersion\":null,"
                        + "\"mainlineVersion\":null,\"chargeVoltageLimitVolts\":null,\"dischargeVoltageLimitVolts\":null,"
                        + "\"chargeCurrentLimitAmps\":null,\"dischargeCurrentLimitAmps\":null}");
    }

    @Test
    void moduleLimitsAreMagnitudes() {
        ModuleDetails d = ModuleDetails.builder(0x13).limits(53.25, 47.0, 25.0, -25.0).build();
        assertThat(BankEventJson.toJson(new BankEvent.ModuleDetailsUpdated("b", AT, Source.RS485, d))).contains(
                "\"address\":19,", "\"chargeVoltageLimitVolts\":53.25,\"dischargeVoltageLimitVolts\":47,"
                        + "\"chargeCurrentLimitAmps\":25,\"dischargeCurrentLimitAmps\":25}");
    }

    @Test
    void bankInfo() {
        // the US2000B-Plus of rs485-tomcat42-lowlevel-us2000b.txt (docs/protocol.md §2.5.2, §2.5.5)
        BankInfo info = BankInfo.ofManufacturerInfo("US2KBPL", "Pylon---------------", "2.3")
                .mergedWith(BankInfo.ofSystemParameters(new BankInfo.SystemParameters(3.65, 3.05, 2.9, 61, -11, 102,
                        54, 46, 44.5, 61, -11, 100)));
        assertThat(BankEventJson.toJson(new BankEvent.BankInfoUpdated("b", AT, Source.RS485, info))).isEqualTo(
                "{\"type\":\"BANK_INFO_UPDATED\",\"bankId\":\"b\",\"at\":\"2026-11-24T08:00:01.500Z\","
                        + "\"source\":\"RS485\",\"deviceName\":\"US2KBPL\",\"manufacturerName\":\"Pylon---------------\","
                        + "\"softwareVersion\":\"2.3\",\"systemParameters\":{\"cellHighVoltageLimitVolts\":3.65,"
                        + "\"cellLowVoltageLimitVolts\":3.05,\"cellUnderVoltageLimitVolts\":2.9,"
                        + "\"chargeHighTemperatureLimitCelsius\":61,\"chargeLowTemperatureLimitCelsius\":-11,"
                        + "\"chargeCurrentLimitAmps\":102,\"moduleHighVoltageLimitVolts\":54,"
                        + "\"moduleLowVoltageLimitVolts\":46,\"moduleUnderVoltageLimitVolts\":44.5,"
                        + "\"dischargeHighTemperatureLimitCelsius\":61,\"dischargeLowTemperatureLimitCelsius\":-11,"
                        + "\"dischargeCurrentLimitAmps\":100}}");
    }

    @Test
    void supervisionStateEscapesControlCharacters() {
        assertThat(BankEventJson.toJson(new BankEvent.SupervisionStateChanged("b\\1", AT, SupervisionState.FRESH,
                SupervisionState.STALE, "line\nbreak\u0001"))).isEqualTo(
                "{\"type\":\"SUPERVISION_STATE_CHANGED\",\"bankId\":\"b\\\\1\",\"at\":\"2026-11-24T08:00:01.500Z\","
                        + "\"previous\":\"FRESH\",\"current\":\"STALE\",\"reason\":\"line\\nbreak\\u0001\"}");
    }

    /** One sample of every event type, with every optional field present where possible. */
    static List<BankEvent> samples() {
        PublishedLimits p = LimitPolicy.defaults().apply(Optional.of(Limits.of(53.2, 100, 120, 45)),
                Optional.of(AT), SupervisionState.FRESH, OptionalInt.empty(), AT);
        return List.of(new BankEvent.LimitsChanged("b", AT, p),
                new BankEvent.MeasurementsUpdated("b", AT, Source.CAN, Measurements.of(1, 2, 3, 4, 5)),
                new BankEvent.AlarmRaised("b", AT, Source.CAN, Alarm.GENERAL, Alarm.Level.ALARM),
                new BankEvent.AlarmCleared("b", AT, Source.CAN, Alarm.GENERAL, Alarm.Level.ALARM),
                new BankEvent.RequestFlagsChanged("b", AT, Source.CAN, RequestFlags.NORMAL),
                new BankEvent.ModuleCountChanged("b", AT, Source.CAN, OptionalInt.of(1), 2),
                new BankEvent.ModuleDetailsUpdated("b", AT, Source.RS485, ModuleDetails.builder(2).build()),
                new BankEvent.SupervisionStateChanged("b", AT, SupervisionState.CONNECTING, SupervisionState.FRESH,
                        "r"),
                new BankEvent.BankInfoUpdated("b", AT, Source.RS485, BankInfo.ofManufacturerInfo("US5000", "PYLON", "1.0")
                        .mergedWith(BankInfo.ofSystemParameters(new BankInfo.SystemParameters(3.65, 3.05, 2.8, 60, -10,
                                100, 54, 46, 43, 60, -10, 100)))),
                new BankEvent.ModuleLeft("b", AT, Source.RS485, 5),
                new BankEvent.LinkStateChanged("b", AT, Source.RS485, ConnectionState.CONNECTING,
                        ConnectionState.WAITING_TO_RECONNECT, Optional.of("connection refused by 127.0.0.1:1"), 1,
                        java.time.Duration.ofMillis(500)));
    }

    @Test
    void toJsonOnTheEventIsTheWritersOutput() {
        for (BankEvent e : samples()) {
            assertThat(e.toJson()).isEqualTo(BankEventJson.toJson(e)).startsWith("{\"type\":\"" + e.type() + "\"");
        }
    }

    @Test
    void linkStateChangedNamesTheCause() {
        assertThat(BankEventJson.toJson(new BankEvent.LinkStateChanged("b", AT, Source.CAN,
                ConnectionState.CONNECTING, ConnectionState.WAITING_TO_RECONNECT,
                Optional.of("connection refused by 127.0.0.1:1"), 3, java.time.Duration.ofMillis(2500))))
                .isEqualTo("{\"type\":\"LINK_STATE_CHANGED\",\"bankId\":\"b\",\"at\":\"" + AT + "\","
                        + "\"source\":\"CAN\",\"previous\":\"CONNECTING\",\"current\":\"WAITING_TO_RECONNECT\","
                        + "\"cause\":\"connection refused by 127.0.0.1:1\",\"attempt\":3,\"nextAttemptSeconds\":2.5}");
    }

    @Test
    void everyTypeHasASample() {
        assertThat(samples()).extracting(BankEvent::type).containsExactly(BankEvent.Type.values());
    }

    @Test
    void theReferenceDocumentListsEveryTypeAndField() throws Exception {
        String doc = Files.readString(Path.of("../docs/driver-events.md"));
        Pattern key = Pattern.compile("\"(\\w+)\":");
        for (BankEvent e : samples()) {
            assertThat(doc).as("type %s", e.type()).contains("`" + e.type().name() + "`");
            Matcher m = key.matcher(BankEventJson.toJson(e));
            while (m.find()) {
                String name = m.group(1);
                assertThat(doc).as("field %s of %s", name, e.type())
                        .containsAnyOf("`" + name + "`", "`provenance." + name + "`", "`systemParameters." + name + "`");
            }
        }
        for (LimitSource s : LimitSource.values()) {
            assertThat(doc).contains("`" + s.name() + "`");
        }
        for (SupervisionState s : SupervisionState.values()) {
            assertThat(doc).contains("`" + s.name() + "`");
        }
    }
}
