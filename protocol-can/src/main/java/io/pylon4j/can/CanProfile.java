package io.pylon4j.can;

import java.util.Locale;
import java.util.Objects;

/**
 * Every choice the CAN codec makes where its sources disagree (docs/protocol.md §1.11), as one immutable value.
 *
 * <p>The default, {@link #PYLONTECH}, decodes as real Pylontech hardware and the most widely used documents do. The
 * other presets and the {@link #builder()} pick the alternatives; decode and encode both honour the profile, so that
 * a frame decoded and encoded with the same profile comes back bit for bit.
 *
 * <table>
 *   <caption>options and presets</caption>
 *   <tr><th>option</th><th>{@link #PYLONTECH}</th><th>{@link #VICTRON}</th><th>{@link #SMA}</th>
 *       <th>{@link #SOL_ARK}</th></tr>
 *   <tr><td>{@link #frames370And371()}</td><td>PYLON_PLUS_NUMERIC</td><td>ASCII_NAME</td><td>ASCII_NAME</td>
 *       <td>PYLON_PLUS_NUMERIC</td></tr>
 *   <tr><td>{@link #alarmPairPolarity()}</td><td>SMA</td><td>SMA</td><td>SMA</td><td>SMA</td></tr>
 *   <tr><td>{@link #batteryVoltageResolution()}</td><td>CENTIVOLT</td><td>CENTIVOLT</td><td>CENTIVOLT</td>
 *       <td>DECIVOLT</td></tr>
 *   <tr><td>{@link #energyResolution()}</td><td>HUNDRED_WATT_HOURS</td><td>HUNDRED_WATT_HOURS</td>
 *       <td>HUNDRED_WATT_HOURS</td><td>HUNDRED_WATT_HOURS</td></tr>
 *   <tr><td>{@link #inverterFrames()}</td><td>GENERIC</td><td>GENERIC</td><td>SMA</td><td>GENERIC</td></tr>
 * </table>
 *
 * @param frames370And371          what 0x370 and 0x371 carry
 * @param alarmPairPolarity        which bit of a 0x35A pair means "raised"
 * @param batteryVoltageResolution the unit of 0x356's voltage
 * @param energyResolution         the unit of 0x378's energy counters
 * @param inverterFrames           what 0x305, 0x306 and 0x307 from the inverter carry
 */
public record CanProfile(Frames370And371 frames370And371, AlarmPairPolarity alarmPairPolarity,
        VoltageResolution batteryVoltageResolution, EnergyResolution energyResolution,
        InverterFrames inverterFrames) {

    /**
     * Real Pylontech behaviour, the default: numeric "PYLON+" 0x370/0x371, SMA pair polarity, 0.01 V, 0.1 kWh,
     * generic inverter keep-alives.
     */
    public static final CanProfile PYLONTECH = new CanProfile(Frames370And371.PYLON_PLUS_NUMERIC,
            AlarmPairPolarity.SMA, VoltageResolution.CENTIVOLT, EnergyResolution.HUNDRED_WATT_HOURS,
            InverterFrames.GENERIC);
    /** A Victron GX and Victron-style batteries: as {@link #PYLONTECH}, but 0x370/0x371 carry the BMS name. */
    public static final CanProfile VICTRON = PYLONTECH.toBuilder().frames370And371(Frames370And371.ASCII_NAME).build();
    /**
     * An SMA Sunny Island: 0x305 to 0x307 from the inverter are SMA's process values, 0x370/0x371 a name (Victron/SMA
     * flavour).
     */
    public static final CanProfile SMA = VICTRON.toBuilder().inverterFrames(InverterFrames.SMA).build();
    /** Sol-Ark (and Discover AES batteries): as {@link #PYLONTECH}, but 0x356's voltage is in 0.1 V [SOLARK]. */
    public static final CanProfile SOL_ARK = PYLONTECH.toBuilder()
            .batteryVoltageResolution(VoltageResolution.DECIVOLT).build();

    /**
     * Checks that every option is set.
     *
     * @param frames370And371          what 0x370 and 0x371 carry
     * @param alarmPairPolarity        which bit of a 0x35A pair means "raised"
     * @param batteryVoltageResolution the unit of 0x356's voltage
     * @param energyResolution         the unit of 0x378's energy counters
     * @param inverterFrames           what 0x305, 0x306 and 0x307 from the inverter carry
     * @throws NullPointerException if one is null
     */
    public CanProfile {
        Objects.requireNonNull(frames370And371, "frames370And371");
        Objects.requireNonNull(alarmPairPolarity, "alarmPairPolarity");
        Objects.requireNonNull(batteryVoltageResolution, "batteryVoltageResolution");
        Objects.requireNonNull(energyResolution, "energyResolution");
        Objects.requireNonNull(inverterFrames, "inverterFrames");
    }

    /**
     * A builder starting from {@link #PYLONTECH}.
     *
     * @return a new builder holding Pylontech's choices
     */
    public static Builder builder() {
        return PYLONTECH.toBuilder();
    }

    /**
     * A builder starting from this profile.
     *
     * @return a new builder holding this profile's choices
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * The preset of this name, ignoring case: {@code pylontech}, {@code victron}, {@code sma}, {@code sol-ark}
     * ({@code sol_ark} and {@code solark} too).
     *
     * @param name a preset's name, as {@code pylon monitor --profile} takes it
     * @return the preset
     * @throws IllegalArgumentException if there is none
     */
    public static CanProfile named(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "pylontech":
                return PYLONTECH;
            case "victron":
                return VICTRON;
            case "sma":
                return SMA;
            case "sol-ark":
            case "sol_ark":
            case "solark":
                return SOL_ARK;
            default:
                throw new IllegalArgumentException("no CAN profile named '" + name
                        + "'; the presets are pylontech, victron, sma, sol-ark");
        }
    }

    /** What 0x370 and 0x371 carry (docs/protocol.md §1.8, §1.11 item 8). */
    public enum Frames370And371 {
        /**
         * The "PYLON+" numbers of [SEPLOS] and [OSE]: {@link PylonPlusCellExtremes} and {@link PylonPlusCellExtremeIds}.
         * The default: the set SEPLOS calls "compatible with Pylontech V1.3".
         */
        PYLON_PLUS_NUMERIC,
        /** Victron style: a 16-character BMS name, {@link BmsNamePart1} and {@link BmsNamePart2} ([DIY], captures). */
        ASCII_NAME
    }

    /** Which bit of a 0x35A pair means "raised" (docs/protocol.md §1.8, §1.11 item 7). */
    public enum AlarmPairPolarity {
        /** [SMA] §7, [DIY], [ODTU]: the lower bit, {@code 01} = raised, {@code 10} = cleared. The default. */
        SMA,
        /** The reading docs/protocol.md attributes to [BROG]: {@code 10} = raised, {@code 01} = cleared. */
        REVERSED
    }

    /** The unit of 0x356's voltage (docs/protocol.md §1.8, §1.11 item 3). */
    public enum VoltageResolution {
        /** 0.01 V: [CAN12], [SMA], [SEPLOS] and every Pylontech capture. The default. */
        CENTIVOLT,
        /** 0.1 V: [SOLARK] and the Discover AES capture. */
        DECIVOLT
    }

    /** The unit of 0x378's energy counters (docs/protocol.md §1.8, §1.11 item 9). */
    public enum EnergyResolution {
        /** 0.1 kWh: BYD ([DFCH]) and Pytes ([ODTU]) as observed. The default. */
        HUNDRED_WATT_HOURS,
        /** 0.01 kWh: MG Energy Systems' guide [MGLV]. */
        TEN_WATT_HOURS
    }

    /** What 0x305, 0x306 and 0x307 from the inverter carry (docs/protocol.md §1.4). */
    public enum InverterFrames {
        /**
         * Keep-alives and Victron's identity: {@link InverterKeepAlive}, {@link VictronKeepAlive},
         * {@link VictronIdentity}, each keeping its bytes. The default.
         */
        GENERIC,
        /** SMA Sunny Island process values: {@link SmaMeasurements}, {@link SmaStatus}, {@link SmaRelayState}. */
        SMA
    }

    /** Builds a {@link CanProfile}; every option starts from the profile the builder was made from. */
    public static final class Builder {

        private Frames370And371 frames370And371;
        private AlarmPairPolarity alarmPairPolarity;
        private VoltageResolution batteryVoltageResolution;
        private EnergyResolution energyResolution;
        private InverterFrames inverterFrames;

        private Builder(CanProfile from) {
            frames370And371 = from.frames370And371;
            alarmPairPolarity = from.alarmPairPolarity;
            batteryVoltageResolution = from.batteryVoltageResolution;
            energyResolution = from.energyResolution;
            inverterFrames = from.inverterFrames;
        }

        /**
         * What 0x370 and 0x371 carry.
         *
         * @param value the reading of 0x370 and 0x371, not null
         * @return this builder
         */
        public Builder frames370And371(Frames370And371 value) {
            frames370And371 = Objects.requireNonNull(value, "frames370And371");
            return this;
        }

        /**
         * Which bit of a 0x35A pair means "raised".
         *
         * @param value the polarity of every 0x35A pair, not null
         * @return this builder
         */
        public Builder alarmPairPolarity(AlarmPairPolarity value) {
            alarmPairPolarity = Objects.requireNonNull(value, "alarmPairPolarity");
            return this;
        }

        /**
         * The unit of 0x356's voltage.
         *
         * @param value 0.01 V or 0.1 V, not null
         * @return this builder
         */
        public Builder batteryVoltageResolution(VoltageResolution value) {
            batteryVoltageResolution = Objects.requireNonNull(value, "batteryVoltageResolution");
            return this;
        }

        /**
         * The unit of 0x378's energy counters.
         *
         * @param value the scale of a counter step, not null
         * @return this builder
         */
        public Builder energyResolution(EnergyResolution value) {
            energyResolution = Objects.requireNonNull(value, "energyResolution");
            return this;
        }

        /**
         * What 0x305 to 0x307 from the inverter carry.
         *
         * @param value the reading of the inverter's frames, not null
         * @return this builder
         */
        public Builder inverterFrames(InverterFrames value) {
            inverterFrames = Objects.requireNonNull(value, "inverterFrames");
            return this;
        }

        /**
         * The profile.
         *
         * @return a new, immutable profile of the choices made so far
         */
        public CanProfile build() {
            return new CanProfile(frames370And371, alarmPairPolarity, batteryVoltageResolution, energyResolution,
                    inverterFrames);
        }
    }
}
