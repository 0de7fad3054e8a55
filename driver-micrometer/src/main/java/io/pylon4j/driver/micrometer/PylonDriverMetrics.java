package io.pylon4j.driver.micrometer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.pylon4j.driver.BankField;
import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.DriverCounters;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.driver.SlidingRate;
import io.pylon4j.driver.Source;
import io.pylon4j.driver.SupervisionState;
import io.pylon4j.transport.ConnectionState;

import io.pylon4j.transport.time.TimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Binds one {@link PylonDriver}'s metrics to a Micrometer {@link MeterRegistry}: a {@link FunctionCounter} per
 * {@link DriverCounters} counter, and gauges for its one gauge (the silent LV-Hub groups), the frame rates, the supervision state and the age of every
 * {@link BankField}. Every meter is tagged {@code bank=<bank id>} plus the caller's tags.
 *
 * <pre>{@code
 * PylonDriverMetrics metrics = new PylonDriverMetrics(driver, Tags.of("site", "garage"));
 * metrics.bindTo(prometheusRegistry);
 * }</pre>
 *
 * <table>
 * <caption>Meters</caption>
 * <tr><th>name</th><th>type</th><th>unit</th><th>from</th></tr>
 * <tr><td>{@code pylon4j.can.frames}, {@code .malformed}, {@code .unknown}</td><td>counter</td><td>frames</td>
 *     <td>{@link DriverCounters#canFrames()}, …</td></tr>
 * <tr><td>{@code pylon4j.can.keepalives.sent}, {@code .skipped}</td><td>counter</td><td></td><td></td></tr>
 * <tr><td>{@code pylon4j.can.inverter.measurement.failures}, {@code .missing}</td><td>counter</td><td></td>
 *     <td>{@link DriverCounters#inverterMeasurementFailures()}, …</td></tr>
 * <tr><td>{@code pylon4j.rs485.requests}, {@code .replies}, {@code .retries}, {@code .timeouts},
 *     {@code .rejections}, {@code .bad.frames}, {@code .checksum.errors}, {@code .cycles},
 *     {@code .requests.skipped}, {@code .group.silences}, {@code .baud.switches}</td><td>counter</td>
 *     <td></td><td></td></tr>
 * <tr><td>{@code pylon4j.rs485.groups.silent}</td><td>gauge</td><td>groups</td>
 *     <td>{@link DriverCounters#rs485SilentGroups()}: the LV-Hub groups silent now</td></tr>
 * <tr><td>{@code pylon4j.rs485.resync}</td><td>counter</td><td>bytes</td><td>{@link DriverCounters#rs485Resyncs()}
 *     </td></tr>
 * <tr><td>{@code pylon4j.reconnects}, {@code pylon4j.events.dropped}, {@code pylon4j.listener.failures},
 *     {@code pylon4j.events.coalesced}</td>
 *     <td>counter</td><td></td><td></td></tr>
 * <tr><td>{@code pylon4j.can.frames.per.second}, {@code pylon4j.rs485.replies.per.second},
 *     {@code pylon4j.bad.frames.per.second}</td><td>gauge</td><td>1/s</td><td>{@link SlidingRate}</td></tr>
 * <tr><td>{@code pylon4j.supervision.state}, tag {@code state}</td><td>gauge</td><td>1 for the current state,
 *     0 for the others</td><td>{@link BankStatus#supervisionState()}</td></tr>
 * <tr><td>{@code pylon4j.supervision.state.age}</td><td>gauge</td><td>seconds</td><td>time in that state</td></tr>
 * <tr><td>{@code pylon4j.link.up}, tag {@code source} ({@code CAN}, {@code RS485})</td><td>gauge</td><td>1
 *     connected, 0 not (the cause: JMX {@code CanLinkCause}/{@code Rs485LinkCause}, {@link BankStatus#sources()}),
 *     NaN no state reported</td><td>{@link io.pylon4j.driver.SourceStatus#link()}</td></tr>
 * <tr><td>{@code pylon4j.field.age}, tag {@code field} ({@code limits}, {@code soc}, …)</td><td>gauge</td>
 *     <td>seconds; NaN until the field first received a value</td><td>{@link BankStatus#age}</td></tr>
 * </table>
 *
 * <p><b>Lifetime.</b> The meters hold the driver until they are removed, which happens when this binder is
 * {@linkplain #close() closed} or, whichever comes first, when the driver closes ({@link PylonDriver#whenClosed()});
 * binding after that registers nothing. Rates are sampled when read ({@link SlidingRate}): with one registry
 * scraping every 30 s a rate is the average over the last 30 s; bind one binder to one registry (a composite
 * registry if there are several) so that the scrapes do not share the rate's samples.
 */
public final class PylonDriverMetrics implements MeterBinder, AutoCloseable {

    /** One {@link DriverCounters} component as a counter meter; package-visible for the wiring test. */
    record CounterMeter(String component, String name, String baseUnit, String description,
                        ToLongFunction<DriverCounters> value) {
    }

    /** Every counter of {@link DriverCounters}, in its order; a test checks that none is missing. */
    static final List<CounterMeter> COUNTERS = List.of(
            new CounterMeter("canFrames", "pylon4j.can.frames", "frames", "CAN frames received",
                    DriverCounters::canFrames),
            new CounterMeter("canMalformed", "pylon4j.can.malformed", "frames", "CAN frames that failed to decode",
                    DriverCounters::canMalformed),
            new CounterMeter("canUnknown", "pylon4j.can.unknown", "frames", "CAN frames with an unknown id",
                    DriverCounters::canUnknown),
            new CounterMeter("keepAlivesSent", "pylon4j.can.keepalives.sent", null,
                    "inverter keep-alive frames sent (0x305, 0x307)", DriverCounters::keepAlivesSent),
            new CounterMeter("keepAlivesSkipped", "pylon4j.can.keepalives.skipped", null,
                    "keep-alive rounds skipped while the CAN link was down", DriverCounters::keepAlivesSkipped),
            new CounterMeter("inverterMeasurementFailures", "pylon4j.can.inverter.measurement.failures", null,
                    "SMA keep-alives sent as 8 x 00 because the measurement source threw or returned null",
                    DriverCounters::inverterMeasurementFailures),
            new CounterMeter("inverterMeasurementsMissing", "pylon4j.can.inverter.measurement.missing", null,
                    "SMA keep-alives sent as 8 x 00 because the measurement source had no value",
                    DriverCounters::inverterMeasurementsMissing),
            new CounterMeter("rs485Requests", "pylon4j.rs485.requests", null, "RS485 requests written, retries too",
                    DriverCounters::rs485Requests),
            new CounterMeter("rs485Replies", "pylon4j.rs485.replies", null, "RS485 replies decoded and applied",
                    DriverCounters::rs485Replies),
            new CounterMeter("rs485Retries", "pylon4j.rs485.retries", null, "RS485 requests repeated after a timeout",
                    DriverCounters::rs485Retries),
            new CounterMeter("rs485Timeouts", "pylon4j.rs485.timeouts", null,
                    "RS485 requests given up after every retry timed out", DriverCounters::rs485Timeouts),
            new CounterMeter("rs485Rejections", "pylon4j.rs485.rejections", null, "RS485 replies with RTN != 0",
                    DriverCounters::rs485Rejections),
            new CounterMeter("rs485BadFrames", "pylon4j.rs485.bad.frames", "frames",
                    "RS485 frames failing checksum, length or layout, or unasked", DriverCounters::rs485BadFrames),
            new CounterMeter("rs485ChecksumErrors", "pylon4j.rs485.checksum.errors", "frames",
                    "RS485 frames with a CHKSUM or LCHKSUM mismatch (also counted as bad frames)",
                    DriverCounters::rs485ChecksumErrors),
            new CounterMeter("rs485Resyncs", "pylon4j.rs485.resync", "bytes",
                    "bytes the RS485 reader discarded while resynchronising", DriverCounters::rs485Resyncs),
            new CounterMeter("rs485Cycles", "pylon4j.rs485.cycles", null, "RS485 poll cycles started",
                    DriverCounters::rs485Cycles),
            new CounterMeter("rs485RequestsSkipped", "pylon4j.rs485.requests.skipped", null,
                    "RS485 requests not sent because their group was silent (its probe went unanswered)",
                    DriverCounters::rs485RequestsSkipped),
            new CounterMeter("reconnects", "pylon4j.reconnects", null, "links that came up again after being down",
                    DriverCounters::reconnects),
            new CounterMeter("baudSwitches", "pylon4j.rs485.baud.switches", null,
                    "RS485 baud-rate changes made by baud detection", DriverCounters::baudSwitches),
            new CounterMeter("droppedEvents", "pylon4j.events.dropped", null,
                    "events dropped from full subscriber queues (always 0: they coalesce)",
                    DriverCounters::droppedEvents),
            new CounterMeter("listenerFailures", "pylon4j.listener.failures", null,
                    "exceptions thrown by event listeners", DriverCounters::listenerFailures),
            new CounterMeter("implausibleValues", "pylon4j.limits.implausible", null,
                    "battery limits refused by the plausibility gate (counted as missing)",
                    DriverCounters::implausibleValues),
            new CounterMeter("coalescedEvents", "pylon4j.events.coalesced", null,
                    "events superseded by a newer one about the same thing in a full subscriber queue",
                    DriverCounters::coalescedEvents),
            new CounterMeter("rs485LateReplies", "pylon4j.rs485.late.replies", "frames",
                    "RS485 replies after their request's timeout, discarded (also counted as bad frames)",
                    DriverCounters::rs485LateReplies),
            new CounterMeter("rs485RepliesNotMatchingRequest", "pylon4j.rs485.replies.not.matching", "frames",
                    "RS485 frames that did not fit the request in flight (also counted as bad frames)",
                    DriverCounters::rs485RepliesNotMatchingRequest),
            new CounterMeter("rs485GroupSilences", "pylon4j.rs485.group.silences", null,
                    "times an RS485 group behind an LV-Hub fell silent (its modules left the status)",
                    DriverCounters::rs485GroupSilences));

    /**
     * The {@link DriverCounters} components that are gauges, not counters (they fall as well as grow), registered as
     * gauges; with {@link #COUNTERS}, every component in its order (the wiring test checks it).
     */
    static final List<CounterMeter> GAUGES = List.of(
            new CounterMeter("rs485SilentGroups", "pylon4j.rs485.groups.silent", null,
                    "RS485 groups behind an LV-Hub that are silent now", DriverCounters::rs485SilentGroups));

    private final PylonDriver driver;
    private final Tags tags;
    private final TimeSource time;
    private final SlidingRate canFrames;
    private final SlidingRate rs485Replies;
    private final SlidingRate badFrames;
    /** Per bound registry, the meters registered there; guarded by this. */
    private final List<Bound> bound = new ArrayList<>();
    private boolean closed;

    private record Bound(MeterRegistry registry, List<Meter> meters) {
    }

    /**
     * Meters for {@code driver}, tagged {@code bank=<id>}.
     *
     * @param driver the driver whose counters, rates, state and field ages the meters read
     */
    public PylonDriverMetrics(PylonDriver driver) {
        this(driver, Tags.empty());
    }

    /**
     * Meters for {@code driver}, tagged {@code bank=<id>} and {@code tags}.
     *
     * @param driver the driver whose counters, rates, state and field ages the meters read
     * @param tags more tags for every meter (an application's site or inverter, say)
     * @throws IllegalArgumentException if {@code tags} has its own {@code bank} tag
     */
    public PylonDriverMetrics(PylonDriver driver, Iterable<Tag> tags) {
        this.driver = Objects.requireNonNull(driver, "driver");
        Tags extra = Tags.of(Objects.requireNonNull(tags, "tags"));
        if (extra.stream().anyMatch(t -> t.getKey().equals("bank"))) {
            throw new IllegalArgumentException("the bank tag is set from the driver's bank id: " + extra);
        }
        this.tags = extra.and("bank", driver.bankId());
        this.time = driver.options().time();
        this.canFrames = new SlidingRate(() -> driver.counters().canFrames(), time);
        this.rs485Replies = new SlidingRate(() -> driver.counters().rs485Replies(), time);
        this.badFrames = new SlidingRate(() -> {
            DriverCounters c = driver.counters();
            return c.canMalformed() + c.rs485BadFrames();
        }, time);
        driver.whenClosed().thenRun(this::close);
    }

    /**
     * The tags every meter carries: the caller's and {@code bank}.
     *
     * @return the tags
     */
    public Tags tags() {
        return tags;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        synchronized (this) {
            if (closed) {
                return; // the driver is gone: nothing left to measure
            }
        }
        List<Meter> meters = new ArrayList<>();
        for (CounterMeter c : COUNTERS) {
            ToLongFunction<DriverCounters> value = c.value();
            FunctionCounter.Builder<PylonDriver> b = FunctionCounter
                    .builder(c.name(), driver, d -> value.applyAsLong(d.counters()))
                    .description(c.description()).tags(tags);
            if (c.baseUnit() != null) {
                b.baseUnit(c.baseUnit());
            }
            meters.add(b.register(registry));
        }
        for (CounterMeter g : GAUGES) {
            ToLongFunction<DriverCounters> value = g.value();
            meters.add(gauge(registry, g.name(), g.description(), g.baseUnit(), Tags.empty(),
                    d -> value.applyAsLong(d.counters())));
        }
        meters.add(gauge(registry, "pylon4j.can.frames.per.second", "CAN frames received per second", null,
                Tags.empty(), d -> canFrames.perSecond()));
        meters.add(gauge(registry, "pylon4j.rs485.replies.per.second", "RS485 replies applied per second", null,
                Tags.empty(), d -> rs485Replies.perSecond()));
        meters.add(gauge(registry, "pylon4j.bad.frames.per.second",
                "CAN malformed plus RS485 bad frames per second", null, Tags.empty(), d -> badFrames.perSecond()));
        for (SupervisionState state : SupervisionState.values()) {
            meters.add(gauge(registry, "pylon4j.supervision.state", "1 for the current supervision state, else 0",
                    null, Tags.of("state", state.name()),
                    d -> d.status().supervisionState() == state ? 1 : 0));
        }
        meters.add(gauge(registry, "pylon4j.supervision.state.age", "time in the current supervision state",
                "seconds", Tags.empty(), d -> seconds(d.status().supervisionAge(time.now()))));
        for (Source source : Source.values()) {
            // up or not as a number to alert on; the cause is text, so it is in JMX and the status, not a meter
            meters.add(gauge(registry, "pylon4j.link.up", "1 while the link's transport is connected, 0 while not, "
                    + "NaN when the driver has reported no state for it", null, Tags.of("source", source.name()),
                    d -> d.status().source(source).link().map(l -> l == ConnectionState.CONNECTED ? 1.0 : 0.0)
                            .orElse(Double.NaN)));
        }
        for (BankField field : BankField.values()) {
            meters.add(gauge(registry, "pylon4j.field.age", "time since the field last received a value",
                    "seconds", Tags.of("field", fieldTag(field)), d -> d.status().age(field, time.now())
                            .map(PylonDriverMetrics::seconds).orElse(Double.NaN)));
        }
        boolean removeNow;
        synchronized (this) {
            removeNow = closed; // closed while registering: do not leave meters behind
            if (!removeNow) {
                bound.add(new Bound(registry, meters));
            }
        }
        if (removeNow) {
            meters.forEach(registry::remove);
        }
    }

    private Gauge gauge(MeterRegistry registry, String name, String description, String baseUnit, Tags more,
                        ToDoubleFunction<PylonDriver> value) {
        // strong: the gauge's function is all that keeps the rate rings alive once the caller drops this binder
        Gauge.Builder<PylonDriver> b = Gauge.builder(name, driver, value).description(description)
                .tags(tags.and(more)).strongReference(true);
        if (baseUnit != null) {
            b.baseUnit(baseUnit);
        }
        return b.register(registry);
    }

    /** The {@code field} tag of {@code field}: its name in lower case ({@code request_flags}). */
    static String fieldTag(BankField field) {
        return field.name().toLowerCase(Locale.ROOT);
    }

    private static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }

    /** Removes every meter this binder registered, from every registry; idempotent. */
    @Override
    public void close() {
        List<Bound> toRemove;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toRemove = List.copyOf(bound);
            bound.clear();
        }
        for (Bound b : toRemove) {
            b.meters().forEach(b.registry()::remove);
        }
    }
}
