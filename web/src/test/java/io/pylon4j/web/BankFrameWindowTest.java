package io.pylon4j.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pylon4j.can.CanFrame;
import io.pylon4j.driver.commission.Observation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The single-CAN-master check's window: the bank's cyclic frames of the last minute, bounded whatever a peer sends. */
class BankFrameWindowTest {

    private static final long SECOND = 1_000_000_000L;
    private static final CanFrame LIMITS = CanFrame.ofHex(0x351, "14 02 C8 05 C8 05 C2 01");
    private static final CanFrame SOC = CanFrame.ofHex(0x355, "3C 00 63 00");

    @Test
    void keepsOnlyTheBankFramesOfTheLastMinuteInArrivalOrder() {
        BankFrameWindow window = new BankFrameWindow(Duration.ofMinutes(1));
        window.onFrame(LIMITS, 0);
        window.onFrame(CanFrame.ofHex(0x305, "00 00 00 00 00 00 00 00"), SECOND); // the inverter's: not kept
        window.onFrame(SOC, 2 * SECOND);
        window.onFrame(CanFrame.ofHex(0x35C, "C0 00"), 3 * SECOND); // request flags: not a check's input
        assertEquals(List.of(0x351, 0x355), ids(window.frames(3 * SECOND)));
        assertEquals(List.of(0x355), ids(window.frames(61 * SECOND)), "the 0x351 of 61 s ago");
        assertEquals(List.of(), window.frames(63 * SECOND));
    }

    @Test
    void aFloodCostsAFixedAmountOfMemoryAndIsCounted() {
        BankFrameWindow window = new BankFrameWindow(Duration.ofMinutes(1));
        int sent = BankFrameWindow.CAPACITY * 10;
        for (int i = 0; i < sent; i++) {
            window.onFrame(LIMITS, i); // all within one microsecond: none is old enough to let go
        }
        List<Observation.SeenFrame> kept = window.frames(sent);
        assertEquals(BankFrameWindow.CAPACITY, kept.size());
        assertEquals(sent - BankFrameWindow.CAPACITY, window.overwritten());
        assertEquals(sent - 1, kept.get(kept.size() - 1).receivedNanoTime(), "the newest frames are the ones kept");
    }

    private static List<Integer> ids(List<Observation.SeenFrame> frames) {
        return frames.stream().map(f -> f.frame().id()).toList();
    }
}
