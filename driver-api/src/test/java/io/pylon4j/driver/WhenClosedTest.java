package io.pylon4j.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.testing.ManualScheduler;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** {@link PylonDriver#whenClosed()}: the hook the metrics registrations hang their clean-up on. */
class WhenClosedTest {

    final ManualClock clock = new ManualClock();
    final PylonDriver driver = PylonDriver.can(new FakeCanTransport(), DriverOptions.builder("closing").time(clock)
            .scheduler(new ManualScheduler(clock.source())).eventExecutor(new ManualExecutor()).build());

    @Test
    void completesOnceCloseHasFinishedAndAtOnceForLateComers() {
        AtomicInteger runs = new AtomicInteger();
        driver.whenClosed().thenRun(() -> {
            assertThat(driver.isClosed()).isTrue();
            runs.incrementAndGet();
        });
        assertThat(runs).hasValue(0);
        driver.close();
        assertThat(runs).hasValue(1);
        driver.close(); // idempotent: no second completion
        assertThat(runs).hasValue(1);
        driver.whenClosed().thenRun(runs::incrementAndGet); // added after close: runs at once
        assertThat(runs).hasValue(2);
    }

    @Test
    void anActionThatThrowsDoesNotMakeCloseThrowNorStopTheOthers() {
        AtomicInteger runs = new AtomicInteger();
        driver.whenClosed().thenRun(() -> {
            throw new IllegalStateException("a broken clean-up");
        });
        driver.whenClosed().thenRun(runs::incrementAndGet);
        driver.close();
        assertThat(runs).hasValue(1);
    }

    @Test
    void callersCannotCompleteIt() {
        var stage = driver.whenClosed().toCompletableFuture();
        stage.complete(null); // a copy: the driver's own stage is untouched
        AtomicInteger runs = new AtomicInteger();
        driver.whenClosed().thenRun(runs::incrementAndGet);
        assertThat(runs).hasValue(0);
        driver.close();
        assertThat(runs).hasValue(1);
    }
}
