package io.pylon4j.web;

import io.pylon4j.driver.BankEvent;
import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.BankStatusJson;
import io.pylon4j.driver.Measurements;
import io.pylon4j.driver.PublishedLimits;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.driver.Source;
import io.pylon4j.driver.commission.Commissioning;
import io.pylon4j.driver.commission.Expectations;
import io.pylon4j.driver.commission.Observation;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What the view knows beyond the driver's snapshot: the history ring, the alarm log and the last minute of
 * snapshots for the commissioning checks, and the one status document built from them (the same for
 * {@code /api/status} and every live update).
 */
final class ViewState implements WebHandler.Source {

    /** Snapshots kept for the commissioning checks run from the page: the last minute at one a second. */
    static final int COMMISSIONING_SAMPLES = 60;

    /** How far back the commissioning checks run from the page look: the last minute. */
    static final Duration COMMISSIONING_WINDOW = Duration.ofMinutes(1);

    /** Alarm log entries kept. */
    static final int ALARM_LOG_ENTRIES = 100;

    private final PylonDriver driver;
    private final HistoryRing history;
    private final AlarmLog alarmLog = new AlarmLog(ALARM_LOG_ENTRIES);
    private final Supplier<?> webCounters;
    private final BankFrameWindow canFrames;
    private record Sampled(BankStatus status, long nanos) {
    }

    private final ArrayDeque<Sampled> recent = new ArrayDeque<>(COMMISSIONING_SAMPLES);
    private final AtomicLong samples = new AtomicLong();

    ViewState(PylonDriver driver, int historySamples, BankFrameWindow canFrames, Supplier<?> webCounters) {
        this.driver = driver;
        this.canFrames = canFrames;
        this.history = new HistoryRing(historySamples);
        this.webCounters = webCounters;
    }

    void onEvent(BankEvent event) {
        alarmLog.onEvent(event);
    }

    /** Adds one snapshot to the history and to the commissioning window. */
    void record(BankStatus s) {
        Measurements m = s.measurements();
        PublishedLimits p = s.publishedLimits();
        history.add(s.at().toEpochMilli() / 1000.0, value(m.socPercent()), value(m.voltageVolts()),
                value(m.currentAmps()), p.chargeVoltageLimitVolts(), p.chargeCurrentLimitAmps(),
                p.dischargeCurrentLimitAmps(), value(m.temperatureCelsius()));
        long now = driver.now().nanos();
        synchronized (recent) {
            if (recent.size() == COMMISSIONING_SAMPLES) {
                recent.removeFirst();
            }
            recent.addLast(new Sampled(s, now));
        }
        samples.incrementAndGet();
    }

    long samples() {
        return samples.get();
    }

    HistoryRing history() {
        return history;
    }

    @Override
    public String statusJson() {
        StringBuilder out = new StringBuilder(4096);
        out.append("{\"status\":").append(BankStatusJson.toJson(driver.status(), driver.now()));
        out.append(",\"sample\":").append(history.newestJson());
        out.append(",\"alarmLog\":").append(alarmLog.toJson());
        out.append(",\"counters\":");
        recordJson(out, driver.counters());
        out.append(",\"web\":");
        recordJson(out, webCounters.get());
        return out.append('}').toString();
    }

    @Override
    public String historyJson() {
        return history.toJson();
    }

    /**
     * The standard commissioning checks over the last minute of snapshots, judged with the installer's
     * {@code expected} values (those the page's form gave, over the view's defaults; checks that need one not given
     * are skipped), and over the last minute of the bank's CAN frames for {@code single-can-master}. Read-only: it
     * evaluates what was already observed and keeps nothing of the request. A driver without CAN reads RS485 only,
     * and that check says it does not apply. The report's JSON gets an {@code expectations} member first, so that the
     * page shows what it was judged against.
     */
    @Override
    public String commissioningJson(Expectations expected) {
        List<BankStatus> window;
        Duration length;
        synchronized (recent) {
            window = recent.stream().map(Sampled::status).toList();
            length = recent.isEmpty() ? Duration.ZERO
                    : Duration.ofNanos(recent.getLast().nanos() - recent.getFirst().nanos());
        }
        boolean can = canFrames != null;
        // the transport stamps frames on the System.nanoTime() scale (CanFrameListener), whatever the driver's clock
        List<Observation.SeenFrame> frames = can ? canFrames.frames(System.nanoTime()) : List.of();
        boolean rs485 = !can || driver.status().sources().containsKey(Source.RS485);
        Observation o = new Observation(window, frames, 0, driver.counters(), can, rs485, length);
        String report = Commissioning.evaluate(o, expected).toJson();
        return "{\"expectations\":" + expectationsJson(expected) + "," + report.substring(1);
    }

    /** The expectations as the query takes them: modules, groups, moduleChargeAmps, newModules (positions). */
    static String expectationsJson(Expectations e) {
        StringBuilder out = new StringBuilder(96).append("{\"modules\":");
        out.append(e.modules().isPresent() ? String.valueOf(e.modules().getAsInt()) : "null");
        out.append(",\"groups\":").append(e.groups());
        out.append(",\"moduleChargeAmps\":");
        out.append(e.rating().map(r -> String.valueOf(r.chargeCurrentAmps())).orElse("null"));
        out.append(",\"newModules\":[");
        // RS485 address back to the position in group 0 the installer gave (ADR 2: the master, docs/protocol.md §2.3)
        out.append(e.newModuleAddresses().stream().sorted().map(a -> String.valueOf(a - 1))
                .collect(java.util.stream.Collectors.joining(",")));
        return out.append("]}").toString();
    }

    /** A record of numbers as a flat JSON object, one field per component, in declaration order. */
    static void recordJson(StringBuilder out, Object record) {
        out.append('{');
        RecordComponent[] components = record.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"').append(components[i].getName()).append("\":");
            try {
                out.append(components[i].getAccessor().invoke(record));
            } catch (ReflectiveOperationException e) {
                out.append("null");
            }
        }
        out.append('}');
    }

    private static double value(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : Double.NaN;
    }
}
