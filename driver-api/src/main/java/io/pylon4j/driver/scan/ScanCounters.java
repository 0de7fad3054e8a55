package io.pylon4j.driver.scan;

/**
 * What a scan moved, so that nothing it saw is lost silently.
 *
 * @param requests   request frames written (one per probe sent)
 * @param replies    replies decoded as the normal answer to the request in flight
 * @param rejections replies that refused the request (an RTN other than 0, docs/protocol.md §2.4)
 * @param timeouts   requests left without a usable reply when their timeout ran out
 * @param badFrames  frames that failed a framing check, did not decode as the answer, or came when no request was in
 *                   flight (late replies)
 * @param noiseBytes bytes discarded outside any frame (noise, a baud-rate mismatch)
 * @param writeFailures requests that could not be written (the link was down); each is also a timeout
 */
public record ScanCounters(long requests, long replies, long rejections, long timeouts, long badFrames,
                           long noiseBytes, long writeFailures) {
}
