package io.pylon4j.benchmarks.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The CPU window both scale benchmarks measure with: other processes' CPU, unknown CPU, and a thread's own share. */
class CpuWindowTest {

    @Test
    void anotherProcessesCpuIsItsIncreaseOverTheWindowAndUnknownStaysUnknown() {
        AtomicLong child = new AtomicLong(5_000_000_000L);
        CpuWindow window = CpuWindow.open(child::get, () -> -1L);
        child.addAndGet(1_000_000_000L); // one CPU second used in the window
        CpuWindow.Usage usage = window.close();
        assertThat(usage.othersPercent()[0]).isCloseTo(100.0 * 1e9 / usage.nanos(), within(1e-9));
        assertThat(usage.othersPercent()[1]).isEqualTo(-1);
    }

    @Test
    void aBusyThreadShowsUpUnderItsNameAtTheEnd() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        Thread busy = new Thread(() -> {
            while (!stop.get()) {
                Thread.onSpinWait();
            }
        }, "pylon4j-test-busy-start");
        busy.start();
        try {
            CpuWindow window = CpuWindow.open();
            Thread.sleep(200);
            busy.setName("pylon4j-test-busy-end");
            CpuWindow.Usage usage = window.close();
            assertThat(usage.threads()).filteredOn(t -> t.name().equals("pylon4j-test-busy-end")).singleElement()
                    .satisfies(t -> assertThat(t.percent()).isPositive());
            assertThat(usage.threads()).noneMatch(t -> t.name().equals("pylon4j-test-busy-start"));
            assertThat(usage.processPercent()).isPositive();
        } finally {
            stop.set(true);
            busy.join();
        }
    }
}
