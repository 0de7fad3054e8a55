package io.pylon4j.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A stack whose DIP switch 1 is up answers only at 9600 baud; the driver finds it after 115200 stays silent. */
class BaudDetectionTest {

    final ManualClock clock = new ManualClock();
    final ManualScheduler scheduler = new ManualScheduler(clock);
    final ManualExecutor executor = new ManualExecutor();
    final FakeRs485Battery battery = new FakeRs485Battery();
    final List<Integer> opened = new ArrayList<>();
    final List<FakeByteTransport> links = new ArrayList<>();
    PylonDriver driver;

    FakeByteTransport link(int baud) {
        opened.add(baud);
        // at the wrong rate the battery sees garbage and says nothing
        FakeByteTransport t = new FakeByteTransport("fake-serial:ttyUSB0?baud=" + baud,
                baud == 9600 ? battery : request -> null);
        links.add(t);
        return t;
    }

    FakeByteTransport current() {
        return links.get(links.size() - 1);
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void silentAt115200ThenFoundAt9600() {
        driver = PylonDriver.rs485DetectingBaud(this::link, DriverOptions.builder("dip1").clock(clock)
                .scheduler(scheduler).eventExecutor(executor).build());
        driver.start();
        // window = 1 s × (2 retries + 1) + 1 s poll = 4 s
        for (int i = 0; i < 4; i++) {
            scheduler.advance(Duration.ofSeconds(1));
            current().pump();
        }
        assertThat(opened).containsExactly(115200, 9600);
        assertThat(links.get(0).closedByDriver).isTrue();
        assertThat(driver.counters().baudSwitches()).isEqualTo(1);
        assertThat(driver.rs485BaudRate()).isEmpty(); // answered, not yet confirmed by the next window

        scheduler.advance(Duration.ZERO);
        current().pump();
        assertThat(driver.status().batteryLimits()).isPresent();
        assertThat(driver.status().moduleCount()).hasValue(3);

        for (int i = 0; i < 4; i++) {
            scheduler.advance(Duration.ofSeconds(1));
            current().pump();
        }
        assertThat(driver.rs485BaudRate()).hasValue(9600);
        assertThat(opened).containsExactly(115200, 9600); // no further switching once found
    }

    @Test
    void closeClosesTheTransportTheFactoryMade() {
        driver = PylonDriver.rs485DetectingBaud(this::link, DriverOptions.builder("dip1").clock(clock)
                .scheduler(scheduler).eventExecutor(executor).build());
        driver.start();
        driver.close();
        assertThat(links).allMatch(t -> t.closedByDriver);
        assertThat(scheduler.activeTasks()).isZero();
    }
}
