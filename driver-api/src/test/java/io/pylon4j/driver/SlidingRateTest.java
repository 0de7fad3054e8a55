package io.pylon4j.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The on-read sliding rate, on a manual clock. */
class SlidingRateTest {

    final ManualClock clock = new ManualClock();
    final AtomicLong counter = new AtomicLong(100); // a counter that already counted before the rate was made
    final SlidingRate rate = new SlidingRate(counter::get, clock, Duration.ofSeconds(10));

    @Test
    void firstReadAveragesSinceConstruction() {
        assertThat(rate.perSecond()).isZero(); // no time has passed
        counter.addAndGet(8);
        clock.advanceMillis(2000);
        assertThat(rate.perSecond()).isCloseTo(4.0, within(1e-9));
    }

    @Test
    void readFrequentlyItIsTheAverageOverTheLastWindowOnly() {
        for (int s = 0; s < 20; s++) { // 20 s at 8 frames/s, read every second
            counter.addAndGet(8);
            clock.advanceMillis(1000);
            rate.perSecond();
        }
        for (int s = 0; s < 5; s++) { // then 5 s of silence
            clock.advanceMillis(1000);
            rate.perSecond();
        }
        // the window ending now holds 5 s at 8/s and 5 s of nothing: older traffic has slid out
        assertThat(rate.perSecond()).isCloseTo(4.0, within(1e-9));
        for (int s = 0; s < 10; s++) {
            clock.advanceMillis(1000);
            rate.perSecond();
        }
        assertThat(rate.perSecond()).isZero();
    }

    @Test
    void readRarelyItIsTheAverageSinceThePreviousRead() {
        rate.perSecond();
        counter.addAndGet(300);
        clock.advanceMillis(30_000);
        assertThat(rate.perSecond()).isCloseTo(10.0, within(1e-9));
        counter.addAndGet(30);
        clock.advanceMillis(30_000);
        assertThat(rate.perSecond()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aWallClockSteppedBackOrForwardChangesNoRate() {
        counter.addAndGet(10);
        clock.advanceMillis(1000);
        assertThat(rate.perSecond()).isCloseTo(10.0, within(1e-9));
        clock.stepWallClock(Duration.ofHours(-1));
        counter.addAndGet(6);
        clock.advanceMillis(2000);
        assertThat(rate.perSecond()).isCloseTo(16 / 3.0, within(1e-9)); // the base sample is still the first
        clock.stepWallClock(Duration.ofHours(1));
        counter.addAndGet(4);
        clock.advanceMillis(1000);
        assertThat(rate.perSecond()).isCloseTo(5.0, within(1e-9)); // 20 frames in 4 s, not in an hour
    }

    @Test
    void aCounterThatShrinksReadsAsNoGrowth() {
        counter.set(5);
        clock.advanceMillis(1000);
        assertThat(rate.perSecond()).isZero();
    }

    @Test
    void rejectsAnEmptyWindow() {
        assertThatThrownBy(() -> new SlidingRate(counter::get, clock, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window");
    }
}
