package io.pylon4j.mqtt;

import java.time.Duration;
import java.util.Objects;

/**
 * How the bridge publishes: the topic tree's prefix and site, QoS, the minimum interval between two state publishes
 * of a bank and the heartbeat after which an unchanged state is published again, the cadence of the per-module
 * details, Home Assistant discovery, and whether capped-current commands are accepted. Immutable; start from
 * {@link #defaults()}. Topics: {@code PREFIX/SITE/BANK/…} ({@code docs/mqtt.md}).
 *
 * @param prefix             the first topic level, e.g. {@code pylon4j}
 * @param site               the second topic level, naming the installation, e.g. {@code home}
 * @param qos                the MQTT QoS of every publish and subscription, 0 to 2
 * @param minInterval        the shortest time between two state publishes of one bank (changes in between wait)
 * @param heartbeat          an unchanged state is published again after this long (peers publish every 5 s)
 * @param detailsInterval    how often the per-module details are published (slower than the state)
 * @param haDiscovery        whether Home Assistant discovery configs are published
 * @param discoveryPrefix    Home Assistant's discovery prefix, {@code homeassistant} unless changed there
 * @param allowCommands      whether capped-current commands are accepted (off by default)
 * @param maxCapDuration     the longest expiry a cap command may ask for
 * @param maxInFlight        the most publishes handed to the client and not yet acknowledged; beyond it a publish is
 *                           dropped and counted (the bridge's memory bound while the broker is slow or away)
 */
public record MqttBridgeOptions(String prefix, String site, int qos, Duration minInterval, Duration heartbeat,
                                Duration detailsInterval, boolean haDiscovery, String discoveryPrefix,
                                boolean allowCommands, Duration maxCapDuration, int maxInFlight) {

    /**
     * Checks the values.
     *
     * @param prefix          the first topic level; letters, digits, '_', '-' and '.' only
     * @param site            the second topic level; the same characters
     * @param qos             0, 1 or 2
     * @param minInterval     ≥ 0
     * @param heartbeat       &gt; 0 and ≥ {@code minInterval}
     * @param detailsInterval &gt; 0
     * @param haDiscovery     whether discovery configs are published
     * @param discoveryPrefix Home Assistant's discovery prefix; a valid topic level
     * @param allowCommands   whether cap commands are accepted
     * @param maxCapDuration  &gt; 0
     * @param maxInFlight     ≥ 1
     * @throws IllegalArgumentException naming the value that is out of range
     */
    public MqttBridgeOptions {
        Topics.requireLevel("prefix", prefix);
        Topics.requireLevel("site", site);
        Topics.requireLevel("discoveryPrefix", discoveryPrefix);
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("qos must be 0, 1 or 2: " + qos);
        }
        Objects.requireNonNull(minInterval, "minInterval");
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(detailsInterval, "detailsInterval");
        Objects.requireNonNull(maxCapDuration, "maxCapDuration");
        if (minInterval.isNegative()) {
            throw new IllegalArgumentException("minInterval must be ≥ 0: " + minInterval);
        }
        if (heartbeat.isNegative() || heartbeat.isZero() || heartbeat.compareTo(minInterval) < 0) {
            throw new IllegalArgumentException("heartbeat must be > 0 and ≥ minInterval: " + heartbeat);
        }
        if (detailsInterval.isNegative() || detailsInterval.isZero()) {
            throw new IllegalArgumentException("detailsInterval must be > 0: " + detailsInterval);
        }
        if (maxCapDuration.isNegative() || maxCapDuration.isZero()) {
            throw new IllegalArgumentException("maxCapDuration must be > 0: " + maxCapDuration);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be ≥ 1: " + maxInFlight);
        }
    }

    /**
     * Prefix {@code pylon4j}, site {@code default}, QoS 1, at most one state per second and a heartbeat every 5 s,
     * module details every 30 s, Home Assistant discovery on under {@code homeassistant}, commands off (caps at most
     * 24 h when switched on), 10,000 publishes in flight.
     *
     * @return the defaults
     */
    public static MqttBridgeOptions defaults() {
        return new MqttBridgeOptions("pylon4j", "default", 1, Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofSeconds(30), true, "homeassistant", false, Duration.ofHours(24), 10_000);
    }

    /**
     * These options with another prefix.
     *
     * @param value the first topic level
     * @return the new options
     */
    public MqttBridgeOptions withPrefix(String value) {
        return new MqttBridgeOptions(value, site, qos, minInterval, heartbeat, detailsInterval, haDiscovery,
                discoveryPrefix, allowCommands, maxCapDuration, maxInFlight);
    }

    /**
     * These options with another site.
     *
     * @param value the second topic level
     * @return the new options
     */
    public MqttBridgeOptions withSite(String value) {
        return new MqttBridgeOptions(prefix, value, qos, minInterval, heartbeat, detailsInterval, haDiscovery,
                discoveryPrefix, allowCommands, maxCapDuration, maxInFlight);
    }

    /**
     * These options with another QoS.
     *
     * @param value 0, 1 or 2
     * @return the new options
     */
    public MqttBridgeOptions withQos(int value) {
        return new MqttBridgeOptions(prefix, site, value, minInterval, heartbeat, detailsInterval, haDiscovery,
                discoveryPrefix, allowCommands, maxCapDuration, maxInFlight);
    }

    /**
     * These options with other publish intervals.
     *
     * @param min     the shortest time between two state publishes of a bank
     * @param beat    the heartbeat of an unchanged state
     * @param details the cadence of the module details
     * @return the new options
     */
    public MqttBridgeOptions withIntervals(Duration min, Duration beat, Duration details) {
        return new MqttBridgeOptions(prefix, site, qos, min, beat, details, haDiscovery, discoveryPrefix,
                allowCommands, maxCapDuration, maxInFlight);
    }

    /**
     * These options with Home Assistant discovery on or off.
     *
     * @param value whether discovery configs are published
     * @return the new options
     */
    public MqttBridgeOptions withHaDiscovery(boolean value) {
        return new MqttBridgeOptions(prefix, site, qos, minInterval, heartbeat, detailsInterval, value,
                discoveryPrefix, allowCommands, maxCapDuration, maxInFlight);
    }

    /**
     * These options with cap commands accepted or not.
     *
     * @param value whether cap commands are accepted
     * @return the new options
     */
    public MqttBridgeOptions withAllowCommands(boolean value) {
        return new MqttBridgeOptions(prefix, site, qos, minInterval, heartbeat, detailsInterval, haDiscovery,
                discoveryPrefix, value, maxCapDuration, maxInFlight);
    }

    /**
     * These options with another bound on publishes in flight.
     *
     * @param value ≥ 1
     * @return the new options
     */
    public MqttBridgeOptions withMaxInFlight(int value) {
        return new MqttBridgeOptions(prefix, site, qos, minInterval, heartbeat, detailsInterval, haDiscovery,
                discoveryPrefix, allowCommands, maxCapDuration, value);
    }

    /**
     * How long Home Assistant keeps a sensor's value without a new one ({@code expire_after}): three heartbeats.
     *
     * @return the expiry, in whole seconds, at least 1
     */
    public long expireAfterSeconds() {
        return Math.max(1, heartbeat.multipliedBy(3).toSeconds());
    }

    /**
     * The bridge's own availability topic, {@code PREFIX/SITE/bridge/availability}: retained {@code online} after
     * each connection, {@code offline} as the last will and at a clean close. A caller that hands the bridge its own
     * client sets its will here.
     *
     * @return the topic
     */
    public String bridgeAvailabilityTopic() {
        return prefix + "/" + site + "/bridge/availability";
    }
}
