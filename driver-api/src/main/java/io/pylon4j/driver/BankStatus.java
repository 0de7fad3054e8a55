package io.pylon4j.driver;

import io.pylon4j.driver.internal.ModuleMaps;
import io.pylon4j.transport.time.Moment;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * An immutable snapshot of everything known about one bank: the battery's values, the limits published to control
 * software with their provenance, the supervision state, and when and from which link every field last changed.
 * {@link PylonDriver#status()} returns the newest one; it can be read from any thread.
 *
 * @param bankId             the bank
 * @param at                 the time of the newest input this snapshot reflects, on the wall clock (display)
 * @param batteryLimits      the battery's newest limits as sent (not fail-safe), if any arrived
 * @param publishedLimits    what control software should obey, with provenance ({@link LimitPolicy})
 * @param measurements       the newest value of each measurement, merged over links
 * @param activeAlarms       the active conditions, in a stable order
 * @param requestFlags       the newest request flags, if any arrived
 * @param moduleCount        the module count the battery reports, if known
 * @param modules            per-module details by address, ascending
 * @param supervisionState   the supervision state
 * @param supervisionSince   when it was entered, on the wall clock (display)
 * @param supervisionReason  why it was entered
 * @param stamps             when and from which link each field last received a value
 * @param moduleStamps       the same per module address
 * @param sources            per link: when it last delivered and its transport state
 * @param bankInfo           what the bank says about itself (RS485 0x51, 0x47), if anything arrived
 * @param supervisionSinceNanos when the supervision state was entered, on the driver's monotonic scale
 *                           ({@link Moment#nanos()}): what {@link #supervisionAge} is computed from
 * @param moduleAlarms       per module address, ascending: the newest RS485 0x44 block as sent, with its stamp
 *                           (empty for CAN)
 * @param silentGroups       the RS485 groups of a bank behind an LV-Hub that are silent now, by group number, with
 *                           why and since when (empty for CAN and for a bank of one group)
 */
public record BankStatus(String bankId, Instant at, Optional<Limits> batteryLimits, PublishedLimits publishedLimits,
                         Measurements measurements, Set<ActiveAlarm> activeAlarms,
                         Optional<RequestFlags> requestFlags, OptionalInt moduleCount,
                         Map<Integer, ModuleDetails> modules, SupervisionState supervisionState,
                         Instant supervisionSince, String supervisionReason, Map<BankField, FieldStamp> stamps,
                         Map<Integer, FieldStamp> moduleStamps, Map<Source, SourceStatus> sources,
                         Optional<BankInfo> bankInfo, long supervisionSinceNanos,
                         Map<Integer, ModuleAlarmStates> moduleAlarms, List<SilentGroup> silentGroups) {

    /**
     * Checks that nothing is null and copies the collections (alarms sorted, maps unmodifiable, modules ascending).
     *
     * @param bankId                the bank
     * @param at                    the time of the newest input, wall clock
     * @param batteryLimits         the battery's newest limits as sent, if any arrived
     * @param publishedLimits       what control software should obey, with provenance
     * @param measurements          the newest value of each measurement
     * @param activeAlarms          the active conditions
     * @param requestFlags          the newest request flags, if any arrived
     * @param moduleCount           the module count the battery reports, if known
     * @param modules               per-module details by address
     * @param supervisionState      the supervision state
     * @param supervisionSince      when it was entered, wall clock
     * @param supervisionReason     why it was entered
     * @param stamps                when and from which link each field last received a value
     * @param moduleStamps          the same per module address
     * @param sources               per link: when it last delivered and its transport state
     * @param bankInfo              what the bank says about itself, if anything arrived
     * @param supervisionSinceNanos when the supervision state was entered, monotonic nanoseconds ({@link Moment#nanos()})
     * @param moduleAlarms          per module address: the newest 0x44 block with its stamp
     * @param silentGroups          the silent RS485 groups, by group number
     * @throws NullPointerException if a component or a collection's element is null
     */
    public BankStatus {
        Objects.requireNonNull(bankId, "bankId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(batteryLimits, "batteryLimits");
        Objects.requireNonNull(publishedLimits, "publishedLimits");
        Objects.requireNonNull(measurements, "measurements");
        activeAlarms = ActiveAlarm.sortedSet(activeAlarms);
        Objects.requireNonNull(requestFlags, "requestFlags");
        Objects.requireNonNull(moduleCount, "moduleCount");
        modules = ModuleMaps.frozen(modules);
        Objects.requireNonNull(supervisionState, "supervisionState");
        Objects.requireNonNull(supervisionSince, "supervisionSince");
        Objects.requireNonNull(supervisionReason, "supervisionReason");
        stamps = enumCopy(BankField.class, stamps);
        moduleStamps = ModuleMaps.frozen(moduleStamps);
        sources = enumCopy(Source.class, sources);
        Objects.requireNonNull(bankInfo, "bankInfo");
        moduleAlarms = ModuleMaps.frozen(moduleAlarms);
        silentGroups = List.copyOf(silentGroups);
    }

    /**
     * A status with no silent group: the shape before {@code silentGroups} was added, which keeps callers compiling.
     *
     * @param bankId                the bank
     * @param at                    the time of the newest input, wall clock
     * @param batteryLimits         the battery's newest limits as sent, if any arrived
     * @param publishedLimits       what control software should obey, with provenance
     * @param measurements          the newest value of each measurement
     * @param activeAlarms          the active conditions
     * @param requestFlags          the newest request flags, if any arrived
     * @param moduleCount           the module count the battery reports, if known
     * @param modules               per-module details by address
     * @param supervisionState      the supervision state
     * @param supervisionSince      when it was entered, wall clock
     * @param supervisionReason     why it was entered
     * @param stamps                when and from which link each field last received a value
     * @param moduleStamps          the same per module address
     * @param sources               per link: when it last delivered and its transport state
     * @param bankInfo              what the bank says about itself, if anything arrived
     * @param supervisionSinceNanos when the supervision state was entered, monotonic nanoseconds
     * @param moduleAlarms          per module address: the newest 0x44 block with its stamp
     */
    public BankStatus(String bankId, Instant at, Optional<Limits> batteryLimits, PublishedLimits publishedLimits,
                      Measurements measurements, Set<ActiveAlarm> activeAlarms, Optional<RequestFlags> requestFlags,
                      OptionalInt moduleCount, Map<Integer, ModuleDetails> modules, SupervisionState supervisionState,
                      Instant supervisionSince, String supervisionReason, Map<BankField, FieldStamp> stamps,
                      Map<Integer, FieldStamp> moduleStamps, Map<Source, SourceStatus> sources,
                      Optional<BankInfo> bankInfo, long supervisionSinceNanos,
                      Map<Integer, ModuleAlarmStates> moduleAlarms) {
        this(bankId, at, batteryLimits, publishedLimits, measurements, activeAlarms, requestFlags, moduleCount, modules,
                supervisionState, supervisionSince, supervisionReason, stamps, moduleStamps, sources, bankInfo,
                supervisionSinceNanos, moduleAlarms, List.of());
    }

    private static <K extends Enum<K>, V> Map<K, V> enumCopy(Class<K> type, Map<K, V> map) {
        if (ModuleMaps.isFrozen(map)) {
            return map; // the model's own immutable copy: copying it again was a fifth of a reply's snapshot
        }
        EnumMap<K, V> copy;
        if (map instanceof EnumMap<K, V> e) {
            copy = new EnumMap<>(e); // clones the value array; new EnumMap(type) looks the constants up every time
        } else {
            copy = new EnumMap<>(type);
            copy.putAll(map);
        }
        return Collections.unmodifiableMap(copy);
    }

    /**
     * How old the newest value of {@code field} is at {@code now}, on the monotonic scale (a stepped wall clock does
     * not change it); empty if the field never received one. {@code now} comes from the driver's
     * {@link io.pylon4j.transport.time.TimeSource} ({@link PylonDriver#now()}).
     * @param field the field
     * @param now   the current moment, from the same driver
     * @return the age, or empty if the field never received a value
     */
    public Optional<Duration> age(BankField field, Moment now) {
        return stamp(field).map(s -> Duration.ofNanos(now.nanos() - s.atNanos()));
    }

    /**
     * How long the bank has been in its supervision state at {@code now}, on the monotonic scale.
     *
     * @param now the current moment, from the same driver
     * @return the time since the state was entered
     */
    public Duration supervisionAge(Moment now) {
        return Duration.ofNanos(now.nanos() - supervisionSinceNanos);
    }

    /**
     * When and from which link {@code field} last received a value.
     *
     * @param field the field
     * @return its stamp, or empty if it never received a value
     */
    public Optional<FieldStamp> stamp(BankField field) {
        return Optional.ofNullable(stamps.get(field));
    }

    /**
     * How old the newest details of module {@code address} are, on the monotonic scale.
     *
     * @param address the module's RS485 address
     * @param now     the current moment, from the same driver
     * @return the age, or empty if no details of that module arrived
     */
    public Optional<Duration> moduleAge(int address, Moment now) {
        return Optional.ofNullable(moduleStamps.get(address)).map(s -> Duration.ofNanos(now.nanos() - s.atNanos()));
    }

    /**
     * Freshness of one link (empty values if it never delivered or reported anything).
     *
     * @param source the link
     * @return its status; never null
     */
    public SourceStatus source(Source source) {
        SourceStatus s = sources.get(source);
        return s != null ? s : SourceStatus.of(source, Optional.empty(), Optional.empty());
    }

    /**
     * Whether the published limits are the battery's current ones (FRESH or RECOVERED).
     *
     * @return true while FRESH or RECOVERED
     */
    public boolean isFresh() {
        return supervisionState.isFresh();
    }

    /**
     * Why the published charge voltage limit has its value.
     *
     * @return the charge voltage limit's provenance
     */
    public LimitProvenance chargeVoltageLimitProvenance() {
        return publishedLimits.chargeVoltageLimitProvenance();
    }

    /**
     * Why the published charge current limit has its value: the answer to "why is the charge limit 0?".
     *
     * @return the charge current limit's provenance
     */
    public LimitProvenance chargeCurrentLimitProvenance() {
        return publishedLimits.chargeCurrentLimitProvenance();
    }

    /**
     * Why the published discharge current limit has its value.
     *
     * @return the discharge current limit's provenance
     */
    public LimitProvenance dischargeCurrentLimitProvenance() {
        return publishedLimits.dischargeCurrentLimitProvenance();
    }

    /**
     * Why the published discharge voltage limit has its value.
     *
     * @return the discharge voltage limit's provenance
     */
    public LimitProvenance dischargeVoltageLimitProvenance() {
        return publishedLimits.dischargeVoltageLimitProvenance();
    }
}
