package io.pylon4j.driver;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How the driver behaves towards one brand of inverter: keep-alive frames, supervision timeouts, RS485 polling and
 * fail-safe. Immutable; start from a preset and change it with {@link #toBuilder()}. Every default below names its
 * source in docs/protocol.md; "engineering choice" marks a default that
 * no public source fixes.
 *
 * <p>Presets (other brands' "PYLON" CAN modes — GoodWe, Growatt, Solis, Luxpower — have no public timing document;
 * use {@link #GENERIC_PYLON}):
 * <table>
 * <caption>presets</caption>
 * <tr><th>preset</th><th>keep-alive</th><th>stale</th><th>lost</th><th>source</th></tr>
 * <tr><td>{@link #GENERIC_PYLON}</td><td>0x305 every 1 s</td><td>3 s</td><td>10 s</td>
 *     <td>[CAN12] p.2 (0x305 each second); stale = the strictest inverter timeout known (Victron, §1.5); lost:
 *     engineering choice (issue 7 default)</td></tr>
 * <tr><td>{@link #VICTRON}</td><td>0x305 + 0x307 every 1 s</td><td>3 s</td><td>10 s</td>
 *     <td>§1.4 ([DFCH], [VWIKI]: 0x307 = 12 34 56 78 'VIC' 00); §1.5 ([DIY]: 0x351 at least every 3 s)</td></tr>
 * <tr><td>{@link #SMA}</td><td>0x305 every 1 s, with values</td><td>60 s</td><td>60 s</td>
 *     <td>§1.4 ([SMA] §6: 0x305 carries voltage, current, temperature, SOC); §1.5 ([SMA] §5.1, §7: 0x351 missing
 *     60 s → W952 warning, 0x355 missing 60 s → F952 standby; both at 60 s, so the bank goes from FRESH straight
 *     to LOST)</td></tr>
 * <tr><td>{@link #DEYE}</td><td>0x305 every 1 s</td><td>3 s</td><td>10 s</td>
 *     <td>§1.10 ([DEYE12] is word for word [CAN12]); no Deye timeout is published: generic values. Note: Deye keeps
 *     using the battery with 0 A limits (Battery-Emulator issue 1534) and falls back to voltage control when CAN
 *     breaks ([ARMIN]), so fail-safe limits alone do not stop a Deye.</td></tr>
 * <tr><td>{@link #SOL_ARK}</td><td>0x305 after each received data set</td><td>3 s</td><td>10 s</td>
 *     <td>§1.4 ([SOLARK]: 0x305 sent each time the inverter has correctly received the battery's data set);
 *     timeouts generic</td></tr>
 * <tr><td>{@link #SOFAR}</td><td>0x305 every 1 s</td><td>3 s</td><td>10 s</td>
 *     <td>§1.10: generic Pylon set ([SFLREAD]); [DIY] found a Sofar ignores all-zero limits, so software that
 *     forwards fail-safe zeros to a Sofar must send its own "stop" values</td></tr>
 * </table>
 *
 * <p>RS485 defaults (all presets; no public source fixes them — engineering choices): poll every 1 s (as fresh as
 * the CAN cycle), 1 s response timeout (a 0x42 reply of ~140 characters takes 15 ms at 115200 baud and 150 ms at
 * 9600), 2 retries. A missing reply is not fatal (§2.3).
 *
 * @param name                      a short name, e.g. {@code "victron"}
 * @param keepAliveInterval         period of the inverter's 0x305 keep-alive; {@link Duration#ZERO} sends none
 * @param sendsVictronIdentity      also send 0x307 ({@code 12 34 56 78 56 49 43 00}) with each keep-alive
 * @param keepAliveCarriesValues    the 0x305 carries the inverter's measurements (SMA) instead of 8 × 00, taken from
 *                                  {@link DriverOptions#inverterMeasurements()} (8 × 00 while it has none)
 * @param keepAliveAfterEachDataSet send 0x305 after each complete data set received (Sol-Ark) rather than on a timer
 * @param staleTimeout              the bank is {@link SupervisionState#STALE} when its newest limits are older
 * @param lostTimeout               the bank is {@link SupervisionState#LOST} when its newest limits are older; ≥ stale
 * @param rs485PollInterval         period of one RS485 poll cycle
 * @param rs485ResponseTimeout      how long to wait for one RS485 reply
 * @param rs485Retries              how often to repeat an unanswered RS485 request
 * @param failSafe                  when published currents are forced to 0
 */
public record InverterProfile(String name, Duration keepAliveInterval, boolean sendsVictronIdentity,
                              boolean keepAliveCarriesValues, boolean keepAliveAfterEachDataSet,
                              Duration staleTimeout, Duration lostTimeout, Duration rs485PollInterval,
                              Duration rs485ResponseTimeout, int rs485Retries, FailSafePolicy failSafe) {

    /** Generic Pylontech V1.2 inverter: 0x305 every 1 s, stale after 3 s, lost after 10 s. */
    public static final InverterProfile GENERIC_PYLON = new InverterProfile("generic-pylon", Duration.ofSeconds(1),
            false, false, false, Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(1),
            Duration.ofSeconds(1), 2, FailSafePolicy.ZERO_CURRENTS_WHEN_STALE);

    /** Victron GX: 0x305 and 0x307 every 1 s; stale after 3 s (the GX needs 0x351 every 3 s), lost after 10 s. */
    public static final InverterProfile VICTRON = GENERIC_PYLON.toBuilder().name("victron")
            .sendsVictronIdentity(true).build();

    /** SMA Sunny Island: 0x305 with values every 1 s; 60 s timeouts. */
    public static final InverterProfile SMA = GENERIC_PYLON.toBuilder().name("sma").keepAliveCarriesValues(true)
            .staleTimeout(Duration.ofSeconds(60)).lostTimeout(Duration.ofSeconds(60)).build();

    /** Deye / Sunsynk: the Pylontech V1.2 set, generic timing. */
    public static final InverterProfile DEYE = GENERIC_PYLON.toBuilder().name("deye").build();

    /** Sol-Ark: 0x305 after each received data set, generic timeouts. */
    public static final InverterProfile SOL_ARK = GENERIC_PYLON.toBuilder().name("sol-ark")
            .keepAliveAfterEachDataSet(true).build();

    /** Sofar: the generic Pylon set. */
    public static final InverterProfile SOFAR = GENERIC_PYLON.toBuilder().name("sofar").build();

    private static final List<InverterProfile> PRESETS = List.of(GENERIC_PYLON, VICTRON, SMA, DEYE, SOL_ARK, SOFAR);

    /**
     * Checks the values.
     *
     * @param name                      a short name, not blank
     * @param keepAliveInterval         period of the 0x305 keep-alive, ≥ 0; zero sends none
     * @param sendsVictronIdentity      also send 0x307 with each keep-alive
     * @param keepAliveCarriesValues    the 0x305 carries the inverter's measurements (SMA)
     * @param keepAliveAfterEachDataSet send 0x305 after each complete data set rather than on a timer
     * @param staleTimeout              age of the newest limits at which the bank is STALE, &gt; 0
     * @param lostTimeout               age of the newest limits at which the bank is LOST, ≥ {@code staleTimeout}
     * @param rs485PollInterval         period of one RS485 poll cycle, &gt; 0
     * @param rs485ResponseTimeout      how long to wait for one RS485 reply, &gt; 0
     * @param rs485Retries              how often to repeat an unanswered RS485 request, ≥ 0
     * @param failSafe                  when published currents are forced to 0
     * @throws IllegalArgumentException if a value is out of its range or {@code name} is blank
     * @throws NullPointerException     if an object is null
     */
    public InverterProfile {
        InverterProfileChecks.check(name, keepAliveInterval, staleTimeout, lostTimeout, rs485PollInterval,
                rs485ResponseTimeout, rs485Retries, failSafe);
    }

    /**
     * The generic Pylon profile.
     *
     * @return {@link #GENERIC_PYLON}
     */
    public static InverterProfile defaults() {
        return GENERIC_PYLON;
    }

    /**
     * Every preset, generic first.
     *
     * @return the presets, an unmodifiable list
     */
    public static List<InverterProfile> presets() {
        return PRESETS;
    }

    /**
     * The preset with this name ({@code "victron"}, {@code "sma"}, …), case-insensitive.
     *
     * @param name a preset's {@link #name()}, in any case
     * @return the preset, or empty if no preset has that name
     */
    public static Optional<InverterProfile> preset(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return PRESETS.stream().filter(p -> p.name.equals(wanted)).findFirst();
    }

    /**
     * A builder starting from this profile's values.
     *
     * @return a new builder holding this profile's values
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds an {@link InverterProfile}; validation happens in {@link #build()}. */
    public static final class Builder {
        private String name;
        private Duration keepAliveInterval;
        private boolean sendsVictronIdentity;
        private boolean keepAliveCarriesValues;
        private boolean keepAliveAfterEachDataSet;
        private Duration staleTimeout;
        private Duration lostTimeout;
        private Duration rs485PollInterval;
        private Duration rs485ResponseTimeout;
        private int rs485Retries;
        private FailSafePolicy failSafe;

        private Builder(InverterProfile p) {
            name = p.name;
            keepAliveInterval = p.keepAliveInterval;
            sendsVictronIdentity = p.sendsVictronIdentity;
            keepAliveCarriesValues = p.keepAliveCarriesValues;
            keepAliveAfterEachDataSet = p.keepAliveAfterEachDataSet;
            staleTimeout = p.staleTimeout;
            lostTimeout = p.lostTimeout;
            rs485PollInterval = p.rs485PollInterval;
            rs485ResponseTimeout = p.rs485ResponseTimeout;
            rs485Retries = p.rs485Retries;
            failSafe = p.failSafe;
        }

        /**
         * Sets the short name.
         *
         * @param value a short name, e.g. {@code "victron"}; not blank
         * @return this builder
         */
        public Builder name(String value) {
            name = value;
            return this;
        }

        /**
         * Sets the period of the 0x305 keep-alive.
         *
         * @param value the period; {@link Duration#ZERO} sends none
         * @return this builder
         */
        public Builder keepAliveInterval(Duration value) {
            keepAliveInterval = value;
            return this;
        }

        /**
         * Sets whether 0x307 (Victron's identity) goes with each keep-alive.
         *
         * @param value true to send 0x307
         * @return this builder
         */
        public Builder sendsVictronIdentity(boolean value) {
            sendsVictronIdentity = value;
            return this;
        }

        /**
         * Sets whether the 0x305 carries the inverter's measurements (SMA) rather than 8 × 00.
         *
         * @param value true to send measurements
         * @return this builder
         */
        public Builder keepAliveCarriesValues(boolean value) {
            keepAliveCarriesValues = value;
            return this;
        }

        /**
         * Sets whether 0x305 goes after each complete data set received (Sol-Ark) rather than on a timer.
         *
         * @param value true to answer each data set
         * @return this builder
         */
        public Builder keepAliveAfterEachDataSet(boolean value) {
            keepAliveAfterEachDataSet = value;
            return this;
        }

        /**
         * Sets the age of the newest limits at which the bank becomes STALE.
         *
         * @param value the timeout, positive
         * @return this builder
         */
        public Builder staleTimeout(Duration value) {
            staleTimeout = value;
            return this;
        }

        /**
         * Sets the age of the newest limits at which the bank becomes LOST.
         *
         * @param value the timeout, at least the stale timeout
         * @return this builder
         */
        public Builder lostTimeout(Duration value) {
            lostTimeout = value;
            return this;
        }

        /**
         * Sets the period of one RS485 poll cycle.
         *
         * @param value the period, positive
         * @return this builder
         */
        public Builder rs485PollInterval(Duration value) {
            rs485PollInterval = value;
            return this;
        }

        /**
         * Sets how long to wait for one RS485 reply.
         *
         * @param value the timeout, positive
         * @return this builder
         */
        public Builder rs485ResponseTimeout(Duration value) {
            rs485ResponseTimeout = value;
            return this;
        }

        /**
         * Sets how often an unanswered RS485 request is repeated.
         *
         * @param value the number of retries, ≥ 0
         * @return this builder
         */
        public Builder rs485Retries(int value) {
            rs485Retries = value;
            return this;
        }

        /**
         * Sets when the published currents are forced to 0.
         *
         * @param value the fail-safe policy
         * @return this builder
         */
        public Builder failSafe(FailSafePolicy value) {
            failSafe = value;
            return this;
        }

        /**
         * Builds and validates the profile.
         *
         * @return the profile
         * @throws IllegalArgumentException if a value is out of its range (see the record's constructor)
         * @throws NullPointerException     if a value is null
         */
        public InverterProfile build() {
            return new InverterProfile(name, keepAliveInterval, sendsVictronIdentity, keepAliveCarriesValues,
                    keepAliveAfterEachDataSet, staleTimeout, lostTimeout, rs485PollInterval, rs485ResponseTimeout,
                    rs485Retries, failSafe);
        }
    }
}
