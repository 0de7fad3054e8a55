package io.pylon4j.driver;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Writes a {@link BankEvent} as one line of JSON with stable field names (listed in {@code driver-api/docs/driver-events.md}),
 * using only the JDK. Absent optional values are written as {@code null}; numbers in their shortest plain decimal
 * form; instants in ISO-8601 UTC. Stateless and thread-safe.
 */
public final class BankEventJson {

    private BankEventJson() {
    }

    /** The event as a single-line JSON object. */
    public static String toJson(BankEvent event) {
        Writer w = new Writer();
        w.begin();
        w.field("type").string(event.type().name());
        w.field("bankId").string(event.bankId());
        w.field("at").string(event.at().toString());
        switch (event.type()) {
            case LIMITS_CHANGED -> limits(w, ((BankEvent.LimitsChanged) event).limits());
            case MEASUREMENTS_UPDATED -> {
                BankEvent.MeasurementsUpdated e = (BankEvent.MeasurementsUpdated) event;
                w.field("source").string(e.source().name());
                Measurements m = e.measurements();
                w.field("socPercent").number(m.socPercent());
                w.field("sohPercent").number(m.sohPercent());
                w.field("voltageVolts").number(m.voltageVolts());
                w.field("currentAmps").number(m.currentAmps());
                w.field("temperatureCelsius").number(m.temperatureCelsius());
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
                RequestFlags f = e.flags();
                w.field("chargeEnable").bool(f.chargeEnable());
                w.field("dischargeEnable").bool(f.dischargeEnable());
                w.field("forceChargeI").bool(f.forceChargeI());
                w.field("forceChargeII").bool(f.forceChargeII());
                w.field("fullChargeRequest").bool(f.fullChargeRequest());
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
                ModuleDetails d = e.details();
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
            }
            case SUPERVISION_STATE_CHANGED -> {
                BankEvent.SupervisionStateChanged e = (BankEvent.SupervisionStateChanged) event;
                w.field("previous").string(e.previous().name());
                w.field("current").string(e.current().name());
                w.field("reason").string(e.reason());
            }
        }
        return w.end();
    }

    private static void alarm(Writer w, Source source, Alarm alarm, Alarm.Level level) {
        w.field("source").string(source.name());
        w.field("alarm").string(alarm.name());
        w.field("level").string(level.name());
        w.field("description").string(alarm.description());
    }

    private static void limits(Writer w, PublishedLimits p) {
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

    private static void provenance(Writer w, String name, LimitProvenance p) {
        w.field(name).begin();
        w.field("source").string(p.source().name());
        w.field("batteryValue").number(p.batteryValue());
        w.field("reason").string(p.reason());
        w.close();
    }

    /** A minimal streaming JSON object writer. */
    private static final class Writer {
        private final StringBuilder sb = new StringBuilder(256);
        private boolean first = true;

        void begin() {
            sb.append('{');
            first = true;
        }

        void close() {
            sb.append('}');
            first = false;
        }

        String end() {
            sb.append('}');
            return sb.toString();
        }

        Writer field(String name) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            quote(name);
            sb.append(':');
            return this;
        }

        void string(String s) {
            quote(s);
        }

        void string(Optional<String> s) {
            if (s.isPresent()) {
                quote(s.get());
            } else {
                sb.append("null");
            }
        }

        void bool(boolean b) {
            sb.append(b);
        }

        void number(double d) {
            sb.append(Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : "null");
        }

        void number(long n) {
            sb.append(n);
        }

        void number(OptionalDouble d) {
            if (d.isPresent()) {
                number(d.getAsDouble());
            } else {
                sb.append("null");
            }
        }

        void number(OptionalInt n) {
            if (n.isPresent()) {
                number(n.getAsInt());
            } else {
                sb.append("null");
            }
        }

        void numbers(List<Double> values) {
            sb.append('[');
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                number(values.get(i));
            }
            sb.append(']');
        }

        private void quote(String s) {
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            sb.append('"');
        }
    }
}
