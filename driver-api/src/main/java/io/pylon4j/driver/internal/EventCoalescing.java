package io.pylon4j.driver.internal;

import io.pylon4j.driver.Alarm;
import io.pylon4j.driver.BankEvent;
import io.pylon4j.driver.Source;
import java.util.Optional;

/**
 * How an {@link EventPublisher} keeps a lagging subscriber's queue bounded without losing the newest state: which
 * queued event a newer one supersedes ({@link #key}) and what the two become ({@link #merge}). Pure functions, no
 * state, no clock.
 *
 * <p>Two events have the same key when the newer one makes the older one's news out of date for a subscriber that
 * has not seen it yet:
 *
 * <table>
 *   <caption>Keys and merges</caption>
 *   <tr><th>events</th><th>key (per bank)</th><th>older + newer becomes</th></tr>
 *   <tr><td>{@code LIMITS_CHANGED}, {@code MEASUREMENTS_UPDATED}, {@code REQUEST_FLAGS_CHANGED},
 *       {@code BANK_INFO_UPDATED}</td><td>the type</td><td>the newer (each carries all current values)</td></tr>
 *   <tr><td>{@code MODULE_COUNT_CHANGED}</td><td>the type</td>
 *       <td>the newer, with the older's {@code previous} (the count the subscriber last saw)</td></tr>
 *   <tr><td>{@code MODULE_DETAILS_UPDATED}, {@code MODULE_LEFT}</td><td>the module's address (one key for both:
 *       the newer says whether the module is there)</td><td>the newer</td></tr>
 *   <tr><td>{@code SUPERVISION_STATE_CHANGED}</td><td>the type</td>
 *       <td>one transition from the older's {@code previous} to the newer's {@code current} (with the newer's
 *       time and reason); nothing if that leads back to where it started</td></tr>
 *   <tr><td>{@code LINK_STATE_CHANGED}</td><td>the link ({@link Source})</td>
 *       <td>one change from the older's {@code previous} to the newer's {@code current}, with the newer's cause,
 *       attempt and delay; nothing if that leads back to where it started (the status keeps the cause)</td></tr>
 *   <tr><td>{@code ALARM_RAISED}, {@code ALARM_CLEARED}</td><td>the (alarm, level) pair</td>
 *       <td>nothing if one raises and the other clears (the subscriber's view of the pair is unchanged);
 *       otherwise the newer</td></tr>
 * </table>
 *
 * <p>So the number of distinct keys of one bank is bounded by the protocol, not by the traffic: six singletons,
 * one per link, one per (alarm, level) pair and one per module address.
 */
final class EventCoalescing {

    private EventCoalescing() {
    }

    /** What a queued event is about; events of one key supersede each other. */
    record Key(String bankId, Kind kind, Object detail) {
    }

    /** The families of {@link Key}. */
    enum Kind {
        LIMITS, MEASUREMENTS, ALARM, REQUEST_FLAGS, MODULE_COUNT, MODULE, SUPERVISION, BANK_INFO, LINK
    }

    /** The key of {@code event}: a newer event of the same key supersedes it. */
    static Key key(BankEvent event) {
        String bank = event.bankId();
        return switch (event.type()) {
            case LIMITS_CHANGED -> new Key(bank, Kind.LIMITS, null);
            case MEASUREMENTS_UPDATED -> new Key(bank, Kind.MEASUREMENTS, null);
            case REQUEST_FLAGS_CHANGED -> new Key(bank, Kind.REQUEST_FLAGS, null);
            case MODULE_COUNT_CHANGED -> new Key(bank, Kind.MODULE_COUNT, null);
            case SUPERVISION_STATE_CHANGED -> new Key(bank, Kind.SUPERVISION, null);
            case BANK_INFO_UPDATED -> new Key(bank, Kind.BANK_INFO, null);
            case LINK_STATE_CHANGED -> new Key(bank, Kind.LINK, ((BankEvent.LinkStateChanged) event).source());
            case MODULE_DETAILS_UPDATED ->
                    new Key(bank, Kind.MODULE, ((BankEvent.ModuleDetailsUpdated) event).details().address());
            case MODULE_LEFT -> new Key(bank, Kind.MODULE, ((BankEvent.ModuleLeft) event).address());
            case ALARM_RAISED -> {
                BankEvent.AlarmRaised a = (BankEvent.AlarmRaised) event;
                yield new Key(bank, Kind.ALARM, new AlarmKey(a.alarm(), a.level()));
            }
            case ALARM_CLEARED -> {
                BankEvent.AlarmCleared a = (BankEvent.AlarmCleared) event;
                yield new Key(bank, Kind.ALARM, new AlarmKey(a.alarm(), a.level()));
            }
        };
    }

    private record AlarmKey(Alarm alarm, Alarm.Level level) {
    }

    /**
     * The one event that tells a subscriber who has seen neither {@code older} nor {@code newer} what both together
     * told, or empty if together they changed nothing it could see (both are then left out).
     *
     * @param older a queued, undelivered event
     * @param newer a later event of the same {@linkplain #key key}
     */
    static Optional<BankEvent> merge(BankEvent older, BankEvent newer) {
        if (older instanceof BankEvent.ModuleCountChanged o && newer instanceof BankEvent.ModuleCountChanged n) {
            return Optional.of(new BankEvent.ModuleCountChanged(n.bankId(), n.at(), n.source(), o.previous(),
                    n.current()));
        }
        if (older instanceof BankEvent.SupervisionStateChanged o
                && newer instanceof BankEvent.SupervisionStateChanged n) {
            return o.previous() == n.current() ? Optional.empty()
                    : Optional.of(new BankEvent.SupervisionStateChanged(n.bankId(), n.at(), o.previous(),
                            n.current(), n.reason()));
        }
        if (older instanceof BankEvent.LinkStateChanged o && newer instanceof BankEvent.LinkStateChanged n) {
            return o.previous() == n.current() ? Optional.empty()
                    : Optional.of(new BankEvent.LinkStateChanged(n.bankId(), n.at(), n.source(), o.previous(),
                            n.current(), n.cause(), n.attempt(), n.nextAttemptDelay()));
        }
        if (older.type() != newer.type()
                && (older.type() == BankEvent.Type.ALARM_RAISED || older.type() == BankEvent.Type.ALARM_CLEARED)) {
            return Optional.empty(); // raised then cleared, or cleared then raised: the pair is as it was
        }
        return Optional.of(newer);
    }
}
