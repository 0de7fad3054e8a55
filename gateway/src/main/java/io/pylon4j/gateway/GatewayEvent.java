package io.pylon4j.gateway;

import java.time.Instant;
import java.util.Objects;

/** What a {@link CanGateway} announces: changes of what it sends, and of the inverter's keep-alive. */
public sealed interface GatewayEvent {

    /** {@return when it happened, on the wall clock (display only)} */
    Instant at();

    /**
     * What the gateway sends changed ({@link SafetyGate}).
     *
     * @param at     when, wall clock
     * @param from   the state before
     * @param to     the state now
     * @param reason why (the source's reason)
     */
    record StateChanged(Instant at, GatewayState from, GatewayState to, String reason) implements GatewayEvent {
        /**
         * Checks the references.
         *
         * @param at     when, wall clock
         * @param from   the state before
         * @param to     the state now
         * @param reason why
         */
        public StateChanged {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The inverter's keep-alive started or stopped arriving ({@link KeepAliveWatch}).
     *
     * @param at     when, wall clock
     * @param from   the state before
     * @param to     the state now
     * @param reason why, e.g. "no keep-alive (0x305, 0x306, 0x307) for 10 s"
     */
    record KeepAliveChanged(Instant at, KeepAliveState from, KeepAliveState to, String reason)
            implements GatewayEvent {
        /**
         * Checks the references.
         *
         * @param at     when, wall clock
         * @param from   the state before
         * @param to     the state now
         * @param reason why
         */
        public KeepAliveChanged {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A remote override was set, renewed, cleared or expired ({@link CanGateway#override}).
     *
     * @param at       when, wall clock
     * @param override the override in force now, if any
     * @param reason   what happened, e.g. "expired after 60000 ms (set by ems)"
     */
    record OverrideChanged(Instant at, java.util.Optional<LimitOverride> override, String reason)
            implements GatewayEvent {
        /**
         * Checks the references.
         *
         * @param at       when, wall clock
         * @param override the override in force now, if any
         * @param reason   what happened
         */
        public OverrideChanged {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(override, "override");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
