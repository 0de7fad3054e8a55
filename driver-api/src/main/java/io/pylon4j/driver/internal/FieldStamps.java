package io.pylon4j.driver.internal;

import io.pylon4j.driver.BankField;
import io.pylon4j.driver.FieldStamp;
import io.pylon4j.driver.Source;
import io.pylon4j.transport.time.Moment;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * When, and from which link, each field of one {@link BankModel} last took a value: what decides "newest wins"
 * between the links. Compares monotonic readings only. Not thread-safe: guarded by the model's lock.
 */
final class FieldStamps {

    private final EnumMap<BankField, FieldStamp> stamps = new EnumMap<>(BankField.class);
    /** The snapshot's copy, made again only after a stamp changed (null until then). */
    private Map<BankField, FieldStamp> copy;
    /** The stamp made last: the fields of one reply share it (a record per field per reply, otherwise). */
    private FieldStamp last;

    /** Whether a value observed at {@code at} is at least as new as the field's; if so, stamps the field. */
    boolean accept(BankField field, Source source, Moment at) {
        FieldStamp current = stamps.get(field);
        if (current != null && at.nanos() - current.atNanos() < 0) {
            return false;
        }
        put(field, current, source, at);
        return true;
    }

    /**
     * Stamps a field whose parts keep ages of their own (alarm channels, modules) if {@code at} is its newest;
     * the caller has already decided to take the part's value.
     */
    void stampNewest(BankField field, Source source, Moment at) {
        FieldStamp current = stamps.get(field);
        if (current == null || at.nanos() - current.atNanos() >= 0) {
            put(field, current, source, at);
        }
    }

    /** Stamps {@code field} unless its stamp is already this one (the modules of one reply share their time). */
    private void put(BankField field, FieldStamp current, Source source, Moment at) {
        if (current != null && current.atNanos() == at.nanos() && current.source() == source
                && current.at().equals(at.wall())) {
            return;
        }
        last = reuse(last, source, at);
        stamps.put(field, last);
        copy = null;
    }

    /**
     * The wall reading that lies the field's monotonic age before {@code now}'s: an instant from which a policy can
     * state the age, which a stepped wall clock can neither shrink nor grow.
     */
    Optional<Instant> wallAt(BankField field, Moment now) {
        return Optional.ofNullable(stamps.get(field)).map(s -> now.wall().minusNanos(now.nanos() - s.atNanos()));
    }

    /** An immutable copy for a snapshot, shared by the snapshots until a stamp changes. */
    Map<BankField, FieldStamp> view() {
        if (copy == null) {
            copy = ModuleMaps.frozenEnum(stamps);
        }
        return copy;
    }

    /** {@code last} if it is the stamp of {@code at} from {@code source}, a new stamp otherwise. */
    static FieldStamp reuse(FieldStamp last, Source source, Moment at) {
        return last != null && last.atNanos() == at.nanos() && last.source() == source && last.at().equals(at.wall())
                ? last : new FieldStamp(at, source);
    }
}
