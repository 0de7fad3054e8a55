package io.pylon4j.mqtt;

/**
 * What a {@link PylonMqttBridge} did and what it dropped, since it was built; each count only grows. Nothing is lost
 * silently: a publish the bridge could not hand to the broker is counted here by kind. Dropped state, availability
 * and discovery are not lost for good: they are published again, newest values only, once the broker is back.
 *
 * @param published          publishes the broker acknowledged (QoS 1, 2) or that were written (QoS 0)
 * @param failed             publishes handed to the client that then failed (connection lost on the way)
 * @param droppedEvents      event publishes dropped while the broker was away or too many were in flight
 *                           (events are not retained and not repeated)
 * @param droppedState       state, module, availability, discovery and cap-state publishes dropped for the same
 *                           reasons (repeated with the newest values after reconnection)
 * @param connections        connections made to the broker (the first and every reconnection)
 * @param commandsAccepted   cap commands applied
 * @param commandsRejected   cap commands refused (commands off, malformed, retained, out of range)
 * @param capsExpired        caps that lapsed at their expiry
 */
public record BridgeCounters(long published, long failed, long droppedEvents, long droppedState, long connections,
                             long commandsAccepted, long commandsRejected, long capsExpired) {

    /**
     * Every publish dropped, of any kind.
     *
     * @return {@link #droppedEvents()} + {@link #droppedState()}
     */
    public long dropped() {
        return droppedEvents + droppedState;
    }
}
