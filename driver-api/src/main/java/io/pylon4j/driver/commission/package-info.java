/**
 * Commissioning checks: what a field installer checks before handing a Pylontech bank over (issue #7, items 4 and 5),
 * evaluated on what the driver saw over an observation window.
 *
 * <p>A {@link io.pylon4j.driver.commission.CommissioningRecorder} watches a running
 * {@link io.pylon4j.driver.PylonDriver} (its {@link io.pylon4j.driver.BankStatus} snapshots, its counters, and the
 * raw bank frames on the CAN transport) and hands an {@link io.pylon4j.driver.commission.Observation} to
 * {@link io.pylon4j.driver.commission.Commissioning#evaluate}, which runs each
 * {@link io.pylon4j.driver.commission.CommissioningCheck} and returns a
 * {@link io.pylon4j.driver.commission.CommissioningReport} (text for people, JSON for tools). The checks are pure
 * functions of the observation and the installer's {@link io.pylon4j.driver.commission.Expectations}, so they can be
 * tested with crafted snapshots; no check owns a thread or a timer.
 *
 * <p>What each check looks at, its thresholds and what the installer should do: {@code docs/commissioning.md}.
 */
package io.pylon4j.driver.commission;
