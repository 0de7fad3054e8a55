package io.pylon4j.driver.scan;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of an address scan: one {@link AddressResult} per address scanned, in scan order, and the counters.
 *
 * @param results   one result per address finished, in scan order
 * @param counters  requests, replies, timeouts and faults of the whole scan
 * @param cancelled whether the scan was closed before its last address (then {@code results} holds the addresses
 *                  finished so far)
 */
public record ScanReport(List<AddressResult> results, ScanCounters counters, boolean cancelled) {

    /**
     * Copies the results.
     *
     * @param results   one result per address finished, in scan order
     * @param counters  the scan's counters
     * @param cancelled whether the scan was closed before its last address
     */
    public ScanReport {
        results = List.copyOf(results);
        Objects.requireNonNull(counters, "counters");
    }

    /**
     * The addresses that answered, in scan order.
     *
     * @return the {@link AddressResult.Answered} results, in scan order
     */
    public List<AddressResult.Answered> answered() {
        return results.stream().filter(AddressResult.Answered.class::isInstance)
                .map(AddressResult.Answered.class::cast).toList();
    }
}
