/**
 * The inverter-side driver of a Pylontech bank: {@link io.pylon4j.driver.PylonDriver} (CAN and RS485 strategies,
 * options in {@link io.pylon4j.driver.DriverOptions}, counters in {@link io.pylon4j.driver.DriverCounters}) over a
 * model independent of the wire protocols (concepts:
 * {@code docs/driver-model.md}; event JSON: {@code docs/driver-events.md}).
 *
 * <ul>
 * <li>Values: {@link io.pylon4j.driver.Limits}, {@link io.pylon4j.driver.Measurements},
 *     {@link io.pylon4j.driver.RequestFlags}, {@link io.pylon4j.driver.Alarm} / {@link io.pylon4j.driver.ActiveAlarm}
 *     (mapped from protocol bits by the engine), {@link io.pylon4j.driver.ModuleDetails}
 *     — plain values in SI units; current limits are magnitudes, the bank current is positive while charging.</li>
 * <li>The live model (in the engine) merges inputs from CAN and RS485 into an immutable
 *     {@link io.pylon4j.driver.BankStatus} with per-field ages and per-link freshness, and emits
 *     {@link io.pylon4j.driver.BankEvent}s.</li>
 * <li>Supervision: a pure state machine in the engine over
 *     {@link io.pylon4j.driver.SupervisionState}, with timeouts from an {@link io.pylon4j.driver.InverterProfile}.</li>
 * <li>Published limits: {@link io.pylon4j.driver.LimitPolicy} turns the battery's limits into
 *     {@link io.pylon4j.driver.PublishedLimits} with a {@link io.pylon4j.driver.LimitProvenance} each.</li>
 * <li>Time: {@link io.pylon4j.driver.SupervisionTicker} ticks many banks from one periodic task on the caller's
 *     {@link io.pylon4j.transport.time.Scheduler}.</li>
 * <li>Delivery: {@link io.pylon4j.driver.PylonDriver#events()}, a {@link java.util.concurrent.Flow.Publisher} on the
 *     caller's executor with a queue per subscriber, bounded for every event type: once full, a newer event
 *     supersedes a queued one about the same thing (counted), so the newest state always arrives.</li>
 * </ul>
 *
 * <p>This package is the public face: the driver, its options and the values it hands out. The engine (the model,
 * supervision, the CAN and RS485 strategies, event delivery) is in {@code io.pylon4j.driver.internal}, which the
 * module does not export and the OSGi bundle keeps private.
 *
 * <p>Threading and time: nothing here keeps static state. Only a {@link io.pylon4j.driver.PylonDriver} given no
 * executor or scheduler starts a thread (one, named {@code pylon4j-driver-<bankId>}, ended by its
 * {@code close()}); the model and everything else start no thread, own no timer and read no system clock.
 * Time is passed in as a {@link io.pylon4j.transport.time.Moment} from a
 * {@link io.pylon4j.transport.time.TimeSource} the caller injects: its monotonic reading decides every age and
 * timeout, its wall clock is only displayed. Events are delivered on the
 * caller's executor, never on a transport's I/O thread.
 */
package io.pylon4j.driver;
