package io.pylon4j.gateway;

/**
 * What an {@link Rs485Gateway} has done since it started: one consistent snapshot.
 *
 * @param requests        whole requests received (any address)
 * @param answered        replies with data (RTN 0x00)
 * @param refused         error replies: a command never answered, or data the source lacks (RTN 0x04, 0x05, 0x91)
 * @param withheld        requests left unanswered because the gate said nothing may be sent (waiting for the first
 *                        good data, or silent), or addressed to no module the source has
 * @param sourceFailures  times the source threw (counted as a stale source, never a crash)
 * @param brokenFrames    broken request frames (bad checksum, length, hex), never answered
 * @param noiseBytes      bytes outside any frame, dropped
 * @param writeFailures   replies the transport refused (the inverter's link is down)
 */
public record Rs485GatewayCounters(long requests, long answered, long refused, long withheld, long sourceFailures,
                                   long brokenFrames, long noiseBytes, long writeFailures) {
}
