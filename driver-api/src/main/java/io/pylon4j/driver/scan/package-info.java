/**
 * Read-only, rate-limited RS485 address scans: {@link io.pylon4j.driver.scan.Rs485AddressScanner} asks every
 * address of a range who is there, with only the read commands of {@link io.pylon4j.driver.scan.ScanProbe}, one
 * request at a time and a minimum gap between requests, and reports a
 * {@link io.pylon4j.driver.scan.ScanReport} with one {@link io.pylon4j.driver.scan.AddressResult} per address.
 *
 * <p>Threading: the scanner owns no thread. Its timers run on the caller's {@link io.pylon4j.transport.time.Scheduler};
 * replies arrive on the transport's I/O thread. The transport and the scheduler stay the caller's.
 */
package io.pylon4j.driver.scan;
