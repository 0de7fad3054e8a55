package io.pylon4j.transport.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The two readings of a time source, and the manual one that tests step. */
class TimeSourceTest {

    static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");

    @Test
    void steppingTheManualWallClockMovesNoMonotonicTime() {
        ManualTimeSource time = new ManualTimeSource(T0);
        Moment before = time.now();
        time.stepWallClock(Duration.ofHours(-1));
        assertThat(time.nanoTime()).isEqualTo(before.nanos());
        assertThat(time.wallTime()).isEqualTo(T0.minusSeconds(3600));
        Moment later = time.advance(Duration.ofMillis(1500));
        assertThat(later.since(before)).isEqualTo(Duration.ofMillis(1500));
        assertThat(later.isAfter(before)).isTrue();
        assertThat(later.wall()).isBefore(before.wall()); // the wall says earlier; the order says later
    }

    @Test
    void timeDoesNotGoBack() {
        ManualTimeSource time = new ManualTimeSource(T0);
        assertThatThrownBy(() -> time.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWallClockGivenToTheSystemSourceIsShownButDecidesNoAge() {
        Clock fixed = Clock.fixed(T0, ZoneOffset.UTC);
        TimeSource time = TimeSource.withWallClock(fixed);
        long first = time.nanoTime();
        assertThat(time.wallTime()).isEqualTo(T0);
        assertThat(time.nanoTime() - first).isNotNegative();
        assertThat(time.now().wall()).isEqualTo(T0);
    }

    @Test
    void momentsCompareAcrossAWrapOfTheNanosecondCount() {
        Moment before = new Moment(Long.MAX_VALUE - 5, T0);
        Moment after = new Moment(Long.MIN_VALUE + 5, T0.plusNanos(11));
        assertThat(after.isAfter(before)).isTrue();
        assertThat(before.isBefore(after)).isTrue();
        assertThat(after.since(before)).isEqualTo(Duration.ofNanos(11));
    }

    @Test
    void aMomentOfAnInstantCountsFromTheEpoch() {
        assertThat(Moment.ofInstant(Instant.ofEpochSecond(2, 7)).nanos()).isEqualTo(2_000_000_007L);
        assertThat(Moment.ofInstant(T0).plus(Duration.ofSeconds(1))).isEqualTo(Moment.ofInstant(T0.plusSeconds(1)));
    }
}
