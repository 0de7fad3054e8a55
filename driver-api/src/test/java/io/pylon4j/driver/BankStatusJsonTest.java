package io.pylon4j.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.driver.internal.BankModel;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.time.Moment;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The status snapshot as JSON: what {@code pylon monitor} shows for "why is the charge limit 0?". */
class BankStatusJsonTest {

    @Test
    void lostBankWithAlarmsAndAModule() {
        Instant t0 = ManualClock.T0;
        BankModel m = BankModel.create("bank-1", InverterProfile.VICTRON, e -> { }, t0);
        m.onTransportState(Source.CAN, ConnectionState.CONNECTED, t0);
        m.onLimits(Source.CAN, Limits.of(53.2, 100, 120, 45), t0.plusSeconds(1));
        m.onMeasurements(Source.CAN, Measurements.builder().socPercent(88).currentAmps(-27).build(), t0.plusSeconds(1));
        m.onAlarms(Source.CAN, "0x359", Set.of(ActiveAlarm.of(Alarm.LOW_TEMPERATURE, Alarm.Level.ALARM)),
                t0.plusSeconds(1));
        m.onRequestFlags(Source.CAN, RequestFlags.NORMAL, t0.plusSeconds(1));
        m.onModuleCount(Source.CAN, 1, t0.plusSeconds(1));
        m.onModuleDetails(Source.RS485, ModuleDetails.builder(2).cellVoltagesVolts(List.of(3.3)).cycles(7)
                .limits(53.25, 47, 25, -25).build(), t0.plusSeconds(2));
        m.onBankInfo(Source.RS485, BankInfo.ofManufacturerInfo("US2KBPL", "Pylon", "2.3"), t0.plusSeconds(2));
        m.tick(t0.plusSeconds(11));

        String json = BankStatusJson.toJson(m.status(), Moment.ofInstant(t0.plusSeconds(12)));

        assertThat(json).isEqualTo("{\"bankId\":\"bank-1\",\"at\":\"2026-11-24T08:00:11Z\","
                + "\"supervision\":{\"state\":\"LOST\",\"since\":\"2026-11-24T08:00:11Z\","
                + "\"reason\":\"no limits for 10.0 s (lost after 10.0 s)\"},"
                + "\"published\":{\"chargeVoltageLimitVolts\":53.2,\"chargeCurrentLimitAmps\":0,"
                + "\"dischargeCurrentLimitAmps\":0,\"dischargeVoltageLimitVolts\":45,\"provenance\":{"
                + "\"chargeVoltageLimit\":{\"source\":\"BATTERY_LAST_KNOWN\",\"batteryValue\":53.2,"
                + "\"reason\":\"bank LOST: the battery's last value, 10.0 s old\"},"
                + "\"chargeCurrentLimit\":{\"source\":\"FAIL_SAFE_LOST\",\"batteryValue\":100,"
                + "\"reason\":\"bank LOST: no limits for 10.0 s (lost after 10.0 s); the battery's last value was 100 A,"
                + " 10.0 s old\"},"
                + "\"dischargeCurrentLimit\":{\"source\":\"FAIL_SAFE_LOST\",\"batteryValue\":120,"
                + "\"reason\":\"bank LOST: no limits for 10.0 s (lost after 10.0 s); the battery's last value was 120 A,"
                + " 10.0 s old\"},"
                + "\"dischargeVoltageLimit\":{\"source\":\"BATTERY_LAST_KNOWN\",\"batteryValue\":45,"
                + "\"reason\":\"bank LOST: the battery's last value, 10.0 s old\"}}},"
                + "\"battery\":{\"chargeVoltageLimitVolts\":53.2,\"chargeCurrentLimitAmps\":100,"
                + "\"dischargeCurrentLimitAmps\":120,\"dischargeVoltageLimitVolts\":45},"
                + "\"measurements\":{\"socPercent\":88,\"sohPercent\":null,\"voltageVolts\":null,\"currentAmps\":-27,"
                + "\"temperatureCelsius\":null},"
                + "\"activeAlarms\":[{\"alarm\":\"LOW_TEMPERATURE\",\"level\":\"ALARM\","
                + "\"description\":\"cell temperature low\"}],"
                + "\"requestFlags\":{\"chargeEnable\":true,\"dischargeEnable\":true,\"forceChargeI\":false,"
                + "\"forceChargeII\":false,\"fullChargeRequest\":false},"
                + "\"moduleCount\":1,"
                + "\"modules\":[{\"address\":2,\"cellVoltagesVolts\":[3.3],\"temperaturesCelsius\":[],"
                + "\"currentAmps\":null,\"voltageVolts\":null,\"remainingCapacityAh\":null,\"totalCapacityAh\":null,"
                + "\"cycles\":7,\"serialNumber\":null,\"manufacturerVersion\":null,\"mainlineVersion\":null,"
                + "\"chargeVoltageLimitVolts\":53.25,\"dischargeVoltageLimitVolts\":47,\"chargeCurrentLimitAmps\":25,"
                + "\"dischargeCurrentLimitAmps\":25,"
                + "\"ageSeconds\":10}],"
                + "\"bankInfo\":{\"deviceName\":\"US2KBPL\",\"manufacturerName\":\"Pylon\",\"softwareVersion\":\"2.3\","
                + "\"systemParameters\":null},"
                + "\"fields\":{"
                + "\"LIMITS\":{\"source\":\"CAN\",\"at\":\"2026-11-24T08:00:01Z\",\"ageSeconds\":11},"
                + "\"SOC\":{\"source\":\"CAN\",\"at\":\"2026-11-24T08:00:01Z\",\"ageSeconds\":11},"
                + "\"CURRENT\":{\"source\":\"CAN\",\"at\":\"2026-11-24T08:00:01Z\",\"ageSeconds\":11},"
                + "\"ALARMS\":{\"source\":\"CAN\",\"at\":\"2026-11-24T08:00:01Z\",\"ageSeconds\":11},"
                + "\"REQUEST_FLAGS\":{\"source\":\"CAN\",\"at\":\"2026-11-24T08:00:01Z\",\"ageSeconds\":11},"
                + "\"MODULE_COUNT\":{\"source\":\"CAN\",\"at\":\"2026-11-24T08:00:01Z\",\"ageSeconds\":11},"
                + "\"MODULE_DETAILS\":{\"source\":\"RS485\",\"at\":\"2026-11-24T08:00:02Z\",\"ageSeconds\":10}},"
                + "\"sources\":{"
                + "\"CAN\":{\"lastReceived\":\"2026-11-24T08:00:01Z\",\"ageSeconds\":11,\"link\":\"CONNECTED\","
                + "\"linkCause\":null,\"linkSince\":\"2026-11-24T08:00:00Z\"},"
                + "\"RS485\":{\"lastReceived\":\"2026-11-24T08:00:02Z\",\"ageSeconds\":10,\"link\":null,"
                + "\"linkCause\":null,\"linkSince\":null}}}");
    }

    @Test
    void freshlyCreatedBankHasNullsAndEmptyCollections() {
        BankModel m = BankModel.create("b", InverterProfile.GENERIC_PYLON, e -> { }, ManualClock.T0);
        String json = BankStatusJson.toJson(m.status(), Moment.ofInstant(ManualClock.T0));
        assertThat(json).contains("\"battery\":null", "\"activeAlarms\":[]", "\"requestFlags\":null",
                "\"moduleCount\":null", "\"modules\":[]", "\"bankInfo\":null", "\"fields\":{}", "\"sources\":{}",
                "\"state\":\"CONNECTING\"", "\"reason\":\"started\"", "\"source\":\"FAIL_SAFE_NO_DATA\"");
    }
}
