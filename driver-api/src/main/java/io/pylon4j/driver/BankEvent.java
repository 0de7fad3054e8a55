package io.pylon4j.driver;

import io.pylon4j.transport.ConnectionState;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Something that changed in one bank. Every event names its bank, carries the time from the injected clock at
 * which the change was observed, and is a plain record of strings, numbers, enums and lists, so that a JSON or MQTT
 * bridge is trivial ({@link BankEventJson}; field names in {@code docs/driver-events.md}).
 *
 * <p>Match on {@link #type()} with an exhaustive {@code switch}. The driver's event delivery drops no event: under
 * back-pressure a newer event supersedes a queued one about the same thing (the newest state always arrives; see
 * its "Back-pressure").
 */
public sealed interface BankEvent permits BankEvent.LimitsChanged, BankEvent.MeasurementsUpdated,
        BankEvent.AlarmRaised, BankEvent.AlarmCleared, BankEvent.RequestFlagsChanged, BankEvent.ModuleCountChanged,
        BankEvent.ModuleDetailsUpdated, BankEvent.SupervisionStateChanged, BankEvent.BankInfoUpdated,
        BankEvent.ModuleLeft, BankEvent.LinkStateChanged {

    /**
     * The bank this event is about.
     *
     * @return the bank's id, as in {@link DriverOptions#bankId()}
     */
    String bankId();

    /**
     * When the change was observed (from the injected clock).
     *
     * @return the wall-clock reading of the observation; for display only (ages are measured on the monotonic clock)
     */
    Instant at();

    /**
     * The kind of event, for an exhaustive {@code switch}.
     *
     * @return the constant of this record's kind, also its JSON {@code type}
     */
    Type type();

    /**
     * This event as one line of JSON ({@link BankEventJson#toJson}).
     *
     * @return a JSON object on one line; field names in {@code docs/driver-events.md}
     */
    default String toJson() {
        return BankEventJson.toJson(this);
    }

    /**
     * Whether this event carries only current values that the next one of its kind repeats (measurements, module
     * details). Delivery no longer drops any event; it coalesces every kind ({@link EventSubscription},
     * "Back-pressure").
     *
     * @return true for measurements and module details, false for every other kind
     */
    default boolean droppable() {
        return type().droppable();
    }

    /** The kinds of event; the constant names are the stable {@code type} values of the JSON form. */
    enum Type {
        /** A {@link LimitsChanged}: the published limits or their provenance changed. */
        LIMITS_CHANGED(false),
        /** A {@link MeasurementsUpdated}: one or more measurements changed value. */
        MEASUREMENTS_UPDATED(true),
        /** An {@link AlarmRaised}: a condition became active at a level. */
        ALARM_RAISED(false),
        /** An {@link AlarmCleared}: a condition is no longer active at a level. */
        ALARM_CLEARED(false),
        /** A {@link RequestFlagsChanged}: the battery's request flags changed. */
        REQUEST_FLAGS_CHANGED(false),
        /** A {@link ModuleCountChanged}: the number of modules the battery reports changed. */
        MODULE_COUNT_CHANGED(false),
        /** A {@link ModuleDetailsUpdated}: what is known about one module changed. */
        MODULE_DETAILS_UPDATED(true),
        /** A {@link SupervisionStateChanged}: the supervision state changed. */
        SUPERVISION_STATE_CHANGED(false),
        /** A {@link BankInfoUpdated}: what the bank says about itself changed. */
        BANK_INFO_UPDATED(false),
        /** A {@link ModuleLeft}: a module is no longer in the bank. */
        MODULE_LEFT(false),
        /** A {@link LinkStateChanged}: the transport of one link changed state. */
        LINK_STATE_CHANGED(false);

        private final boolean droppable;

        Type(boolean droppable) {
            this.droppable = droppable;
        }

        /**
         * Whether events of this kind carry only current values the next one repeats ({@link BankEvent#droppable}).
         *
         * @return true for {@link #MEASUREMENTS_UPDATED} and {@link #MODULE_DETAILS_UPDATED}
         */
        public boolean droppable() {
            return droppable;
        }
    }

    /**
     * The published limits or their provenance changed (a new battery value, fail-safe on or off, a cap, a module
     * count scaling). Not emitted when only the wording of a reason would change.
     *
     * @param bankId the id of the bank the event is about
     * @param at     when the change was observed, on the driver's wall clock (for display)
     * @param limits the limits now published, with provenance
     */
    record LimitsChanged(String bankId, Instant at, PublishedLimits limits) implements BankEvent {
        /**
         * An event of published limits.
         *
         * @param bankId the id of the bank the event is about
         * @param at     when the change was observed, on the driver's wall clock (for display)
         * @param limits the limits now published, with provenance
         * @throws NullPointerException if a component other than a primitive is null
         */
        public LimitsChanged {
            check(bankId, at);
            Objects.requireNonNull(limits, "limits");
        }

        @Override
        public Type type() {
            return Type.LIMITS_CHANGED;
        }
    }

    /**
     * One or more measurements changed value.
     *
     * @param bankId       the id of the bank the event is about
     * @param at           when the change was observed, on the driver's wall clock (for display)
     * @param source       the link the new values came from
     * @param measurements all current measurements (merged over sources)
     */
    record MeasurementsUpdated(String bankId, Instant at, Source source, Measurements measurements)
            implements BankEvent {
        /**
         * An event of changed measurements.
         *
         * @param bankId       the id of the bank the event is about
         * @param at           when the change was observed, on the driver's wall clock (for display)
         * @param source       the link the new values came from
         * @param measurements all current measurements (merged over sources)
         * @throws NullPointerException if a component other than a primitive is null
         */
        public MeasurementsUpdated {
            check(bankId, at);
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(measurements, "measurements");
        }

        @Override
        public Type type() {
            return Type.MEASUREMENTS_UPDATED;
        }
    }

    /**
     * A condition became active at a level.
     *
     * @param bankId the id of the bank the event is about
     * @param at     when the change was observed, on the driver's wall clock (for display)
     * @param source the link that reported it
     * @param alarm  the condition
     * @param level  its level
     */
    record AlarmRaised(String bankId, Instant at, Source source, Alarm alarm, Alarm.Level level)
            implements BankEvent {
        /**
         * An event of a raised alarm.
         *
         * @param bankId the id of the bank the event is about
         * @param at     when the change was observed, on the driver's wall clock (for display)
         * @param source the link that reported it
         * @param alarm  the condition
         * @param level  its level
         * @throws NullPointerException if a component other than a primitive is null
         */
        public AlarmRaised {
            check(bankId, at);
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(alarm, "alarm");
            Objects.requireNonNull(level, "level");
        }

        @Override
        public Type type() {
            return Type.ALARM_RAISED;
        }
    }

    /**
     * A condition is no longer active at a level.
     *
     * @param bankId the id of the bank the event is about
     * @param at     when the change was observed, on the driver's wall clock (for display)
     * @param source the link whose report cleared it
     * @param alarm  the condition
     * @param level  its level
     */
    record AlarmCleared(String bankId, Instant at, Source source, Alarm alarm, Alarm.Level level)
            implements BankEvent {
        /**
         * An event of a cleared alarm.
         *
         * @param bankId the id of the bank the event is about
         * @param at     when the change was observed, on the driver's wall clock (for display)
         * @param source the link whose report cleared it
         * @param alarm  the condition
         * @param level  its level
         * @throws NullPointerException if a component other than a primitive is null
         */
        public AlarmCleared {
            check(bankId, at);
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(alarm, "alarm");
            Objects.requireNonNull(level, "level");
        }

        @Override
        public Type type() {
            return Type.ALARM_CLEARED;
        }
    }

    /**
     * The battery's request flags changed.
     *
     * @param bankId the id of the bank the event is about
     * @param at     when the change was observed, on the driver's wall clock (for display)
     * @param source the link they came from
     * @param flags  the new flags
     */
    record RequestFlagsChanged(String bankId, Instant at, Source source, RequestFlags flags) implements BankEvent {
        /**
         * An event of changed request flags.
         *
         * @param bankId the id of the bank the event is about
         * @param at     when the change was observed, on the driver's wall clock (for display)
         * @param source the link they came from
         * @param flags  the new flags
         * @throws NullPointerException if a component other than a primitive is null
         */
        public RequestFlagsChanged {
            check(bankId, at);
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(flags, "flags");
        }

        @Override
        public Type type() {
            return Type.REQUEST_FLAGS_CHANGED;
        }
    }

    /**
     * The number of modules the battery reports changed.
     *
     * @param bankId   the id of the bank the event is about
     * @param at       when the change was observed, on the driver's wall clock (for display)
     * @param source   the link it came from
     * @param previous the count before, empty if none was known
     * @param current  the count now
     */
    record ModuleCountChanged(String bankId, Instant at, Source source, OptionalInt previous, int current)
            implements BankEvent {
        /**
         * An event of a changed module count.
         *
         * @param bankId   the id of the bank the event is about
         * @param at       when the change was observed, on the driver's wall clock (for display)
         * @param source   the link it came from
         * @param previous the count before, empty if none was known
         * @param current  the count now
         * @throws NullPointerException if a component other than a primitive is null
         * @throws IllegalArgumentException if {@code current} is negative
         */
        public ModuleCountChanged {
            check(bankId, at);
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(previous, "previous");
            if (current < 0) {
                throw new IllegalArgumentException("current must be ≥ 0: " + current);
            }
        }

        @Override
        public Type type() {
            return Type.MODULE_COUNT_CHANGED;
        }
    }

    /**
     * What is known about one module changed.
     *
     * @param bankId  the id of the bank the event is about
     * @param at      when the change was observed, on the driver's wall clock (for display)
     * @param source  the link it came from
     * @param details everything now known about the module (merged)
     */
    record ModuleDetailsUpdated(String bankId, Instant at, Source source, ModuleDetails details)
            implements BankEvent {
        /**
         * An event of a module's changed details.
         *
         * @param bankId  the id of the bank the event is about
         * @param at      when the change was observed, on the driver's wall clock (for display)
         * @param source  the link it came from
         * @param details everything now known about the module (merged)
         * @throws NullPointerException if a component other than a primitive is null
         */
        public ModuleDetailsUpdated {
            check(bankId, at);
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(details, "details");
        }

        @Override
        public Type type() {
            return Type.MODULE_DETAILS_UPDATED;
        }
    }

    /**
     * The supervision state changed; one event per transition of the supervision state machine.
     *
     * @param bankId   the id of the bank the event is about
     * @param at       when the change was observed, on the driver's wall clock (for display)
     * @param previous the state before
     * @param current  the state now
     * @param reason   why, in words
     */
    record SupervisionStateChanged(String bankId, Instant at, SupervisionState previous, SupervisionState current,
                                   String reason) implements BankEvent {
        /**
         * An event of a supervision transition.
         *
         * @param bankId   the id of the bank the event is about
         * @param at       when the change was observed, on the driver's wall clock (for display)
         * @param previous the state before
         * @param current  the state now
         * @param reason   why, in words
         * @throws NullPointerException if a component other than a primitive is null
         */
        public SupervisionStateChanged {
            check(bankId, at);
            Objects.requireNonNull(previous, "previous");
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Type type() {
            return Type.SUPERVISION_STATE_CHANGED;
        }
    }

    /**
     * What the bank says about itself changed (RS485 0x51 manufacturer info, 0x47 system parameters; normally once,
     * at start).
     *
     * @param bankId the id of the bank the event is about
     * @param at     when the change was observed, on the driver's wall clock (for display)
     * @param source the link it came from
     * @param info   everything now known (merged)
     */
    record BankInfoUpdated(String bankId, Instant at, Source source, BankInfo info) implements BankEvent {
        /**
         * An event of the bank's changed self-description.
         *
         * @param bankId the id of the bank the event is about
         * @param at     when the change was observed, on the driver's wall clock (for display)
         * @param source the link it came from
         * @param info   everything now known (merged)
         * @throws NullPointerException if a component other than a primitive is null
         */
        public BankInfoUpdated {
            check(bankId, at);
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(info, "info");
        }

        @Override
        public Type type() {
            return Type.BANK_INFO_UPDATED;
        }
    }

    /**
     * A module the bank listed before is no longer in its newest whole-stack reply (RS485 0x42): switched off, its
     * link cable pulled, or removed. Its details are gone from {@link BankStatus#modules()} and any alarm it alone
     * raised is cleared (with its own {@link AlarmCleared}), so a monitor shows neither a stale row nor a stuck alarm.
     *
     * @param bankId  the id of the bank the event is about
     * @param at      when the change was observed, on the driver's wall clock (for display)
     * @param source  the link that saw it leave
     * @param address the module's RS485 address
     */
    record ModuleLeft(String bankId, Instant at, Source source, int address) implements BankEvent {
        /**
         * An event of a module that left the bank.
         *
         * @param bankId  the id of the bank the event is about
         * @param at      when the change was observed, on the driver's wall clock (for display)
         * @param source  the link that saw it leave
         * @param address the module's RS485 address
         * @throws NullPointerException if a component other than a primitive is null
         */
        public ModuleLeft {
            check(bankId, at);
            Objects.requireNonNull(source, "source");
        }

        @Override
        public Type type() {
            return Type.MODULE_LEFT;
        }
    }

    /**
     * The transport of one link changed state: it came up, went down, is retrying, gave up or was closed. While the
     * link is not up, {@code cause} says why ("connection refused by 127.0.0.1:1", "no such device /dev/ttyUSB9"),
     * so that a monitor can name a cable or address fault at once instead of waiting for supervision to blame the
     * battery. Never dropped; one per transport transition, so as frequent as the reconnect policy allows.
     *
     * @param bankId           the id of the bank the event is about
     * @param at               when the change was observed, on the driver's wall clock (for display)
     * @param source           the link
     * @param previous         its state before
     * @param current          its state now
     * @param cause            while not {@code CONNECTED}: why the link is down, kept through the retries that follow
     *                         ({@link LinkStatus#cause()}); empty when up or when no fault was reported
     * @param attempt          the transport's connect attempt, 1 for the first
     * @param nextAttemptDelay in {@code WAITING_TO_RECONNECT}: the wait before the next attempt; zero otherwise
     */
    record LinkStateChanged(String bankId, Instant at, Source source, ConnectionState previous,
                            ConnectionState current, Optional<String> cause, int attempt, Duration nextAttemptDelay)
            implements BankEvent {
        /**
         * An event of a link's transport transition.
         *
         * @param bankId           the id of the bank the event is about
         * @param at               when the change was observed, on the driver's wall clock (for display)
         * @param source           the link
         * @param previous         its state before
         * @param current          its state now
         * @param cause            while not {@code CONNECTED}: why the link is down, kept through the retries that
         *                         follow ({@link LinkStatus#cause()}); empty when up or when no fault was reported
         * @param attempt          the transport's connect attempt, 1 for the first
         * @param nextAttemptDelay in {@code WAITING_TO_RECONNECT}: the wait before the next attempt; zero otherwise
         * @throws NullPointerException if a component other than a primitive is null
         */
        public LinkStateChanged {
            check(bankId, at);
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(previous, "previous");
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(nextAttemptDelay, "nextAttemptDelay");
        }

        @Override
        public Type type() {
            return Type.LINK_STATE_CHANGED;
        }
    }

    private static void check(String bankId, Instant at) {
        Objects.requireNonNull(bankId, "bankId");
        Objects.requireNonNull(at, "at");
    }
}
