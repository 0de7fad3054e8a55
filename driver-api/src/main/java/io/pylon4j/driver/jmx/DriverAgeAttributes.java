package io.pylon4j.driver.jmx;

/**
 * The field ages of a {@link PylonDriverMXBean}, one attribute per {@link io.pylon4j.driver.BankField}: seconds since
 * the field last received a value, on the driver's monotonic time, and <b>NaN when it never received one</b> (a graph
 * shows a gap rather than a plausible-looking number). Not an MXBean of its own: {@link PylonDriverMXBean} inherits
 * these attributes (its Javadoc says how they are named and registered).
 */
public interface DriverAgeAttributes {

    /**
     * Age of the battery's limits (CAN 0x351, RS485 0x92).
     *
     * @return the age in seconds on the driver's monotonic clock, or NaN if the field never received a value
     */
    double getLimitsAgeSeconds();

    /**
     * Age of the state of charge.
     *
     * @return the age in seconds on the driver's monotonic clock, or NaN if the field never received a value
     */
    double getSocAgeSeconds();

    /**
     * Age of the state of health.
     *
     * @return the age in seconds on the driver's monotonic clock, or NaN if the field never received a value
     */
    double getSohAgeSeconds();

    /**
     * Age of the bank voltage.
     *
     * @return the age in seconds on the driver's monotonic clock, or NaN if the field never received a value
     */
    double getVoltageAgeSeconds();

    /**
     * Age of the bank current.
     *
     * @return the age in seconds on the driver's monotonic clock, or NaN if the field never received a value
     */
    double getCurrentAgeSeconds();

    /**
     * Age of the temperature.
     *
     * @return the age in seconds on the driver's monotonic clock, or NaN if the field never received a value
     */
    double getTemperatureAgeSeconds();

    /**
     * Age of the alarm set.
     *
     * @return the age in seconds on the driver's monotonic clock, or NaN if the field never received a value
     */
    double getAlarmsAgeSeconds();

    /**
     * Age of the request flags.
     *
     * @return the age in seconds on the driver's monotonic clock, or NaN if the field never received a value
     */
    double getRequestFlagsAgeSeconds();

    /**
     * Age of the module count.
     *
     * @return the age in seconds on the driver's monotonic clock, or NaN if the field never received a value
     */
    double getModuleCountAgeSeconds();

    /**
     * Age of the newest per-module details.
     *
     * @return the age in seconds on the driver's monotonic clock, or NaN if the field never received a value
     */
    double getModuleDetailsAgeSeconds();
}
