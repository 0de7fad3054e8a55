package io.pylon4j.gateway;

import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.time.Scheduler;
import io.pylon4j.transport.time.TimeSource;
import java.util.Objects;
import java.util.function.Consumer;

/** Builds a {@link CanGateway}: {@link CanGateway#builder}. */
public final class CanGatewayBuilder {
    final BankSource source;
    final CanTransport transport;
    final GatewayProfile profile;
    Scheduler scheduler;
    TimeSource time = TimeSource.system();
    Consumer<? super GatewayEvent> listener = e -> { };

    CanGatewayBuilder(BankSource source, CanTransport transport, GatewayProfile profile) {
        this.source = Objects.requireNonNull(source, "source");
        this.transport = Objects.requireNonNull(transport, "toInverter");
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    /**
     * Where the cycle runs (required): {@code Scheduler.of(executor)}, or a test's manual scheduler.
     *
     * @param value the scheduler
     * @return this builder
     */
    public CanGatewayBuilder scheduler(Scheduler value) {
        scheduler = Objects.requireNonNull(value, "scheduler");
        return this;
    }

    /**
     * The clock every age is measured on (default {@link TimeSource#system()}); the scheduler's in tests.
     *
     * @param value the time source
     * @return this builder
     */
    public CanGatewayBuilder time(TimeSource value) {
        time = Objects.requireNonNull(value, "time");
        return this;
    }

    /**
     * Who hears the gateway's events, on the scheduler's thread; must not block.
     *
     * @param value the listener
     * @return this builder
     */
    public CanGatewayBuilder listener(Consumer<? super GatewayEvent> value) {
        listener = Objects.requireNonNull(value, "listener");
        return this;
    }

    /**
     * {@return the gateway, not started}
     *
     * @throws NullPointerException if no scheduler was set
     */
    public CanGateway build() {
        return new CanGateway(this);
    }
}
