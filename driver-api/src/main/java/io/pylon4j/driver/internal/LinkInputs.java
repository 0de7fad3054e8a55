package io.pylon4j.driver.internal;

import io.pylon4j.driver.BankEvent;
import io.pylon4j.driver.LinkStatus;
import io.pylon4j.driver.Source;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.ConnectionStateChange;
import io.pylon4j.transport.time.Moment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link BankModel}'s inputs that drive supervision rather than carry data: a link's transport changing state,
 * and time passing. Each updates the {@link ModelState} and returns the events of what changed (a supervision
 * transition, then the limits it causes). Called under the model's lock.
 */
final class LinkInputs {

    private final ModelState s;

    LinkInputs(ModelState state) {
        this.s = state;
    }

    List<BankEvent> transportState(Source source, ConnectionState state, Moment at) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(state, "state");
        List<BankEvent> events = new ArrayList<>(2);
        s.links.status(source, state, Optional.empty(), 0, at);
        supervise(source, state, at, events);
        return events;
    }

    List<BankEvent> transportChange(Source source, ConnectionStateChange change, Moment at) {
        Objects.requireNonNull(source, "source");
        List<BankEvent> events = new ArrayList<>(3);
        ConnectionState previous = s.links.state(source);
        LinkStatus now = s.links.status(source, change.current(), change.causeText(), change.attempt(), at);
        events.add(new BankEvent.LinkStateChanged(s.bankId, at.wall(), source,
                previous != null ? previous : change.previous(), now.state(), now.cause(), now.attempt(),
                change.nextAttemptDelay()));
        supervise(source, change.current(), at, events);
        return events;
    }

    /** The supervisor sees the best state over all links: the bank is down only when every link is. */
    private void supervise(Source source, ConnectionState state, Moment at, List<BankEvent> events) {
        s.advance(at);
        s.links.state(source, state);
        s.supervisor.onTransportState(s.links.best(), at).ifPresent(t -> {
            s.transition(t, events);
            s.publishLimits(at, events, false);
        });
    }

    /** Applies the supervision timeouts due at {@code now}; null when none was (nothing to rebuild or emit). */
    List<BankEvent> tick(Moment now) {
        Optional<SupervisionTransition> t = s.supervisor.tick(now);
        if (t.isEmpty()) {
            return null; // the common case: no allocation
        }
        List<BankEvent> events = new ArrayList<>(2);
        s.advance(now);
        s.transition(t.get(), events);
        s.publishLimits(now, events, false);
        return events;
    }
}
