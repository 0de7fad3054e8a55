/**
 * Micrometer metrics for a {@link io.pylon4j.driver.PylonDriver}: bind a
 * {@link io.pylon4j.driver.micrometer.PylonDriverMetrics} to your registry. Meter names, units and what to alert
 * on: {@code docs/metrics.md}.
 */
package io.pylon4j.driver.micrometer;
