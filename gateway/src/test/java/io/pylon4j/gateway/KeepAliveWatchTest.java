package io.pylon4j.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link KeepAliveWatch}: one test per cell of its transition table. */
class KeepAliveWatchTest {

    static final long SECOND = 1_000_000_000L;
    final KeepAliveWatch watch = new KeepAliveWatch(Optional.of(Duration.ofSeconds(10)), 0);

    @Test
    void notSupervisedIgnoresEverything() {
        KeepAliveWatch off = new KeepAliveWatch(Optional.empty(), 0);
        assertThat(off.onKeepAlive(SECOND)).isEmpty();
        assertThat(off.check(1000 * SECOND)).isEmpty();
        assertThat(off.state()).isEqualTo(KeepAliveState.NOT_SUPERVISED);
    }

    @Test
    void waitingBecomesAliveOnAKeepAlive() {
        assertThat(watch.onKeepAlive(SECOND)).contains(KeepAliveState.ALIVE);
    }

    @Test
    void waitingBecomesLostWhenNoneArrivesWithinTheTimeout() {
        assertThat(watch.check(10 * SECOND - 1)).isEmpty();
        assertThat(watch.check(10 * SECOND)).contains(KeepAliveState.LOST);
    }

    @Test
    void aliveStaysAliveOnKeepAlivesAndBecomesLostAfterTheTimeout() {
        watch.onKeepAlive(SECOND);
        assertThat(watch.onKeepAlive(5 * SECOND)).isEmpty();
        assertThat(watch.check(15 * SECOND - 1)).isEmpty();
        assertThat(watch.check(15 * SECOND)).contains(KeepAliveState.LOST);
    }

    @Test
    void lostStaysLostOnChecksAndBecomesAliveOnAKeepAlive() {
        watch.check(10 * SECOND);
        assertThat(watch.check(100 * SECOND)).isEmpty();
        assertThat(watch.onKeepAlive(101 * SECOND)).contains(KeepAliveState.ALIVE);
    }
}
