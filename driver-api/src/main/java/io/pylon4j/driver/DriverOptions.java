package io.pylon4j.driver;

import io.pylon4j.can.CanProfile;
import io.pylon4j.driver.internal.EventPublisher;
import io.pylon4j.transport.time.Scheduler;
import io.pylon4j.transport.time.TimeSource;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * How a {@link PylonDriver} runs: which bank, which inverter profile, and whose threads and time source it uses.
 * Immutable; build with {@link #builder(String)}.
 *
 * <p><b>Threads.</b> {@code eventExecutor} delivers events, in order; {@code scheduler} runs keep-alives, RS485
 * polls and timeouts; {@code ticker} ticks supervision. Leave any of them empty and the driver creates what is
 * missing on <em>one</em> single-thread scheduled executor of its own, named {@code pylon4j-driver-<bankId>}, which
 * {@link PylonDriver#close()} shuts down. To run many banks without a thread each, pass the same executor,
 * scheduler and ticker to every driver (you own and close them). Events run on whatever thread the executor runs
 * them on: with a thread of its own, never on a transport's I/O thread. A direct executor ({@code Runnable::run})
 * delivers them on the thread that made the change, mostly the I/O thread that decoded the frame (the scheduler's
 * for supervision): it saves the hand-off (at 1,000 RS485 banks about 4 points of a core and the p50 to the listener
 * from 27–37 to 7–9 µs on a loaded box, {@code benchmarks/README.md}), but then a listener must never block, wait
 * for another driver's event or do slow work (I/O, a database, a log flush): while it runs, that link and every
 * other link on the same I/O thread read nothing, and RS485 replies time out. When that scheduler runs on the system
 * clock ({@link io.pylon4j.transport.time.Scheduler#onSystemClock()}) and the RS485 transport offers its I/O
 * thread's ({@link io.pylon4j.transport.ByteStreamTransport#ioScheduler()}, {@code tcp:}), RS485 polls and timeouts
 * run on that thread instead, at the same times; on a virtual clock they stay on the scheduler.
 *
 * @param bankId        the bank's id, carried by every event
 * @param profile       keep-alive, timeouts, RS485 polling
 * @param canProfile    how CAN frames whose meaning differs between inverter brands are decoded
 * @param policy        the limit policy (user caps, expected module count, fail-safe)
 * @param time          the time source: its monotonic reading decides every age and timeout, its wall clock is
 *                      only displayed (inject a {@link io.pylon4j.transport.time.ManualTimeSource} in tests); a
 *                      shared {@code ticker} must read the same monotonic source
 * @param eventExecutor where events are delivered, or empty for the driver's own thread
 * @param scheduler     where periodic work runs, or empty for the driver's own thread
 * @param ticker        a shared supervision ticker, or empty for one of the driver's own on {@code scheduler}
 * @param rs485Group    the RS485 group (0–7) whose master is polled; with several groups the first of
 *                      {@code rs485Groups}, whose master is also asked 0x51 and 0x47
 * @param eventBuffer   per-subscriber event queue bound ({@link EventSubscription})
 * @param rs485Groups   every RS485 group polled, first {@code rs485Group}, distinct, each 0–7 (an LV-Hub joins up to
 *                      six groups, numbered from 1 on the masters' DIP switches, docs/protocol.md §2.3)
 * @param rs485PerModuleLimits whether 0x92 is asked of every module each cycle (into {@link ModuleDetails}), not only
 *                      of each group's master
 * @param inverterMeasurements the inverter's own battery measurement for keep-alives that carry values (SMA 0x305,
 *                      docs/protocol.md §1.4); ignored by profiles whose keep-alive is 8 × 00
 */
public record DriverOptions(String bankId, InverterProfile profile, CanProfile canProfile, LimitPolicy policy,
                            TimeSource time, Optional<Executor> eventExecutor, Optional<Scheduler> scheduler,
                            Optional<SupervisionTicker> ticker, int rs485Group, int eventBuffer,
                            List<Integer> rs485Groups, boolean rs485PerModuleLimits,
                            InverterMeasurementSource inverterMeasurements) {

    /**
     * Validates the options; the builder is the easier way to make them.
     *
     * @param bankId               the bank's id, carried by every event
     * @param profile              keep-alive, timeouts, RS485 polling
     * @param canProfile           how CAN frames whose meaning differs between inverter brands are decoded
     * @param policy               the limit policy (user caps, expected module count, fail-safe)
     * @param time                 the time source: its monotonic reading decides every age and timeout, its wall clock
     *                             is only displayed (inject a {@link io.pylon4j.transport.time.ManualTimeSource} in
     *                             tests); a shared {@code ticker} must read the same monotonic source
     * @param eventExecutor        where events are delivered, or empty for the driver's own thread
     * @param scheduler            where periodic work runs, or empty for the driver's own thread
     * @param ticker               a shared supervision ticker, or empty for one of the driver's own on
     *                             {@code scheduler}
     * @param rs485Group           the RS485 group (0–7) whose master is polled; with several groups the first of
     *                             {@code rs485Groups}, whose master is also asked 0x51 and 0x47
     * @param eventBuffer          per-subscriber event queue bound ({@link EventSubscription})
     * @param rs485Groups          every RS485 group polled, first {@code rs485Group}, distinct, each 0–7 (an LV-Hub
     *                             joins up to six groups, numbered from 1 on the masters' DIP switches,
     *                             docs/protocol.md §2.3)
     * @param rs485PerModuleLimits whether 0x92 is asked of every module each cycle (into {@link ModuleDetails}), not
     *                             only of each group's master
     * @param inverterMeasurements the inverter's own battery measurement for keep-alives that carry values (SMA 0x305,
     *                             docs/protocol.md §1.4); ignored by profiles whose keep-alive is 8 × 00
     * @throws NullPointerException if a reference component, or an element of {@code rs485Groups}, is null
     * @throws IllegalArgumentException if {@code bankId} is blank, {@code eventBuffer} &lt; 1, a group is not 0–7, or
     *         {@code rs485Groups} does not start with {@code rs485Group} or has duplicates
     */
    public DriverOptions {
        DriverOptionsChecks.requireComponents(bankId, profile, canProfile, policy, time, eventExecutor, scheduler,
                ticker, inverterMeasurements);
        rs485Groups = DriverOptionsChecks.checkedNumbers(bankId, rs485Group, eventBuffer, rs485Groups);
    }

    /**
     * Defaults for a bank: generic Pylon profile, {@link TimeSource#system()}, the driver's own thread.
     *
     * @param bankId the bank's id, carried by every event; not blank
     * @return options with every default of {@link #builder(String)}
     * @throws IllegalArgumentException if {@code bankId} is blank
     */
    public static DriverOptions defaults(String bankId) {
        return builder(bankId).build();
    }

    /**
     * A builder with the defaults.
     *
     * @param bankId the bank's id, carried by every event; checked by {@link Builder#build()}
     * @return a builder with the generic Pylon profile, {@link TimeSource#system()}, RS485 group 0 and the driver's own
     *         thread
     */
    public static Builder builder(String bankId) {
        return new Builder(bankId);
    }

    /**
     * A builder starting from these values.
     *
     * @return a builder holding every value of these options, to change some of them
     */
    public Builder toBuilder() {
        Builder b = new Builder(bankId);
        b.profile = profile;
        b.canProfile = canProfile;
        b.policy = policy;
        b.time = time;
        b.eventExecutor = eventExecutor.orElse(null);
        b.scheduler = scheduler.orElse(null);
        b.ticker = ticker.orElse(null);
        b.rs485Group = rs485Group;
        b.eventBuffer = eventBuffer;
        b.rs485Groups = rs485Groups;
        b.rs485PerModuleLimits = rs485PerModuleLimits;
        b.inverterMeasurements = inverterMeasurements;
        return b;
    }

    /** Builds {@link DriverOptions}; validation happens in {@link #build()}. */
    public static final class Builder {
        private String bankId;
        private InverterProfile profile = InverterProfile.GENERIC_PYLON;
        private CanProfile canProfile = CanProfile.PYLONTECH;
        private LimitPolicy policy;
        private TimeSource time = TimeSource.system();
        private Executor eventExecutor;
        private Scheduler scheduler;
        private SupervisionTicker ticker;
        private int rs485Group;
        private int eventBuffer = EventPublisher.DEFAULT_BUFFER_SIZE;
        private List<Integer> rs485Groups = List.of(0);
        private boolean rs485PerModuleLimits;
        private InverterMeasurementSource inverterMeasurements = InverterMeasurementSource.NONE;

        private Builder(String bankId) {
            this.bankId = bankId;
        }

        /**
         * The bank's id.
         *
         * @param value the bank's id, carried by every event; not blank
         * @return this builder
         */
        public Builder bankId(String value) {
            bankId = value;
            return this;
        }

        /**
         * The inverter profile (default {@link InverterProfile#GENERIC_PYLON}).
         *
         * @param value the inverter profile: keep-alive frames, supervision timeouts, RS485 polling, fail-safe limits
         * @return this builder
         */
        public Builder profile(InverterProfile value) {
            profile = value;
            return this;
        }

        /**
         * The CAN decoding profile (default {@link CanProfile#PYLONTECH}).
         *
         * @param value how CAN frames whose meaning differs between inverter brands are decoded
         * @return this builder
         */
        public Builder canProfile(CanProfile value) {
            canProfile = value;
            return this;
        }

        /**
         * The limit policy (default {@link LimitPolicy#of(InverterProfile)} of the profile).
         *
         * @param value the limit policy; replaces any caps or plausibility set before
         * @return this builder
         */
        public Builder policy(LimitPolicy value) {
            policy = value;
            return this;
        }

        /**
         * User caps on the published limits (shorthand for a policy with these caps).
         *
         * @param value the caps, applied to the policy set so far (or to the profile's default policy)
         * @return this builder
         */
        public Builder caps(LimitCaps value) {
            policy = (policy == null ? LimitPolicy.of(profile) : policy).withCaps(value);
            return this;
        }

        /**
         * The bounds the battery's limits must lie within to be published (shorthand for a policy with them; default
         * {@link LimitPlausibility#defaults()}, 48 V LV banks), e.g. {@code LimitPlausibility.lfpCells(8, 8)} for a
         * 24 V UP2500 or {@code LimitPlausibility.defaults().withBankCurrentAmps(300)} for a bank rated 300 A.
         *
         * @param value the bounds, applied to the policy set so far (or to the profile's default policy)
         * @return this builder
         */
        public Builder plausibility(LimitPlausibility value) {
            policy = (policy == null ? LimitPolicy.of(profile) : policy).withPlausibility(value);
            return this;
        }

        /**
         * The time source (default {@link TimeSource#system()}).
         *
         * @param value the time source: its monotonic reading decides every age and timeout, its wall clock is
         *              only displayed
         * @return this builder
         */
        public Builder time(TimeSource value) {
            time = value;
            return this;
        }

        /**
         * The wall clock, for display only (event timestamps, JSON): ages and timeouts are still measured on
         * {@link System#nanoTime()} ({@link TimeSource#withWallClock}), whatever this clock does. Tests that need to
         * drive time use {@link #time} with a {@link io.pylon4j.transport.time.ManualTimeSource}.
         *
         * @param wallClock the clock of the displayed timestamps
         * @return this builder
         */
        public Builder clock(Clock wallClock) {
            time = TimeSource.withWallClock(wallClock);
            return this;
        }

        /**
         * Where events are delivered; null for the driver's own thread. A direct executor ({@code Runnable::run})
         * runs listeners on the transport's I/O thread (see the class comment for what they must then never do).
         *
         * @param value the executor that delivers events (in order), or null for the driver's own thread
         * @return this builder
         */
        public Builder eventExecutor(Executor value) {
            eventExecutor = value;
            return this;
        }

        /**
         * Where periodic work runs; null for the driver's own thread.
         *
         * @param value the scheduler of keep-alives, RS485 polls and timeouts, or null for the driver's own thread
         * @return this builder
         */
        public Builder scheduler(Scheduler value) {
            scheduler = value;
            return this;
        }

        /**
         * A shared supervision ticker; null for one of the driver's own.
         *
         * @param value a ticker shared by several drivers (it must read the same monotonic source as
         *              {@link #time}), or null for one of the driver's own
         * @return this builder
         */
        public Builder ticker(SupervisionTicker value) {
            ticker = value;
            return this;
        }

        /**
         * The RS485 group whose master is polled (default 0); replaces {@link #rs485Groups}.
         *
         * @param value the group, 0–7 (checked by {@link #build()})
         * @return this builder
         */
        public Builder rs485Group(int value) {
            rs485Group = value;
            rs485Groups = List.of(value);
            return this;
        }

        /**
         * Several RS485 groups on one bus, as behind a Pylontech LV-Hub (default: the one of {@link #rs485Group}).
         * Each cycle asks every group's master for its whole stack (0x42, 0x44) and its 0x92; the first group's
         * master is also asked 0x51 and 0x47. A multi-group bank's masters are set to groups 1, 2, … (docs/protocol.md §2.3).
         *
         * @param groups the groups polled, first the one also asked 0x51 and 0x47; each 0–7, distinct
         * @return this builder
         * @throws IllegalArgumentException if {@code groups} is empty (the rest is checked by {@link #build()})
         */
        public Builder rs485Groups(List<Integer> groups) {
            if (groups.isEmpty()) {
                throw new IllegalArgumentException("rs485Groups must name at least one group");
            }
            rs485Groups = List.copyOf(groups);
            rs485Group = rs485Groups.get(0);
            return this;
        }

        /**
         * Whether to ask 0x92 of every module each cycle, not only of each group's master (default false). The
         * replies go into {@link ModuleDetails} (the module's own limits); the bank's limits stay the masters'.
         * Costs one request per slave module per cycle.
         *
         * @param value true to ask every module, false for each group's master only
         * @return this builder
         */
        public Builder rs485PerModuleLimits(boolean value) {
            rs485PerModuleLimits = value;
            return this;
        }

        /**
         * Per-subscriber event queue bound.
         *
         * @param value how many events each subscriber's queue holds before newer ones supersede queued ones,
         *              ≥ 1 (default 256)
         * @return this builder
         */
        public Builder eventBuffer(int value) {
            eventBuffer = value;
            return this;
        }

        /**
         * The inverter's own battery measurement, sent in the 0x305 keep-alive by profiles that carry values
         * ({@link InverterProfile#SMA}); default {@link InverterMeasurementSource#NONE} (8 × 00).
         *
         * @param value where the keep-alive's values come from
         * @return this builder
         */
        public Builder inverterMeasurements(InverterMeasurementSource value) {
            inverterMeasurements = value;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the options
         * @throws NullPointerException if a value set to null was required (all but the executor, scheduler and ticker)
         * @throws IllegalArgumentException if the bank id is blank, a group is not 0–7, the groups are not distinct or
         *         the event buffer is &lt; 1
         */
        public DriverOptions build() {
            return new DriverOptions(bankId, profile, canProfile, policy == null ? LimitPolicy.of(profile) : policy,
                    time, Optional.ofNullable(eventExecutor), Optional.ofNullable(scheduler),
                    Optional.ofNullable(ticker), rs485Group, eventBuffer, rs485Groups, rs485PerModuleLimits,
                    inverterMeasurements);
        }
    }
}
