/**
 * Time, split in two: a <b>monotonic</b> nanosecond count that decides every age, timeout, deadline, rate window
 * and "newest wins" comparison, and a <b>wall clock</b> read only for what people see (event timestamps, JSON,
 * "since" in provenance text). A wall clock stepped back or forward (an NTP correction on a controller without a
 * real-time clock) therefore changes what is displayed, never when a silent bank becomes STALE or LOST.
 *
 * <p>{@link io.pylon4j.transport.time.TimeSource#system()} reads {@link System#nanoTime()} and the system UTC
 * clock; {@link io.pylon4j.transport.time.ManualTimeSource} moves only when a test says so, and its wall clock can
 * be stepped without moving the monotonic time. A {@link io.pylon4j.transport.time.Moment} is one reading of both.
 */
package io.pylon4j.transport.time;
