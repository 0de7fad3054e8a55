package io.pylon4j.gateway;

import io.pylon4j.can.CanProfile;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one inverter needs from the gateway on CAN: which frames, how often, which keep-alive it sends and how long
 * its silence is tolerated, and how long the fail-safe frames are sent before the gateway falls silent.
 * {@code docs/gateway.md} gives each preset's sources and the choices where peers disagree.
 *
 * @param name             the name {@code pylon gateway --profile} takes
 * @param frameSet         the frames of each cycle
 * @param canProfile       how brand-dependent fields are encoded
 * @param cycle            how often the frame set is sent, &gt; 0
 * @param keepAliveIds     the 11-bit ids of the inverter's keep-alive frames (0x305, 0x306, 0x307); empty for an
 *                         inverter that sends none
 * @param keepAliveTimeout how long without a keep-alive counts as lost; empty: not supervised
 * @param silenceAfter     how long the fail-safe frames (zero currents, enables cleared, protection raised) are sent
 *                         after the source stopped being fresh, before the gateway stops sending; empty: zeros for
 *                         as long as the source is not fresh (for inverters that keep running on silence)
 */
public record GatewayProfile(String name, FrameSet frameSet, CanProfile canProfile, Duration cycle,
                             Set<Integer> keepAliveIds, Optional<Duration> keepAliveTimeout,
                             Optional<Duration> silenceAfter) {

    /** The inverter keep-alive ids of the Pylontech protocol and Victron's GX (docs/protocol.md §1.4). */
    private static final Set<Integer> KEEP_ALIVE_IDS = Set.of(0x305, 0x306, 0x307);

    /**
     * Pylontech V1.2, what Deye, Sofar, Growatt and most hybrid inverters read: the set each second, 0x305 expected
     * at least every 10 s, zeros for 60 s then silence.
     */
    public static final GatewayProfile PYLON_V12 = new GatewayProfile("pylon", FrameSet.PYLON_V12,
            CanProfile.PYLONTECH, Duration.ofSeconds(1), KEEP_ALIVE_IDS, Optional.of(Duration.ofSeconds(10)),
            Optional.of(Duration.ofSeconds(60)));
    /** The V1.3 firmware set, timings as {@link #PYLON_V12}. */
    public static final GatewayProfile PYLON_V13 = new GatewayProfile("pylon-v1.3", FrameSet.PYLON_V13,
            CanProfile.PYLONTECH, Duration.ofSeconds(1), KEEP_ALIVE_IDS, Optional.of(Duration.ofSeconds(10)),
            Optional.of(Duration.ofSeconds(60)));
    /**
     * A Victron GX: the Victron set each second, its 0x305/0x307 expected at least every 10 s, zeros for 60 s then
     * silence (the GX then raises "BMS connection lost" and stops charge and discharge under DVCC).
     */
    public static final GatewayProfile VICTRON = new GatewayProfile("victron", FrameSet.VICTRON, CanProfile.VICTRON,
            Duration.ofSeconds(1), KEEP_ALIVE_IDS, Optional.of(Duration.ofSeconds(10)),
            Optional.of(Duration.ofSeconds(60)));

    /** LuxPower SNA: the V1.2 set plus 0x379 (installed capacity), timings as {@link #PYLON_V12}. */
    public static final GatewayProfile LUXPOWER = new GatewayProfile("luxpower", FrameSet.PYLON_V12_CAPACITY,
            CanProfile.PYLONTECH, Duration.ofSeconds(1), KEEP_ALIVE_IDS, Optional.of(Duration.ofSeconds(10)),
            Optional.of(Duration.ofSeconds(60)));

    /**
     * Sol-Ark: the V1.2 set plus 0x379, every frame eight bytes, 0x356's voltage in 0.1 V (docs/protocol.md §1.8,
     * §1.10); the set each second, its 0x305 (sent after each set it received) expected at least every 10 s, zeros for
     * 60 s then silence.
     */
    public static final GatewayProfile SOL_ARK = new GatewayProfile("sol-ark", FrameSet.SOL_ARK, CanProfile.SOL_ARK,
            Duration.ofSeconds(1), KEEP_ALIVE_IDS, Optional.of(Duration.ofSeconds(10)),
            Optional.of(Duration.ofSeconds(60)));
    /**
     * SMA Sunny Island: the SMA set every 500 ms (the SMA document forbids faster than 200 ms, docs/protocol.md §1.5;
     * docs/gateway.md says why not 100 ms), its 0x305–0x307 (sent each second) expected at least every 10 s, zeros for
     * 60 s then silence (the Sunny Island goes to standby 60 s after the last 0x355).
     */
    public static final GatewayProfile SMA = new GatewayProfile("sma", FrameSet.SMA, CanProfile.SMA,
            Duration.ofMillis(500), KEEP_ALIVE_IDS, Optional.of(Duration.ofSeconds(10)),
            Optional.of(Duration.ofSeconds(60)));

    /** Every preset, in the order {@code pylon gateway --help} lists them. */
    public static final List<GatewayProfile> PRESETS = List.of(PYLON_V12, PYLON_V13, VICTRON, LUXPOWER, SOL_ARK,
            SMA);

    /**
     * Checks the values.
     *
     * @param name             the name
     * @param frameSet         the frames of each cycle
     * @param canProfile       how brand-dependent fields are encoded
     * @param cycle            how often the set is sent, &gt; 0
     * @param keepAliveIds     the inverter's keep-alive ids, each 11-bit
     * @param keepAliveTimeout how long without a keep-alive counts as lost, &gt; 0 when present
     * @param silenceAfter     how long fail-safe frames are sent before silence, ≥ 0 when present
     * @throws IllegalArgumentException if a duration or an id is out of range, or a timeout is given with no ids
     */
    public GatewayProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(frameSet, "frameSet");
        Objects.requireNonNull(canProfile, "canProfile");
        keepAliveIds = Set.copyOf(keepAliveIds);
        Objects.requireNonNull(keepAliveTimeout, "keepAliveTimeout");
        Objects.requireNonNull(silenceAfter, "silenceAfter");
        if (cycle.isNegative() || cycle.isZero()) {
            throw new IllegalArgumentException("cycle must be positive: " + cycle);
        }
        for (int id : keepAliveIds) {
            if (id < 0 || id > 0x7FF) {
                throw new IllegalArgumentException("keep-alive ids are 11-bit: 0x" + Integer.toHexString(id));
            }
        }
        if (keepAliveTimeout.isPresent() && (keepAliveTimeout.get().isNegative() || keepAliveTimeout.get().isZero()
                || keepAliveIds.isEmpty())) {
            throw new IllegalArgumentException("a keep-alive timeout must be positive and have ids to watch");
        }
        if (silenceAfter.isPresent() && silenceAfter.get().isNegative()) {
            throw new IllegalArgumentException("silenceAfter must not be negative: " + silenceAfter.get());
        }
    }

    /**
     * This profile with another silence time.
     *
     * @param value how long fail-safe frames are sent before silence; empty: never silent
     * @return the changed profile
     */
    public GatewayProfile withSilenceAfter(Optional<Duration> value) {
        return new GatewayProfile(name, frameSet, canProfile, cycle, keepAliveIds, keepAliveTimeout, value);
    }

    /**
     * This profile with another keep-alive timeout.
     *
     * @param value how long without a keep-alive counts as lost; empty: not supervised
     * @return the changed profile
     */
    public GatewayProfile withKeepAliveTimeout(Optional<Duration> value) {
        return new GatewayProfile(name, frameSet, canProfile, cycle, keepAliveIds, value, silenceAfter);
    }

    /**
     * The preset of this name, ignoring case ({@code pylon}, {@code pylon-v1.2}, {@code deye}, {@code pylon-v1.3},
     * {@code victron}, {@code luxpower}, {@code sol-ark}, {@code sma}, {@code sunny-island}).
     *
     * @param name a preset's name
     * @return the preset
     * @throws IllegalArgumentException if there is none, naming the presets
     */
    public static GatewayProfile named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "pylon", "pylon-v1.2", "pylon-v12", "deye" -> PYLON_V12;
            case "pylon-v1.3", "pylon-v13" -> PYLON_V13;
            case "victron" -> VICTRON;
            case "luxpower" -> LUXPOWER;
            case "sol-ark", "solark" -> SOL_ARK;
            case "sma", "sunny-island" -> SMA;
            default -> throw new IllegalArgumentException("no gateway profile named '" + name
                    + "'; the presets are pylon (pylon-v1.2, deye), pylon-v1.3, victron, luxpower, sol-ark, sma");
        };
    }
}
