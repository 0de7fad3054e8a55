/**
 * JMX for the driver, JDK only: {@link io.pylon4j.driver.jmx.DriverJmx#register} exposes a
 * {@link io.pylon4j.driver.PylonDriver}'s counters, frame rates, supervision state and field ages as a
 * {@link io.pylon4j.driver.jmx.PylonDriverMXBean} named {@code io.pylon4j:type=Driver,bank="<id>"}, until the caller
 * closes the registration or the driver closes. Nothing registers itself; no static state; no thread. Every
 * attribute, its unit and what to alert on: {@code docs/metrics.md}.
 */
package io.pylon4j.driver.jmx;
