package io.pylon4j.driver;

import io.pylon4j.transport.time.Moment;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a {@link BankStatus} as one line of JSON (for {@code pylon monitor} and a retained MQTT status topic), with
 * the same field names as the events ({@code docs/driver-events.md}) and the age of every field at a
 * given instant. Stateless and thread-safe.
 */
public final class BankStatusJson {

    private BankStatusJson() {
    }

    /**
     * The snapshot as a single-line JSON object, with ages computed at {@code now} on the monotonic scale (the
     * driver's {@link PylonDriver#now()}); instants are the wall-clock readings, for display.
     * @param s   the snapshot
     * @param now the moment to compute ages at, from the same driver
     * @return the JSON object, on one line, without a line end
     */
    public static String toJson(BankStatus s, Moment now) {
        JsonWriter w = new JsonWriter();
        w.begin();
        w.field("bankId").string(s.bankId());
        w.field("at").string(s.at().toString());
        w.field("supervision").begin();
        w.field("state").string(s.supervisionState().name());
        w.field("since").string(s.supervisionSince().toString());
        w.field("reason").string(s.supervisionReason());
        w.close();
        w.field("published").begin();
        BankEventJson.limits(w, s.publishedLimits());
        w.close();
        w.field("battery");
        if (s.batteryLimits().isPresent()) {
            Limits l = s.batteryLimits().get();
            w.begin();
            w.field("chargeVoltageLimitVolts").number(l.chargeVoltageLimitVolts());
            w.field("chargeCurrentLimitAmps").number(l.chargeCurrentLimitAmps());
            w.field("dischargeCurrentLimitAmps").number(l.dischargeCurrentLimitAmps());
            w.field("dischargeVoltageLimitVolts").number(l.dischargeVoltageLimitVolts());
            w.close();
        } else {
            w.nullValue();
        }
        w.field("measurements").begin();
        BankEventJson.measurements(w, s.measurements());
        w.close();
        w.field("activeAlarms").beginArray();
        for (ActiveAlarm a : s.activeAlarms()) {
            w.element().begin();
            w.field("alarm").string(a.alarm().name());
            w.field("level").string(a.level().name());
            w.field("description").string(a.alarm().description());
            w.close();
        }
        w.closeArray();
        w.field("requestFlags");
        if (s.requestFlags().isPresent()) {
            w.begin();
            BankEventJson.flags(w, s.requestFlags().get());
            w.close();
        } else {
            w.nullValue();
        }
        w.field("moduleCount").number(s.moduleCount());
        w.field("modules").beginArray();
        for (ModuleDetails d : s.modules().values()) {
            w.element().begin();
            BankEventJson.module(w, d);
            w.field("ageSeconds");
            age(w, s.moduleAge(d.address(), now));
            w.close();
        }
        w.closeArray();
        w.field("bankInfo");
        if (s.bankInfo().isPresent()) {
            w.begin();
            BankEventJson.bankInfo(w, s.bankInfo().get());
            w.close();
        } else {
            w.nullValue();
        }
        w.field("fields").begin();
        for (Map.Entry<BankField, FieldStamp> e : s.stamps().entrySet()) {
            w.field(e.getKey().name()).begin();
            w.field("source").string(e.getValue().source().name());
            w.field("at").string(e.getValue().at().toString());
            w.field("ageSeconds");
            age(w, s.age(e.getKey(), now));
            w.close();
        }
        w.close();
        w.field("sources").begin();
        for (SourceStatus src : s.sources().values()) {
            w.field(src.source().name()).begin();
            w.field("lastReceived").string(src.lastReceived().map(Instant::toString));
            w.field("ageSeconds");
            age(w, src.age(now));
            w.field("link").string(src.link().map(Enum::name));
            w.field("linkCause").string(src.linkCause());
            w.field("linkSince").string(src.linkStatus().map(l -> l.since().toString()));
            w.close();
        }
        w.close();
        return w.end();
    }

    private static void age(JsonWriter w, Optional<Duration> age) {
        if (age.isPresent()) {
            w.number(age.get().toMillis() / 1000.0);
        } else {
            w.nullValue();
        }
    }
}
