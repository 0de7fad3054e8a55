package io.pylon4j.driver;


/**
 * Writes a {@link BankEvent} as one line of JSON with stable field names (listed in {@code docs/driver-events.md}),
 * using only the JDK. Absent optional values are written as {@code null}; numbers in their shortest plain decimal
 * form; instants in ISO-8601 UTC. Stateless and thread-safe.
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
        JsonWriter w = new JsonWriter();
        w.begin();
        w.field("type").string(event.type().name());
        w.field("bankId").string(event.bankId());
        w.field("at").string(event.at().toString());
        switch (event.type()) {
            case LIMITS_CHANGED -> limits(w, ((BankEvent.LimitsChanged) event).limits());
            case MEASUREMENTS_UPDATED -> {
                BankEvent.MeasurementsUpdated e = (BankEvent.MeasurementsUpdated) event;
                w.field("source").string(e.source().name());
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
                w.field("source").string(e.source().name());
                flags(w, e.flags());
            }
            case MODULE_COUNT_CHANGED -> {
                BankEvent.ModuleCountChanged e = (BankEvent.ModuleCountChanged) event;
                w.field("source").string(e.source().name());
                w.field("previous").number(e.previous());
                w.field("current").number(e.current());
            }
            case MODULE_DETAILS_UPDATED -> {
                BankEvent.ModuleDetailsUpdated e = (BankEvent.ModuleDetailsUpdated) event;
                w.field("source").string(e.source().name());
                module(w, e.details());
            }
            case MODULE_LEFT -> {
                BankEvent.ModuleLeft e = (BankEvent.ModuleLeft) event;
                w.field("source").string(e.source().name());
                w.field("address").number(e.address());
            }
            case BANK_INFO_UPDATED -> {
                BankEvent.BankInfoUpdated e = (BankEvent.BankInfoUpdated) event;
                w.field("source").string(e.source().name());
                bankInfo(w, e.info());
            }
            case SUPERVISION_STATE_CHANGED -> {
                BankEvent.SupervisionStateChanged e = (BankEvent.SupervisionStateChanged) event;
                w.field("previous").string(e.previous().name());
                w.field("current").string(e.current().name());
                w.field("reason").string(e.reason());
            }
            case LINK_STATE_CHANGED -> {
                BankEvent.LinkStateChanged e = (BankEvent.LinkStateChanged) event;
                w.field("source").string(e.source().name());
                w.field("previous").string(e.previous().name());
                w.field("current").string(e.current().name());
                w.field("cause").string(e.cause());
                w.field("attempt").number(e.attempt());
                w.field("nextAttemptSeconds").number(e.nextAttemptDelay().toMillis() / 1000.0);
            }
        }
        return w.end();
    }

    static void measurements(JsonWriter w, Measurements m) {
        w.field("socPercent").number(m.socPercent());
        w.field("sohPercent").number(m.sohPercent());
        w.field("voltageVolts").number(m.voltageVolts());
        w.field("currentAmps").number(m.currentAmps());
        w.field("temperatureCelsius").number(m.temperatureCelsius());
    }

    static void flags(JsonWriter w, RequestFlags f) {
        w.field("chargeEnable").bool(f.chargeEnable());
        w.field("dischargeEnable").bool(f.dischargeEnable());
        w.field("forceChargeI").bool(f.forceChargeI());
        w.field("forceChargeII").bool(f.forceChargeII());
        w.field("fullChargeRequest").bool(f.fullChargeRequest());
    }

    static void module(JsonWriter w, ModuleDetails d) {
        w.field("address").number(d.address());
        w.field("cellVoltagesVolts").numbers(d.cellVoltagesVolts());
        w.field("temperaturesCelsius").numbers(d.temperaturesCelsius());
        w.field("currentAmps").number(d.currentAmps());
        w.field("voltageVolts").number(d.voltageVolts());
        w.field("remainingCapacityAh").number(d.remainingCapacityAh());
        w.field("totalCapacityAh").number(d.totalCapacityAh());
        w.field("cycles").number(d.cycles());
        w.field("serialNumber").string(d.serialNumber());
        w.field("manufacturerVersion").string(d.manufacturerVersion());
        w.field("mainlineVersion").string(d.mainlineVersion());
        w.field("chargeVoltageLimitVolts").number(d.chargeVoltageLimitVolts());
        w.field("dischargeVoltageLimitVolts").number(d.dischargeVoltageLimitVolts());
        w.field("chargeCurrentLimitAmps").number(d.chargeCurrentLimitAmps());
        w.field("dischargeCurrentLimitAmps").number(d.dischargeCurrentLimitAmps());
    }

    static void bankInfo(JsonWriter w, BankInfo i) {
        w.field("deviceName").string(i.deviceName());
        w.field("manufacturerName").string(i.manufacturerName());
        w.field("softwareVersion").string(i.softwareVersion());
        w.field("systemParameters");
        if (i.systemParameters().isEmpty()) {
            w.nullValue();
            return;
        }
        BankInfo.SystemParameters p = i.systemParameters().get();
        w.begin();
        w.field("cellHighVoltageLimitVolts").number(p.cellHighVoltageLimitVolts());
        w.field("cellLowVoltageLimitVolts").number(p.cellLowVoltageLimitVolts());
        w.field("cellUnderVoltageLimitVolts").number(p.cellUnderVoltageLimitVolts());
        w.field("chargeHighTemperatureLimitCelsius").number(p.chargeHighTemperatureLimitCelsius());
        w.field("chargeLowTemperatureLimitCelsius").number(p.chargeLowTemperatureLimitCelsius());
        w.field("chargeCurrentLimitAmps").number(p.chargeCurrentLimitAmps());
        w.field("moduleHighVoltageLimitVolts").number(p.moduleHighVoltageLimitVolts());
        w.field("moduleLowVoltageLimitVolts").number(p.moduleLowVoltageLimitVolts());
        w.field("moduleUnderVoltageLimitVolts").number(p.moduleUnderVoltageLimitVolts());
        w.field("dischargeHighTemperatureLimitCelsius").number(p.dischargeHighTemperatureLimitCelsius());
        w.field("dischargeLowTemperatureLimitCelsius").number(p.dischargeLowTemperatureLimitCelsius());
        w.field("dischargeCurrentLimitAmps").number(p.dischargeCurrentLimitAmps());
        w.close();
    }

    static void alarm(JsonWriter w, Source source, Alarm alarm, Alarm.Level level) {
        w.field("source").string(source.name());
        w.field("alarm").string(alarm.name());
        w.field("level").string(level.name());
        w.field("description").string(alarm.description());
    }

    static void limits(JsonWriter w, PublishedLimits p) {
        w.field("chargeVoltageLimitVolts").number(p.chargeVoltageLimitVolts());
        w.field("chargeCurrentLimitAmps").number(p.chargeCurrentLimitAmps());
        w.field("dischargeCurrentLimitAmps").number(p.dischargeCurrentLimitAmps());
        w.field("dischargeVoltageLimitVolts").number(p.dischargeVoltageLimitVolts());
        w.field("provenance").begin();
        provenance(w, "chargeVoltageLimit", p.chargeVoltageLimitProvenance());
        provenance(w, "chargeCurrentLimit", p.chargeCurrentLimitProvenance());
        provenance(w, "dischargeCurrentLimit", p.dischargeCurrentLimitProvenance());
        provenance(w, "dischargeVoltageLimit", p.dischargeVoltageLimitProvenance());
        w.close();
    }

    private static void provenance(JsonWriter w, String name, LimitProvenance p) {
        w.field(name).begin();
        w.field("source").string(p.source().name());
        w.field("batteryValue").number(p.batteryValue());
        w.field("reason").string(p.reason());
        w.close();
    }
}
