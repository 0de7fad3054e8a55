package io.pylon4j.mqtt;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The topic tree of one bank ({@code docs/mqtt.md}, "Topics"): {@code PREFIX/SITE/BANK/…}, and the Home Assistant
 * discovery topics {@code DISCOVERY/COMPONENT/NODE/OBJECT/config}. Levels are restricted to characters that are
 * neither MQTT wildcards nor separators, and that Home Assistant accepts in a node id.
 */
record Topics(String base, String nodeId) {

    private static final Pattern LEVEL = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    static Topics of(MqttBridgeOptions options, String bankId) {
        requireLevel("bank id", bankId);
        // Home Assistant's node id allows [a-zA-Z0-9_-] only (its discovery topic format), so '.' becomes '_'
        String node = (options.prefix() + "_" + options.site() + "_" + bankId).replace('.', '_');
        return new Topics(options.prefix() + "/" + options.site() + "/" + bankId, node);
    }

    /** Fails unless {@code value} is a valid topic level of ours. */
    static void requireLevel(String what, String value) {
        Objects.requireNonNull(value, what);
        if (!LEVEL.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 1 to 64 letters, digits, '_', '-' or '.' (a single"
                    + " MQTT topic level, no wildcard): '" + value + "'");
        }
    }

    /** Retained {@code online}/{@code offline}: online only while the bank is FRESH or RECOVERED. */
    String availability() {
        return base + "/availability";
    }

    /** Retained: the bank's status JSON ({@code BankStatusJson}). */
    String state() {
        return base + "/state";
    }

    /** Not retained: every driver event as JSON ({@code BankEventJson}). */
    String events() {
        return base + "/events";
    }

    /** Retained: one module's details ({@code MODULE_DETAILS_UPDATED} JSON), on the slower cadence. */
    String module(int address) {
        return base + "/module/" + address;
    }

    /** Where cap commands arrive (only subscribed with commands on). */
    String capSet() {
        return base + "/cap/set";
    }

    /** Retained: what cap applies now, after each command and at its expiry. */
    String capState() {
        return base + "/cap/state";
    }

    /** A Home Assistant discovery config topic. */
    String discovery(String discoveryPrefix, String component, String objectId) {
        return discoveryPrefix + "/" + component + "/" + nodeId + "/" + objectId + "/config";
    }
}
