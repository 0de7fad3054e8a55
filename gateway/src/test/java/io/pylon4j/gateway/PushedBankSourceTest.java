package io.pylon4j.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.testing.ManualScheduler;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An application's pushed model ages on the monotonic clock. */
class PushedBankSourceTest {

    final ManualScheduler time = new ManualScheduler();
    final PushedBankSource source = new PushedBankSource(time.timeSource(), Duration.ofSeconds(5));

    @Test
    void connectingUntilTheFirstPush() {
        assertThat(source.view().state()).isEqualTo(SourceState.CONNECTING);
    }

    @Test
    void aPushedViewGoesStaleWhenNothingNewerArrives() {
        source.push(Views.fresh());
        time.advance(Duration.ofMillis(4999));
        assertThat(source.view().state()).isEqualTo(SourceState.FRESH);

        time.advance(Duration.ofMillis(1));
        assertThat(source.view().state()).isEqualTo(SourceState.STALE);
        assertThat(source.view().reason()).isEqualTo("nothing pushed for 5000 ms");
    }

    @Test
    void aWallClockStepDoesNotAgeIt() {
        source.push(Views.fresh());
        time.timeSource().stepWallClock(Duration.ofHours(1));
        assertThat(source.view().state()).isEqualTo(SourceState.FRESH);
    }
}
