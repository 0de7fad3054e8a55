package io.pylon4j.driver.internal;

import io.pylon4j.driver.BankField;
import io.pylon4j.driver.FieldStamp;
import io.pylon4j.driver.InverterProfile;
import io.pylon4j.driver.Source;
import io.pylon4j.transport.time.Moment;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * When, and from which link, each field of one {@link BankModel} last took a value, and so which link a field is
 * taken from: on one link the newest value wins; between two links a field <b>stays with its link</b> while that
 * link's value of it is younger than the hold time ({@link #holdNanos(InverterProfile)}) and the link is up, so
 * that two links reporting the same quantity at different resolutions and moments (CVL 53.2 V on CAN, 53.25 V on
 * RS485) do not make the published value flip between them (docs/driver-model.md, "Two links: a field stays with
 * its link"). Compares monotonic readings only. Not thread-safe: guarded by the model's lock.
 */
final class FieldStamps {

    /** A Pylontech master sends its CAN frame set once a second (docs/protocol.md §1.1, §1.5). */
    static final Duration CAN_PERIOD = Duration.ofSeconds(1);

    private final EnumMap<BankField, FieldStamp> stamps = new EnumMap<>(BankField.class);
    /** The snapshot's copy, made again only after a stamp changed (null until then). */
    private Map<BankField, FieldStamp> copy;
    /** How long a field's value from its link holds off the other link's ({@link #holdNanos(InverterProfile)}). */
    private final long holdNanos;
    /** Whose transport states say whether a field's link is down (then the other link's value is taken at once). */
    private final Links links;
    /** The stamp made last: the fields of one reply share it (a record per field per reply, otherwise). */
    private FieldStamp last;

    FieldStamps(long holdNanos, Links links) {
        if (holdNanos < 0) {
            throw new IllegalArgumentException("holdNanos must be ≥ 0: " + holdNanos);
        }
        this.holdNanos = holdNanos;
        this.links = links;
    }

    /**
     * The hold time of {@code profile}: half its stale timeout, and at most twice the slower link's normal period
     * (CAN's 1 s cycle, the RS485 poll interval). Half the stale timeout leaves the other half for the other link's
     * next value to arrive before the limits' age reaches STALE; twice the period keeps a link's normal jitter from
     * handing its fields over, and bounds the hold under a long stale timeout (SMA's 60 s: 2 s, not 30 s).
     */
    static long holdNanos(InverterProfile profile) {
        Duration period = profile.rs485PollInterval().compareTo(CAN_PERIOD) > 0 ? profile.rs485PollInterval()
                : CAN_PERIOD;
        return Math.min(profile.staleTimeout().toNanos() / 2, period.multipliedBy(2).toNanos());
    }

    /**
     * Whether to take a value of {@code field} observed on {@code source} at {@code at}; if so, stamps the field. It
     * is taken when it is at least as new as the field's value and comes from the field's link, or when the field's
     * link is down or its value is at least the hold time older; otherwise the field stays with its link.
     */
    boolean accept(BankField field, Source source, Moment at) {
        FieldStamp current = stamps.get(field);
        if (current != null) {
            long newerNanos = at.nanos() - current.atNanos();
            if (newerNanos < 0 || current.source() != source && newerNanos < holdNanos
                    && links.up(current.source())) {
                return false;
            }
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
