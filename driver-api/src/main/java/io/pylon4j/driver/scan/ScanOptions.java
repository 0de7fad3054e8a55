package io.pylon4j.driver.scan;

import io.pylon4j.rs485.Rs485Address;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What an address scan asks and how fast. Immutable; start from {@link #defaults()} and change it with the
 * {@code with…} methods.
 *
 * <p>Defaults: every battery address of the ADR scheme (groups 0–7 × batteries 1–14, ADR 0x02–0x0F, 0x12–0x1F, …,
 * 0x72–0x7F; docs/protocol.md §2.3, {@link Rs485Address}), probes 0x4F then 0x51, 100 ms between requests and 500 ms for a
 * reply (a 0x51 reply is about 80 characters: 7 ms at 115200 baud, 85 ms at 9600, docs/protocol.md §2.1; the margin is an
 * engineering choice). Silent addresses cost gap + timeout each: the default range takes up to 112 × 0.6 s ≈ 67 s;
 * narrow it ({@link #withAddresses}) when the stack's groups are known.
 *
 * <p>The baud rate is the transport's: to find a bank whose DIP switch 1 says 9600, scan twice, once with the
 * endpoint at 115200 and once at 9600 (a bank at the other rate shows as {@link AddressResult.Garbled} noise or
 * {@link AddressResult.TimedOut}).
 *
 * @param addresses    the battery addresses to ask, in this order, no duplicates, at least one
 * @param probes       the read requests sent to each address, in this order, no duplicates, at least one; an address
 *                     silent on the first probe is not asked the others
 * @param minimumGap   the least time from the end of one exchange (reply or timeout) to the next request; at most one
 *                     request is ever in flight
 * @param replyTimeout how long to wait for the reply to one request
 */
public record ScanOptions(List<Integer> addresses, List<ScanProbe> probes, Duration minimumGap,
                          Duration replyTimeout) {

    /** The default gap between requests. */
    public static final Duration DEFAULT_MINIMUM_GAP = Duration.ofMillis(100);
    /** The default reply timeout. */
    public static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofMillis(500);

    /**
     * Validates and copies.
     *
     * @param addresses    the battery addresses to ask, in order
     * @param probes       the requests sent to each address, in order
     * @param minimumGap   the least time between the end of one exchange and the next request, ≥ 0
     * @param replyTimeout how long to wait for one reply, &gt; 0
     * @throws IllegalArgumentException if a list is empty or has duplicates, an address is not a battery address, the
     *                                  gap is negative or the timeout not positive
     */
    public ScanOptions {
        addresses = List.copyOf(addresses);
        probes = List.copyOf(probes);
        Objects.requireNonNull(minimumGap, "minimumGap");
        Objects.requireNonNull(replyTimeout, "replyTimeout");
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("a scan needs at least one address");
        }
        if (new LinkedHashSet<>(addresses).size() != addresses.size()) {
            throw new IllegalArgumentException("addresses must not repeat: " + addresses);
        }
        for (int adr : addresses) {
            if (!Rs485Address.isBattery(adr)) {
                throw new IllegalArgumentException(String.format(
                        "ADR 0x%02X is not a battery address (group 0 to 7, position 2 to 15; docs/protocol.md §2.3)", adr));
            }
        }
        if (probes.isEmpty()) {
            throw new IllegalArgumentException("a scan needs at least one probe");
        }
        if (new LinkedHashSet<>(probes).size() != probes.size()) {
            throw new IllegalArgumentException("probes must not repeat: " + probes);
        }
        if (minimumGap.isNegative()) {
            throw new IllegalArgumentException("minimumGap must not be negative: " + minimumGap);
        }
        if (replyTimeout.isNegative() || replyTimeout.isZero()) {
            throw new IllegalArgumentException("replyTimeout must be positive: " + replyTimeout);
        }
    }

    /**
     * Every battery address, 0x4F then 0x51, 100 ms gap, 500 ms timeout.
     *
     * @return the default options
     */
    public static ScanOptions defaults() {
        return new ScanOptions(addresses(0, Rs485Address.MAX_GROUP, 1, Rs485Address.MAX_BATTERY),
                List.of(ScanProbe.PROTOCOL_VERSION, ScanProbe.MANUFACTURER_INFO), DEFAULT_MINIMUM_GAP,
                DEFAULT_REPLY_TIMEOUT);
    }

    /**
     * The addresses of batteries {@code fromBattery..toBattery} (1 = master) of groups {@code fromGroup..toGroup},
     * group by group ({@link Rs485Address#of}).
     *
     * @throws IllegalArgumentException if a bound is out of range or a range is empty
     *
     * @param fromGroup   the first group, 0 to 7
     * @param toGroup     the last group, 0 to 7
     * @param fromBattery the first battery of each group, 1 (master) to 14
     * @param toBattery   the last battery of each group, 1 to 14
     * @return the ADRs, group by group, battery by battery
     */
    public static List<Integer> addresses(int fromGroup, int toGroup, int fromBattery, int toBattery) {
        if (fromGroup > toGroup || fromBattery > toBattery) {
            throw new IllegalArgumentException("empty range: groups " + fromGroup + "-" + toGroup + ", batteries "
                    + fromBattery + "-" + toBattery);
        }
        List<Integer> out = new ArrayList<>();
        for (int g = fromGroup; g <= toGroup; g++) {
            for (int b = fromBattery; b <= toBattery; b++) {
                out.add(Rs485Address.of(g, b));
            }
        }
        return out;
    }

    /**
     * These options with other addresses.
     *
     * @param value the battery addresses to ask, in order (see {@link #addresses(int, int, int, int)})
     * @return the new options
     */
    public ScanOptions withAddresses(List<Integer> value) {
        return new ScanOptions(value, probes, minimumGap, replyTimeout);
    }

    /**
     * These options with other probes.
     *
     * @param value the requests to send each address, in order
     * @return the new options
     */
    public ScanOptions withProbes(List<ScanProbe> value) {
        return new ScanOptions(addresses, value, minimumGap, replyTimeout);
    }

    /**
     * These options with another gap between requests.
     *
     * @param value the least time between the end of one exchange and the next request
     * @return the new options
     */
    public ScanOptions withMinimumGap(Duration value) {
        return new ScanOptions(addresses, probes, value, replyTimeout);
    }

    /**
     * These options with another reply timeout.
     *
     * @param value how long to wait for one reply
     * @return the new options
     */
    public ScanOptions withReplyTimeout(Duration value) {
        return new ScanOptions(addresses, probes, minimumGap, value);
    }
}
