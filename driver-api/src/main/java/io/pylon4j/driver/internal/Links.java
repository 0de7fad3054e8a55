package io.pylon4j.driver.internal;

import io.pylon4j.driver.LinkStatus;
import io.pylon4j.driver.Source;
import io.pylon4j.driver.SourceStatus;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.time.Moment;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@link BankModel}'s view of its links: when each last delivered data, its transport's newest state and, while
 * it is down, why; and the best state over all links, which is what supervision sees (the bank is down only when
 * every link is). Confined to the model's lock.
 */
final class Links {

    /** {@link Source#values()} once: each call copies the array, and a snapshot walks it. */
    private static final Source[] SOURCES = Source.values();

    private final EnumMap<Source, Moment> lastReceived = new EnumMap<>(Source.class);
    private final EnumMap<Source, ConnectionState> states = new EnumMap<>(Source.class);
    /** Held as optionals, made when a status changes: a snapshot per reply shares them. */
    private final EnumMap<Source, Optional<LinkStatus>> statuses = new EnumMap<>(Source.class);
    /** {@code Optional.of} each state, made once: a snapshot per reply shares them. */
    private static final Optional<ConnectionState>[] STATES = optionalStates();

    /** Data arrived on {@code source} at {@code at}; the newest arrival is kept. */
    void received(Source source, Moment at) {
        Moment last = lastReceived.get(source);
        if (last == null || at.isAfter(last)) {
            lastReceived.put(source, at);
        }
    }

    /** The newest state reported for {@code source}'s transport, or null if none was. */
    ConnectionState state(Source source) {
        return states.get(source);
    }

    /**
     * Whether {@code source}'s transport is up: CONNECTED, or never reported (a model fed by hand). A field whose link
     * is down is taken from the other link at once ({@link FieldStamps#accept}).
     */
    boolean up(Source source) {
        ConnectionState state = states.get(source);
        return state == null || state == ConnectionState.CONNECTED;
    }

    /** Records {@code source}'s transport state. */
    void state(Source source, ConnectionState state) {
        states.put(source, state);
    }

    /** Moves {@code source}'s {@link LinkStatus} on a reported state ({@link LinkStatuses}) and returns it. */
    LinkStatus status(Source source, ConnectionState state, Optional<String> cause, int attempt, Moment at) {
        LinkStatus before = statuses.getOrDefault(source, Optional.empty()).orElse(null);
        LinkStatus now = before == null ? LinkStatuses.first(state, cause, attempt, at.wall())
                : LinkStatuses.next(before, state, cause, attempt, at.wall());
        statuses.put(source, Optional.of(now));
        return now;
    }

    /** The best state over all links (CONNECTED before CONNECTING … before CLOSED), or null if none was reported. */
    ConnectionState best() {
        ConnectionState best = null;
        for (ConnectionState s : states.values()) {
            if (best == null || rank(s) > rank(best)) {
                best = s;
            }
        }
        return best;
    }

    private static int rank(ConnectionState s) {
        return switch (s) {
            case CONNECTED -> 5;
            case CONNECTING -> 4;
            case WAITING_TO_RECONNECT -> 3;
            case NEW -> 2;
            case FAILED -> 1;
            case CLOSED -> 0;
        };
    }

    /** Each link's status for a snapshot: the links that delivered data or reported a state. */
    Map<Source, SourceStatus> sources() {
        EnumMap<Source, SourceStatus> sources = new EnumMap<>(Source.class);
        for (Source s : SOURCES) {
            if (lastReceived.containsKey(s) || states.containsKey(s)) {
                Moment last = lastReceived.get(s); // the record made directly: no Optional of a Moment to map
                sources.put(s, new SourceStatus(s, last == null ? Optional.empty() : Optional.of(last.wall()),
                        optional(states.get(s)),
                        last == null ? OptionalLong.empty() : OptionalLong.of(last.nanos()),
                        statuses.getOrDefault(s, Optional.empty())));
            }
        }
        return ModuleMaps.adopt(sources); // made here for this snapshot: BankStatus takes it as it is
    }

    private static Optional<ConnectionState> optional(ConnectionState state) {
        return state == null ? Optional.empty() : STATES[state.ordinal()];
    }

    @SuppressWarnings("unchecked")
    private static Optional<ConnectionState>[] optionalStates() {
        ConnectionState[] all = ConnectionState.values();
        Optional<ConnectionState>[] optionals = new Optional[all.length];
        for (ConnectionState c : all) {
            optionals[c.ordinal()] = Optional.of(c);
        }
        return optionals;
    }
}
