package io.pylon4j.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

/**
 * A simulated Pylontech low-voltage bank: 1 to 6 groups (an LV-Hub joins up to six) of 1 to 16 modules of one
 * {@link ModulePreset}, with the physics, the master's aggregation, derating, request flags and the model side of
 * fault injection. The CAN and RS485 front ends read its {@link #snapshot()} and {@link #faults()}; they do no
 * modelling of their own.
 *
 * <h2>Time</h2>
 * No wall clock: simulated time starts at the builder's start time and moves only by {@link #advance(Duration)} or
 * {@link #advanceTo(Instant)} (a front end driven by a clock calls the latter with the clock's time). A long advance
 * (31 days in one call) is integrated in steps of at most the builder's integration step (default 10 s), never across
 * a change of the load profile; coulomb counting and the thermal model are exact within a step, so coarse steps lose
 * only the resolution of the request-flag timers and thresholds.
 *
 * <h2>Model (this simulator's, documented where it is an assumption)</h2>
 * <ul>
 *   <li>Current: the {@link LoadProfile} gives the bank's total current, split evenly over the modules online. A full
 *       module takes no more charge and an empty one gives no more discharge (its share becomes 0; the others do
 *       not take it over). Limits and protections are reported, not enforced on the current: the profile stands for
 *       what the inverter does, obedient or not.</li>
 *   <li>SOC: coulomb counting against the module's capacity, nominal × SOH. Cycles: full equivalent cycles, the
 *       discharged ampere-hours ÷ capacity, added to the initial count.</li>
 *   <li>Cell voltages, temperatures: see {@code CellModel} (an LFP open-circuit curve plus IR drop; a first-order
 *       thermal mass per module). Small fixed per-cell and per-sensor offsets are drawn once from the injected
 *       {@link RandomGenerator}.</li>
 *   <li>Protections and alarms: derived from the 0x47 {@link SystemParameters} — over-voltage at the cell (module)
 *       high limit, high-voltage alarm 50 mV below the cell limit; under-voltage at the cell (module) under-voltage
 *       limit, low-voltage alarm at the low limit; over/under-temperature at the temperature limits (charge limits
 *       while charging, discharge limits otherwise), alarms 5 °C inside them; over-current above the 0x47 maximum
 *       currents, high-current alarms above the preset's per-module figures. System error and internal
 *       communication fail only when forced. Forced flags add to derived ones.</li>
 *   <li>Per-module limits: the preset's per-module figures derated (see {@code Derating}: charge tapers above 95 %
 *       SOC and above 3.45 V per cell, no charge at or below 0 °C; discharge tapers below 10 % SOC; both taper near
 *       the 0x47 temperature limits), and 0 while a protection that blocks that direction is active.</li>
 *   <li>Bank (the master's aggregation, docs/protocol.md §1.2, §1.6): module count = modules online in all groups; CCL and DCL
 *       = the smallest per-module figure × modules online (equal to "per-module figure × modules online" when the
 *       modules agree: a 4-module US3000C bank reports 148 A); CVL and discharge voltage from the preset; SOC, SOH,
 *       voltage the averages, current the sum, temperature the average cell temperature; protections and alarms the
 *       union; charge (discharge) enable = CCL (DCL) above 0; force-charge and full-charge requests from the
 *       average SOC by the {@link RequestPolicy}. Each module also has its own limits and request flags, for
 *       RS485 0x92.</li>
 * </ul>
 *
 * <h2>Faults (issue 6 item 3, model side)</h2>
 * Module offline ({@link #setModuleOnline}), SOC divergence ({@link #setStateOfCharge(ModuleId, double)}), forced
 * protection and alarm flags ({@link #forceProtection}, {@link #forceAlarm}) change the modules and show in the
 * snapshot. Frozen values, communication lost, baud mismatch, corrupt checksums, noise, late replies and a second
 * CAN master are {@link FaultSettings}, switched with {@link #updateFaults} or the shortcuts here.
 *
 * <h2>Threads</h2>
 * Every method may be called from any thread. Changes run one at a time under a lock; each ends by publishing a new
 * immutable {@link BankSnapshot} through a volatile reference (unless values are frozen), so {@link #snapshot()} and
 * {@link #faults()} never block and never see a half-made change.
 */
public final class SimulatedBank {

    /** The seed of the default random generator, so that two banks built alike are alike. */
    public static final long DEFAULT_SEED = 0x5EED_0F_B0A7L;

    private final ReentrantLock lock = new ReentrantLock();
    private final ModulePreset preset;
    private final BankModules modules;
    private final BankTime clock;

    private double ambientCelsius;

    private volatile FaultSettings faults = FaultSettings.NONE;
    private volatile BankSnapshot published;

    private SimulatedBank(Builder b) {
        this.preset = b.preset;
        this.clock = new BankTime(b.startTime, b.integrationStep, b.profile);
        this.ambientCelsius = b.ambientCelsius;
        this.modules = new BankModules(b);
        this.published = build();
    }

    /**
     * {@return a builder for a bank of {@code preset} modules: by default one group of one module at 50 % SOC, 25 °C,
     * 0 A}
     *
     * @param preset the model of every module (cells, capacity, limits)
     */
    public static Builder builder(ModulePreset preset) {
        return new Builder(preset);
    }

    /** {@return the latest published snapshot: lock-free, from any thread} While values are frozen, the one before. */
    public BankSnapshot snapshot() {
        return published;
    }

    /** {@return the bank-wide fault switches the front ends obey: lock-free, from any thread} */
    public FaultSettings faults() {
        return faults;
    }

    /** {@return the modules' preset} */
    public ModulePreset preset() {
        return preset;
    }

    /** {@return every module's id, group by group} */
    public List<ModuleId> moduleIds() {
        return modules.ids();
    }

    /** {@return the simulated time now (also while values are frozen)} */
    public Instant now() {
        lock.lock();
        try {
            return clock.now();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Lets {@code duration} of simulated time pass: integrates the load profile's current, updates temperatures,
     * limits and request flags, and publishes a new snapshot.
     *
     * @param duration how much simulated time passes, zero or more
     * @return the published snapshot (the frozen one while values are frozen)
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    public BankSnapshot advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("simulated time cannot go back: advance(" + duration + ")");
        }
        lock.lock();
        try {
            clock.advance(duration.toNanos(),
                    (bankAmps, nanos) -> modules.integrate(bankAmps, nanos, ambientCelsius));
            publish();
            return published;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Advances simulated time to {@code time}: for front ends driven by an injected clock.
     *
     * @param time the simulated time to reach, not before {@link #now()}
     * @return the published snapshot (the frozen one while values are frozen)
     * @throws IllegalArgumentException if {@code time} is before {@link #now()}
     */
    public BankSnapshot advanceTo(Instant time) {
        Objects.requireNonNull(time, "time");
        lock.lock();
        try {
            Instant now = clock.now();
            if (time.isBefore(now)) {
                throw new IllegalArgumentException("simulated time cannot go back from " + now + " to " + time);
            }
            return advance(Duration.between(now, time));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Replaces the load profile; the new profile's time starts now.
     *
     * @param loadProfile the bank current from now on
     */
    public void setLoadProfile(LoadProfile loadProfile) {
        Objects.requireNonNull(loadProfile, "loadProfile");
        mutate(() -> clock.profile(loadProfile));
    }

    /**
     * Shortcut for a {@linkplain LoadProfile#constant constant} profile: {@code amps} from now on (+ = charge).
     *
     * @param amps the bank current, A, positive = charge
     */
    public void setCurrent(double amps) {
        setLoadProfile(LoadProfile.constant(amps));
    }

    /**
     * Sets the ambient temperature; the modules drift towards it with the thermal model's time constant (1 h).
     *
     * @param celsius the ambient temperature, °C, −60 to 150
     */
    public void setAmbientTemperature(double celsius) {
        checkTemperature(celsius);
        mutate(() -> ambientCelsius = celsius);
    }

    /**
     * Sets the ambient temperature and every module's cell temperature at once (the bank moved somewhere else).
     *
     * @param celsius the temperature, °C, −60 to 150
     */
    public void setTemperature(double celsius) {
        checkTemperature(celsius);
        mutate(() -> {
            ambientCelsius = celsius;
            modules.all().forEach(m -> m.setCellTemperature(celsius));
        });
    }

    /**
     * Sets one module's cell temperature at once (it then drifts towards the ambient temperature).
     *
     * @param id      the module, as {@link ModuleId#of(int, int)} names it
     * @param celsius the module's cell temperature, °C, −60 to 150
     */
    public void setCellTemperature(ModuleId id, double celsius) {
        checkTemperature(celsius);
        mutate(() -> module(id).setCellTemperature(celsius));
    }

    private static void checkTemperature(double celsius) {
        if (!(celsius >= -60 && celsius <= 150)) {
            throw new IllegalArgumentException("temperature must be −60 to 150 °C: " + celsius);
        }
    }

    /**
     * Takes a module out of the bank or puts it back (the "module dropping out" fault): an offline module carries no
     * current and leaves the count, the CCL and DCL and every average.
     *
     * @param id     the module, as {@link ModuleId#of(int, int)} names it
     * @param online false to take the module out, true to put it back
     */
    public void setModuleOnline(ModuleId id, boolean online) {
        mutate(() -> module(id).setOnline(online));
    }

    /**
     * Sets one module's SOC (the "SOC divergence" fault), 0 to 100 %.
     *
     * @param id      the module, as {@link ModuleId#of(int, int)} names it
     * @param percent the module's SOC, %, 0 to 100
     */
    public void setStateOfCharge(ModuleId id, double percent) {
        checkPercent(percent, "SOC");
        mutate(() -> module(id).setStateOfCharge(percent));
    }

    /**
     * Sets every module's SOC, 0 to 100 %.
     *
     * @param percent every module's SOC, %, 0 to 100
     */
    public void setStateOfCharge(double percent) {
        checkPercent(percent, "SOC");
        mutate(() -> modules.all().forEach(m -> m.setStateOfCharge(percent)));
    }

    /**
     * Sets one module's SOH, 1 to 100 %: its full capacity becomes nominal × SOH, its SOC stays.
     *
     * @param id      the module, as {@link ModuleId#of(int, int)} names it
     * @param percent the module's SOH, %, 1 to 100
     */
    public void setStateOfHealth(ModuleId id, int percent) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("SOH must be 1 to 100 %: " + percent);
        }
        mutate(() -> module(id).setStateOfHealth(percent));
    }

    private static void checkPercent(double percent, String what) {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException(what + " must be 0 to 100 %: " + percent);
        }
    }

    /**
     * Raises a protection on a module until cleared, whatever its state.
     *
     * @param id         the module, as {@link ModuleId#of(int, int)} names it
     * @param protection the protection to raise
     */
    public void forceProtection(ModuleId id, Protection protection) {
        Objects.requireNonNull(protection, "protection");
        mutate(() -> module(id).forcedProtections().add(protection));
    }

    /**
     * Stops forcing a protection (it stays if the module's state raises it).
     *
     * @param id         the module, as {@link ModuleId#of(int, int)} names it
     * @param protection the protection no longer forced
     */
    public void clearProtection(ModuleId id, Protection protection) {
        Objects.requireNonNull(protection, "protection");
        mutate(() -> module(id).forcedProtections().remove(protection));
    }

    /**
     * Raises an alarm on a module until cleared, whatever its state.
     *
     * @param id    the module, as {@link ModuleId#of(int, int)} names it
     * @param alarm the alarm to raise
     */
    public void forceAlarm(ModuleId id, Alarm alarm) {
        Objects.requireNonNull(alarm, "alarm");
        mutate(() -> module(id).forcedAlarms().add(alarm));
    }

    /**
     * Stops forcing an alarm (it stays if the module's state raises it).
     *
     * @param id    the module, as {@link ModuleId#of(int, int)} names it
     * @param alarm the alarm no longer forced
     */
    public void clearAlarm(ModuleId id, Alarm alarm) {
        Objects.requireNonNull(alarm, "alarm");
        mutate(() -> module(id).forcedAlarms().remove(alarm));
    }

    /** Stops forcing every protection and alarm on every module. */
    public void clearForcedFlags() {
        mutate(() -> modules.all().forEach(m -> {
            m.forcedProtections().clear();
            m.forcedAlarms().clear();
        }));
    }

    /** Freezes the published values: {@link #snapshot()} stays as it is while time and physics go on. */
    public void freezeValues() {
        updateFaults(f -> f.withValuesFrozen(true));
    }

    /** Unfreezes the values and publishes the current state at once. */
    public void unfreezeValues() {
        updateFaults(f -> f.withValuesFrozen(false));
    }

    /**
     * Turns the second-CAN-master fault on with the given limits for the second 0x351 source.
     *
     * @param limits what the second master's 0x351 sends
     */
    public void enableSecondMaster(ChargeLimits limits) {
        Objects.requireNonNull(limits, "limits");
        updateFaults(f -> f.withSecondMaster(limits));
    }

    /**
     * Turns the second-CAN-master fault on with the limits a slave would report on its own: the current per-module
     * limits of module g0m1 (g0m0 in a one-module bank), so the inverter sees one module's current figure besides
     * the bank's.
     */
    public void enableSecondMaster() {
        lock.lock();
        try {
            List<ModuleId> ids = modules.ids();
            ModuleId slave = ids.size() > 1 ? ids.get(1) : ids.get(0);
            enableSecondMaster(module(slave).snapshot().limits());
        } finally {
            lock.unlock();
        }
    }

    /** Turns the second-CAN-master fault off. */
    public void disableSecondMaster() {
        updateFaults(f -> f.withSecondMaster(null));
    }

    /**
     * Changes the fault settings atomically, for example {@code bank.updateFaults(f -> f.withCommunicationLost(true))}.
     * Unfreezing publishes the current state.
     *
     * @param change maps the current settings to the new ones; called under the bank's lock, must not block
     * @return the new settings
     */
    public FaultSettings updateFaults(UnaryOperator<FaultSettings> change) {
        Objects.requireNonNull(change, "change");
        lock.lock();
        try {
            FaultSettings next = Objects.requireNonNull(change.apply(faults), "the changed fault settings");
            faults = next;
            publish();
            return next;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Replaces all fault settings ({@link FaultSettings#NONE} switches every bank-wide fault off).
     *
     * @param settings the new bank-wide fault settings
     */
    public void setFaults(FaultSettings settings) {
        Objects.requireNonNull(settings, "settings");
        updateFaults(f -> settings);
    }

    private void mutate(Runnable change) {
        lock.lock();
        try {
            change.run();
            modules.refreshRequests();
            publish();
        } finally {
            lock.unlock();
        }
    }

    private SimulatedModule module(ModuleId id) {
        return modules.module(id);
    }

    private void publish() {
        if (!faults.valuesFrozen()) {
            published = build();
        }
    }

    private BankSnapshot build() {
        return MasterAggregation.snapshot(clock.now(), preset, modules.all(), modules.bankTracker());
    }

    /** Builds a {@link SimulatedBank}; every setting has a default. */
    public static final class Builder {

        final ModulePreset preset;
        int groups = 1;
        int modulesPerGroup = 1;
        double socPercent = 50;
        int sohPercent = 100;
        int cycles;
        double ambientCelsius = 25;
        LoadProfile profile = LoadProfile.constant(0);
        RequestPolicy policy = RequestPolicy.US2000B_PLUS;
        RandomGenerator random;
        double cellVoltageSpreadMillivolts = 3;
        double temperatureSpreadCelsius = 0.3;
        Duration integrationStep = Duration.ofSeconds(10);
        Instant startTime = Instant.EPOCH;

        private Builder(ModulePreset preset) {
            this.preset = Objects.requireNonNull(preset, "preset");
        }

        /**
         * The number of groups, 1 to 6 (an LV-Hub joins up to six groups). Default 1.
         *
         * @param groups the number of groups
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder groups(int groups) {
            if (groups < 1 || groups > ModuleId.MAX_GROUPS) {
                throw new IllegalArgumentException(
                        "groups must be 1 to " + ModuleId.MAX_GROUPS + " (an LV-Hub joins up to 6 groups): " + groups);
            }
            this.groups = groups;
            return this;
        }

        /**
         * The number of modules in each group, 1 to 16. Default 1.
         *
         * @param modules the modules in each group
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder modulesPerGroup(int modules) {
            if (modules < 1 || modules > ModuleId.MAX_MODULES_PER_GROUP) {
                throw new IllegalArgumentException("modulesPerGroup must be 1 to " + ModuleId.MAX_MODULES_PER_GROUP
                        + " (modules in one group): " + modules);
            }
            this.modulesPerGroup = modules;
            return this;
        }

        /**
         * Every module's starting SOC, 0 to 100 %. Default 50.
         *
         * @param percent the SOC, %
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder stateOfCharge(double percent) {
            checkPercent(percent, "SOC");
            this.socPercent = percent;
            return this;
        }

        /**
         * Every module's SOH, 1 to 100 % (full capacity = nominal × SOH). Default 100.
         *
         * @param percent the SOH, %
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder stateOfHealth(int percent) {
            if (percent < 1 || percent > 100) {
                throw new IllegalArgumentException("SOH must be 1 to 100 %: " + percent);
            }
            this.sohPercent = percent;
            return this;
        }

        /**
         * Every module's starting cycle count, not negative. Default 0.
         *
         * @param cycles the cycle count
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder cycles(int cycles) {
            if (cycles < 0) {
                throw new IllegalArgumentException("cycles must not be negative: " + cycles);
            }
            this.cycles = cycles;
            return this;
        }

        /**
         * The ambient temperature, which is also every module's starting temperature. Default 25 °C.
         *
         * @param celsius the temperature, °C, −60 to 150
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder ambientTemperature(double celsius) {
            checkTemperature(celsius);
            this.ambientCelsius = celsius;
            return this;
        }

        /**
         * The load profile from the start. Default 0 A.
         *
         * @param profile the bank current over time
         * @return this builder
         */
        public Builder loadProfile(LoadProfile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        /**
         * When the force-charge and full-charge requests are raised. Default {@link RequestPolicy#US2000B_PLUS}.
         *
         * @param policy the SOC thresholds and timer of the requests
         * @return this builder
         */
        public Builder requestPolicy(RequestPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The source of the per-cell and per-sensor offsets. Default a {@link SplittableRandom} seeded with
         *
         * @param random draws each cell's and sensor's offset once, at build time
         * @return this builder
         * {@link #DEFAULT_SEED}. */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * Shortcut for {@code random(new SplittableRandom(seed))}.
         *
         * @param seed the seed of the offsets: the same seed, the same cells
         * @return this builder
         */
        public Builder seed(long seed) {
            return random(new SplittableRandom(seed));
        }

        /**
         * The largest per-cell voltage offset (± mV, drawn once per cell) and per-sensor temperature offset (± °C,
         * drawn once per sensor). Defaults 3 mV and 0.3 °C; 0 and 0 give identical cells and sensors.
         *
         * @param cellMillivolts     the largest cell voltage offset, mV, 0 to 100
         * @param temperatureCelsius the largest sensor temperature offset, °C, 0 to 10
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder spread(double cellMillivolts, double temperatureCelsius) {
            if (!(cellMillivolts >= 0 && cellMillivolts <= 100)) {
                throw new IllegalArgumentException("cell voltage spread must be 0 to 100 mV: " + cellMillivolts);
            }
            if (!(temperatureCelsius >= 0 && temperatureCelsius <= 10)) {
                throw new IllegalArgumentException("temperature spread must be 0 to 10 °C: " + temperatureCelsius);
            }
            this.cellVoltageSpreadMillivolts = cellMillivolts;
            this.temperatureSpreadCelsius = temperatureCelsius;
            return this;
        }

        /**
         * The longest integration step. Default 10 s.
         *
         * @param step the longest step, positive, at most one day
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder integrationStep(Duration step) {
            Objects.requireNonNull(step, "step");
            if (step.isNegative() || step.isZero() || step.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("integration step must be positive and at most one day: " + step);
            }
            this.integrationStep = step;
            return this;
        }

        /**
         * The simulated time at the start. Default {@link Instant#EPOCH}.
         *
         * @param time the simulated wall-clock time at the start
         * @return this builder
         */
        public Builder startTime(Instant time) {
            this.startTime = Objects.requireNonNull(time, "time");
            return this;
        }

        /** {@return a new bank with these settings, at its start time} */
        public SimulatedBank build() {
            if (random == null) {
                random = new SplittableRandom(DEFAULT_SEED);
            }
            return new SimulatedBank(this);
        }
    }
}
