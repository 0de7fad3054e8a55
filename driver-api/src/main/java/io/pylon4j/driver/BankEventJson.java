package io.pylon4j.driver;

import io.pylon4j.driver.json.JsonWriter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Writes a {@link BankEvent} as one line of JSON with stable field names (listed in {@code docs/driver-events.md}),
 * using only the JDK. Absent optional values are written as {@code null}; numbers by the one rule of
 * {@link JsonWriter} (the shortest plain decimal that is exactly the value: {@code 48}, {@code 3.312}); instants in
 * ISO-8601 UTC. Stateless and thread-safe.
 */
public final class BankEventJson {

    private BankEventJson() {
    }

    /**
     * The event as a single-line JSON object.
     *
     * @param event the event
     * @return the JSON object, on one line, without a line end
     */
    public static String toJson(BankEvent event) {
        JsonWriter w = new JsonWriter(512);
        w.beginObject();
        string(w, "type", event.type().name());
        string(w, "bankId", event.bankId());
        string(w, "at", event.at().toString());
        switch (event.type()) {
            case LIMITS_CHANGED -> limits(w, ((BankEvent.LimitsChanged) event).limits());
            case MEASUREMENTS_UPDATED -> {
                BankEvent.MeasurementsUpdated e = (BankEvent.MeasurementsUpdated) event;
                string(w, "source", e.source().name());
                measurements(w, e.measurements());
            }
            case ALARM_RAISED -> {
                BankEvent.AlarmRaised e = (BankEvent.AlarmRaised) event;
                alarm(w, e.source(), e.alarm(), e.level());
            }
            case ALARM_CLEARED -> {
                BankEvent.AlarmCleared e = (BankEvent.AlarmCleared) event;
                alarm(w, e.source(), e.alarm(), e.level());
            }
            case REQUEST_FLAGS_CHANGED -> {
                BankEvent.RequestFlagsChanged e = (BankEvent.RequestFlagsChanged) event;
                string(w, "source", e.source().name());
                flags(w, e.flags());
            }
            case MODULE_COUNT_CHANGED -> {
                BankEvent.ModuleCountChanged e = (BankEvent.ModuleCountChanged) event;
                string(w, "source", e.source().name());
                number(w, "previous", e.previous());
                number(w, "current", e.current());
            }
            case MODULE_DETAILS_UPDATED -> {
                BankEvent.ModuleDetailsUpdated e = (BankEvent.ModuleDetailsUpdated) event;
                string(w, "source", e.source().name());
                module(w, e.details());
            }
            case MODULE_LEFT -> {
                BankEvent.ModuleLeft e = (BankEvent.ModuleLeft) event;
                string(w, "source", e.source().name());
                number(w, "address", e.address());
            }
            case BANK_INFO_UPDATED -> {
                BankEvent.BankInfoUpdated e = (BankEvent.BankInfoUpdated) event;
                string(w, "source", e.source().name());
                bankInfo(w, e.info());
            }
            case SUPERVISION_STATE_CHANGED -> {
                BankEvent.SupervisionStateChanged e = (BankEvent.SupervisionStateChanged) event;
                string(w, "previous", e.previous().name());
                string(w, "current", e.current().name());
                string(w, "reason", e.reason());
            }
            case LINK_STATE_CHANGED -> {
                BankEvent.LinkStateChanged e = (BankEvent.LinkStateChanged) event;
                string(w, "source", e.source().name());
                string(w, "previous", e.previous().name());
                string(w, "current", e.current().name());
                string(w, "cause", e.cause());
                number(w, "attempt", e.attempt());
                w.fieldScaled("nextAttemptSeconds", e.nextAttemptDelay().toMillis(), 3);
            }
        }
        return w.endObject().drainLine();
    }

    static void measurements(JsonWriter w, Measurements m) {
        number(w, "socPercent", m.socPercent());
        number(w, "sohPercent", m.sohPercent());
        number(w, "voltageVolts", m.voltageVolts());
        number(w, "currentAmps", m.currentAmps());
        number(w, "temperatureCelsius", m.temperatureCelsius());
    }

    static void flags(JsonWriter w, RequestFlags f) {
        w.field("chargeEnable", f.chargeEnable());
        w.field("dischargeEnable", f.dischargeEnable());
        w.field("forceChargeI", f.forceChargeI());
        w.field("forceChargeII", f.forceChargeII());
        w.field("fullChargeRequest", f.fullChargeRequest());
    }

    static void module(JsonWriter w, ModuleDetails d) {
        number(w, "address", d.address());
        numbers(w, "cellVoltagesVolts", d.cellVoltagesVolts());
        numbers(w, "temperaturesCelsius", d.temperaturesCelsius());
        number(w, "currentAmps", d.currentAmps());
        number(w, "voltageVolts", d.voltageVolts());
        number(w, "remainingCapacityAh", d.remainingCapacityAh());
        number(w, "totalCapacityAh", d.totalCapacityAh());
        number(w, "cycles", d.cycles());
        string(w, "serialNumber", d.serialNumber());
        string(w, "manufacturerVersion", d.manufacturerVersion());
        string(w, "mainlineVersion", d.mainlineVersion());
        number(w, "chargeVoltageLimitVolts", d.chargeVoltageLimitVolts());
        number(w, "dischargeVoltageLimitVolts", d.dischargeVoltageLimitVolts());
        number(w, "chargeCurrentLimitAmps", d.chargeCurrentLimitAmps());
        number(w, "dischargeCurrentLimitAmps", d.dischargeCurrentLimitAmps());
    }

    static void bankInfo(JsonWriter w, BankInfo i) {
        string(w, "deviceName", i.deviceName());
        string(w, "manufacturerName", i.manufacturerName());
        string(w, "softwareVersion", i.softwareVersion());
        if (i.systemParameters().isEmpty()) {
            w.fieldNull("systemParameters");
            return;
        }
        BankInfo.SystemParameters p = i.systemParameters().get();
        w.beginObject("systemParameters");
        number(w, "cellHighVoltageLimitVolts", p.cellHighVoltageLimitVolts());
        number(w, "cellLowVoltageLimitVolts", p.cellLowVoltageLimitVolts());
        number(w, "cellUnderVoltageLimitVolts", p.cellUnderVoltageLimitVolts());
        number(w, "chargeHighTemperatureLimitCelsius", p.chargeHighTemperatureLimitCelsius());
        number(w, "chargeLowTemperatureLimitCelsius", p.chargeLowTemperatureLimitCelsius());
        number(w, "chargeCurrentLimitAmps", p.chargeCurrentLimitAmps());
        number(w, "moduleHighVoltageLimitVolts", p.moduleHighVoltageLimitVolts());
        number(w, "moduleLowVoltageLimitVolts", p.moduleLowVoltageLimitVolts());
        number(w, "moduleUnderVoltageLimitVolts", p.moduleUnderVoltageLimitVolts());
        number(w, "dischargeHighTemperatureLimitCelsius", p.dischargeHighTemperatureLimitCelsius());
        number(w, "dischargeLowTemperatureLimitCelsius", p.dischargeLowTemperatureLimitCelsius());
        number(w, "dischargeCurrentLimitAmps", p.dischargeCurrentLimitAmps());
        w.endObject();
    }

    static void alarm(JsonWriter w, Source source, Alarm alarm, Alarm.Level level) {
        string(w, "source", source.name());
        string(w, "alarm", alarm.name());
        string(w, "level", level.name());
        string(w, "description", alarm.description());
    }

    static void limits(JsonWriter w, PublishedLimits p) {
        number(w, "chargeVoltageLimitVolts", p.chargeVoltageLimitVolts());
        number(w, "chargeCurrentLimitAmps", p.chargeCurrentLimitAmps());
        number(w, "dischargeCurrentLimitAmps", p.dischargeCurrentLimitAmps());
        number(w, "dischargeVoltageLimitVolts", p.dischargeVoltageLimitVolts());
        w.beginObject("provenance");
        provenance(w, "chargeVoltageLimit", p.chargeVoltageLimitProvenance());
        provenance(w, "chargeCurrentLimit", p.chargeCurrentLimitProvenance());
        provenance(w, "dischargeCurrentLimit", p.dischargeCurrentLimitProvenance());
        provenance(w, "dischargeVoltageLimit", p.dischargeVoltageLimitProvenance());
        w.endObject();
    }

    private static void provenance(JsonWriter w, String name, LimitProvenance p) {
        w.beginObject(name);
        string(w, "source", p.source().name());
        number(w, "batteryValue", p.batteryValue());
        string(w, "reason", p.reason());
        w.endObject();
    }

    static void string(JsonWriter w, String name, String value) {
        w.field(name, value);
    }

    static void string(JsonWriter w, String name, Optional<String> value) {
        w.field(name, value.orElse(null));
    }

    static void number(JsonWriter w, String name, double value) {
        w.field(name, value);
    }

    static void number(JsonWriter w, String name, long value) {
        w.field(name, value);
    }

    static void number(JsonWriter w, String name, OptionalDouble value) {
        if (value.isPresent()) {
            w.field(name, value.getAsDouble());
        } else {
            w.fieldNull(name);
        }
    }

    static void number(JsonWriter w, String name, OptionalInt value) {
        if (value.isPresent()) {
            w.field(name, value.getAsInt());
        } else {
            w.fieldNull(name);
        }
    }

    static void numbers(JsonWriter w, String name, List<Double> values) {
        w.beginArray(name);
        for (double v : values) {
            w.value(v);
        }
        w.endArray();
    }
}
