/**
 * The inverter-side driver's model, independent of the wire protocols.
 *
 * <ul>
 * <li>Values: {@link io.pylon4j.driver.Limits}, {@link io.pylon4j.driver.Measurements},
 *     {@link io.pylon4j.driver.RequestFlags}, {@link io.pylon4j.driver.Alarm} / {@link io.pylon4j.driver.ActiveAlarm},
 *     {@link io.pylon4j.driver.ModuleDetails} — plain values in SI units; current limits are magnitudes, the bank
 *     current is positive while charging.</li>
 * <li>Supervision: {@link io.pylon4j.driver.Supervisor}, a pure state machine over
 *     {@link io.pylon4j.driver.SupervisionState}, with timeouts from an {@link io.pylon4j.driver.InverterProfile}.</li>
 * <li>Published limits: {@link io.pylon4j.driver.LimitPolicy} turns the battery's limits into
 *     {@link io.pylon4j.driver.PublishedLimits} with a {@link io.pylon4j.driver.LimitProvenance} each.</li>
 * </ul>
 *
 * <p>Time is always passed in as an {@link java.time.Instant} read from a clock the caller injects; nothing here
 * reads the system clock, sleeps or starts a thread.
 */
package io.pylon4j.driver;
