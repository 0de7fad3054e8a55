package io.pylon4j.driver;

import java.util.Objects;
import java.util.Optional;

/**
 * What a bank says about itself once, at start: RS485 0x51 (manufacturer info) and 0x47 (system parameters), asked
 * of the first group's master. For commissioning and display ("which battery is this, which firmware, which fixed
 * protection limits"); nothing in the limit policy uses it.
 *
 * <p>0x51 is answered on every address with the first module's data (docs/protocol.md §2.3: a mixed stack of US5000 and US3000
 * answered "US5000" everywhere), so it names the bank's master model, not each module's. Every field is optional
 * because the two commands arrive separately (and a battery may not answer one of them); the model merges them with
 * {@link #mergedWith}.
 *
 * @param deviceName       the device (battery) name from 0x51, e.g. {@code "US2KBPL"}, without its NUL padding
 * @param manufacturerName the manufacturer name from 0x51, e.g. {@code "Pylon---------------"}, without NUL padding
 * @param softwareVersion  the 0x51 software version, one number per byte, e.g. {@code "2.3"}
 * @param systemParameters the 0x47 system parameters (a module's fixed protection limits)
 */
public record BankInfo(Optional<String> deviceName, Optional<String> manufacturerName,
                       Optional<String> softwareVersion, Optional<SystemParameters> systemParameters) {

    /** Nothing known. */
    public static final BankInfo EMPTY = new BankInfo(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    /**
     * Rejects null components (an unknown field is empty, not null).
     *
     * @param deviceName       the device (battery) name from 0x51, e.g. {@code "US2KBPL"}, without its NUL padding
     * @param manufacturerName the manufacturer name from 0x51, e.g. {@code "Pylon---------------"}, without NUL padding
     * @param softwareVersion  the 0x51 software version, one number per byte, e.g. {@code "2.3"}
     * @param systemParameters the 0x47 system parameters (a module's fixed protection limits)
     * @throws NullPointerException if a component is null
     */
    public BankInfo {
        Objects.requireNonNull(deviceName, "deviceName");
        Objects.requireNonNull(manufacturerName, "manufacturerName");
        Objects.requireNonNull(softwareVersion, "softwareVersion");
        Objects.requireNonNull(systemParameters, "systemParameters");
    }

    /**
     * The 0x51 fields.
     *
     * @param deviceName       the device (battery) name, e.g. {@code "US2KBPL"}, without its NUL padding
     * @param manufacturerName the manufacturer name, without its NUL padding
     * @param softwareVersion  the software version, one number per byte, e.g. {@code "2.3"}
     * @return the three 0x51 fields known, the 0x47 parameters empty
     * @throws NullPointerException if an argument is null
     */
    public static BankInfo ofManufacturerInfo(String deviceName, String manufacturerName, String softwareVersion) {
        return new BankInfo(Optional.of(deviceName), Optional.of(manufacturerName), Optional.of(softwareVersion),
                Optional.empty());
    }

    /**
     * The 0x47 fields.
     *
     * @param parameters the system parameters of the 0x47 reply
     * @return the 0x47 parameters known, the 0x51 fields empty
     * @throws NullPointerException if {@code parameters} is null
     */
    public static BankInfo ofSystemParameters(SystemParameters parameters) {
        return new BankInfo(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(parameters));
    }

    /**
     * These values overlaid with the known fields of {@code newer}: a field {@code newer} lacks keeps its value.
     *
     * @param newer the newer report, e.g. a 0x47 after a 0x51
     * @return every field of {@code newer} that is present, and this one's value for each that is not
     */
    public BankInfo mergedWith(BankInfo newer) {
        return new BankInfo(newer.deviceName.isPresent() ? newer.deviceName : deviceName,
                newer.manufacturerName.isPresent() ? newer.manufacturerName : manufacturerName,
                newer.softwareVersion.isPresent() ? newer.softwareVersion : softwareVersion,
                newer.systemParameters.isPresent() ? newer.systemParameters : systemParameters);
    }

    /**
     * The 0x47 system parameters in SI units (docs/protocol.md §2.5.5): one module's fixed protection limits, the same on every
     * module of a model. Currents are magnitudes (RS485 sends the discharge limit negative), like every current limit
     * of the driver. Observed on a US2000B-Plus: 3.65 / 3.05 / 2.90 V, 61.0 / −11.0 °C, 102.0 A, 54.0 / 46.0 / 44.5 V,
     * 61.0 / −11.0 °C, 100.0 A.
     *
     * @param cellHighVoltageLimitVolts            cell high-voltage limit, V
     * @param cellLowVoltageLimitVolts             cell low-voltage (alarm) limit, V
     * @param cellUnderVoltageLimitVolts           cell under-voltage (protect) limit, V
     * @param chargeHighTemperatureLimitCelsius    charge high-temperature limit, °C
     * @param chargeLowTemperatureLimitCelsius     charge low-temperature limit, °C
     * @param chargeCurrentLimitAmps               a module's charge current limit, A, a magnitude
     * @param moduleHighVoltageLimitVolts          module high-voltage limit, V
     * @param moduleLowVoltageLimitVolts           module low-voltage (alarm) limit, V
     * @param moduleUnderVoltageLimitVolts         module under-voltage (protect) limit, V
     * @param dischargeHighTemperatureLimitCelsius discharge high-temperature limit, °C
     * @param dischargeLowTemperatureLimitCelsius  discharge low-temperature limit, °C
     * @param dischargeCurrentLimitAmps            a module's discharge current limit, A, a magnitude
     */
    public record SystemParameters(double cellHighVoltageLimitVolts, double cellLowVoltageLimitVolts,
                                   double cellUnderVoltageLimitVolts, double chargeHighTemperatureLimitCelsius,
                                   double chargeLowTemperatureLimitCelsius, double chargeCurrentLimitAmps,
                                   double moduleHighVoltageLimitVolts, double moduleLowVoltageLimitVolts,
                                   double moduleUnderVoltageLimitVolts, double dischargeHighTemperatureLimitCelsius,
                                   double dischargeLowTemperatureLimitCelsius, double dischargeCurrentLimitAmps) {

        /**
         * Rejects negative current magnitudes (a caller forgot to normalise the wire's sign).
         *
         * @param cellHighVoltageLimitVolts            cell high-voltage limit, V
         * @param cellLowVoltageLimitVolts             cell low-voltage (alarm) limit, V
         * @param cellUnderVoltageLimitVolts           cell under-voltage (protect) limit, V
         * @param chargeHighTemperatureLimitCelsius    charge high-temperature limit, °C
         * @param chargeLowTemperatureLimitCelsius     charge low-temperature limit, °C
         * @param chargeCurrentLimitAmps               a module's charge current limit, A, a magnitude
         * @param moduleHighVoltageLimitVolts          module high-voltage limit, V
         * @param moduleLowVoltageLimitVolts           module low-voltage (alarm) limit, V
         * @param moduleUnderVoltageLimitVolts         module under-voltage (protect) limit, V
         * @param dischargeHighTemperatureLimitCelsius discharge high-temperature limit, °C
         * @param dischargeLowTemperatureLimitCelsius  discharge low-temperature limit, °C
         * @param dischargeCurrentLimitAmps            a module's discharge current limit, A, a magnitude
         * @throws IllegalArgumentException if a current limit is negative
         */
        public SystemParameters {
            if (chargeCurrentLimitAmps < 0 || dischargeCurrentLimitAmps < 0) {
                throw new IllegalArgumentException("current limits are magnitudes, ≥ 0: charge "
                        + chargeCurrentLimitAmps + " A, discharge " + dischargeCurrentLimitAmps + " A");
            }
        }
    }
}
