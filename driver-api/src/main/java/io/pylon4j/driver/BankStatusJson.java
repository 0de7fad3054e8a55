package io.pylon4j.driver;

import io.pylon4j.driver.json.JsonWriter;
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
        JsonWriter w = new JsonWriter(4096);
        w.beginObject();
        BankEventJson.string(w, "bankId", s.bankId());
        BankEventJson.string(w, "at", s.at().toString());
        w.beginObject("supervision");
        BankEventJson.string(w, "state", s.supervisionState().name());
        BankEventJson.string(w, "since", s.supervisionSince().toString());
        BankEventJson.string(w, "reason", s.supervisionReason());
        w.endObject();
        w.beginObject("published");
        BankEventJson.limits(w, s.publishedLimits());
        w.endObject();
        if (s.batteryLimits().isPresent()) {
            Limits l = s.batteryLimits().get();
            w.beginObject("battery");
            BankEventJson.number(w, "chargeVoltageLimitVolts", l.chargeVoltageLimitVolts());
            BankEventJson.number(w, "chargeCurrentLimitAmps", l.chargeCurrentLimitAmps());
            BankEventJson.number(w, "dischargeCurrentLimitAmps", l.dischargeCurrentLimitAmps());
            BankEventJson.number(w, "dischargeVoltageLimitVolts", l.dischargeVoltageLimitVolts());
            w.endObject();
        } else {
            w.fieldNull("battery");
        }
        w.beginObject("measurements");
        BankEventJson.measurements(w, s.measurements());
        w.endObject();
        w.beginArray("activeAlarms");
        for (ActiveAlarm a : s.activeAlarms()) {
            w.beginObject();
            BankEventJson.string(w, "alarm", a.alarm().name());
            BankEventJson.string(w, "level", a.level().name());
            BankEventJson.string(w, "description", a.alarm().description());
            w.endObject();
        }
        w.endArray();
        if (s.requestFlags().isPresent()) {
            w.beginObject("requestFlags");
            BankEventJson.flags(w, s.requestFlags().get());
            w.endObject();
        } else {
            w.fieldNull("requestFlags");
        }
        BankEventJson.number(w, "moduleCount", s.moduleCount());
        w.beginArray("modules");
        for (ModuleDetails d : s.modules().values()) {
            w.beginObject();
            BankEventJson.module(w, d);
            age(w, s.moduleAge(d.address(), now));
            w.endObject();
        }
        w.endArray();
        if (s.bankInfo().isPresent()) {
            w.beginObject("bankInfo");
            BankEventJson.bankInfo(w, s.bankInfo().get());
            w.endObject();
        } else {
            w.fieldNull("bankInfo");
        }
        w.beginObject("fields");
        for (Map.Entry<BankField, FieldStamp> e : s.stamps().entrySet()) {
            w.beginObject(e.getKey().name());
            BankEventJson.string(w, "source", e.getValue().source().name());
            BankEventJson.string(w, "at", e.getValue().at().toString());
            age(w, s.age(e.getKey(), now));
            w.endObject();
        }
        w.endObject();
        w.beginObject("sources");
        for (SourceStatus src : s.sources().values()) {
            w.beginObject(src.source().name());
            BankEventJson.string(w, "lastReceived", src.lastReceived().map(Instant::toString));
            age(w, src.age(now));
            BankEventJson.string(w, "link", src.link().map(Enum::name));
            BankEventJson.string(w, "linkCause", src.linkCause());
            BankEventJson.string(w, "linkSince", src.linkStatus().map(l -> l.since().toString()));
            w.endObject();
        }
        w.endObject();
        if (!s.silentGroups().isEmpty()) { // only then: without an LV-Hub, or with every group answering, as before
            w.beginArray("silentGroups");
            for (SilentGroup g : s.silentGroups()) {
                w.beginObject();
                BankEventJson.number(w, "group", g.group());
                BankEventJson.string(w, "since", g.since().toString());
                BankEventJson.string(w, "reason", g.reason());
                w.endObject();
            }
            w.endArray();
        }
        return w.endObject().drainLine();
    }

    /** An age in seconds, exact to the millisecond ({@code 1.5}, {@code 11}), or {@code null}. */
    private static void age(JsonWriter w, Optional<Duration> age) {
        if (age.isPresent()) {
            w.fieldScaled("ageSeconds", age.get().toMillis(), 3);
        } else {
            w.fieldNull("ageSeconds");
        }
    }
}
