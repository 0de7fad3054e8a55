package io.pylon4j.transport.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.can.CanFrame;
import io.pylon4j.transport.CanFrameListener;
import io.pylon4j.transport.CanIdFilter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The receive side that the blocking and event-loop CAN transports share. */
class CanFrameDispatcherTest {

    private final TransportMetrics metrics = new TransportMetrics();
    private final CanFrameDispatcher dispatcher = new CanFrameDispatcher(metrics);

    @Test
    void deliversToEveryListenerWithTheReceiveTime() {
        List<Long> times = new ArrayList<>();
        dispatcher.addListener((frame, nanoTime) -> times.add(nanoTime));
        dispatcher.addListener((frame, nanoTime) -> times.add(nanoTime));

        dispatcher.deliver(CanFrame.ofHex(0x351, "1402"), 42L);

        assertThat(times).containsExactly(42L, 42L);
        assertThat(metrics.snapshot().framesIn()).isEqualTo(1);
    }

    @Test
    void aRejectedFrameIsNeitherDeliveredNorCounted() {
        List<CanFrame> frames = new ArrayList<>();
        dispatcher.addListener((frame, nanoTime) -> frames.add(frame));
        dispatcher.setFilter(CanIdFilter.of(0x355));

        dispatcher.deliver(CanFrame.ofHex(0x351, "1402"), 1L);
        dispatcher.deliver(CanFrame.ofHex(0x355, "1402"), 2L);

        assertThat(frames).extracting(CanFrame::id).containsExactly(0x355);
        assertThat(metrics.snapshot().framesIn()).isEqualTo(1);
        assertThat(dispatcher.filter()).isEqualTo(CanIdFilter.of(0x355));
    }

    @Test
    void aThrowingListenerIsCountedAndTheOthersStillReceive() {
        List<CanFrame> frames = new ArrayList<>();
        dispatcher.addListener((frame, nanoTime) -> {
            throw new IllegalStateException("faulty");
        });
        dispatcher.addListener((frame, nanoTime) -> frames.add(frame));

        dispatcher.deliver(CanFrame.ofHex(0x351, "1402"), 1L);

        assertThat(frames).hasSize(1);
        assertThat(metrics.snapshot().errors()).isEqualTo(1);
    }

    @Test
    void aRemovedListenerReceivesNothing() {
        List<CanFrame> frames = new ArrayList<>();
        CanFrameListener listener = (frame, nanoTime) -> frames.add(frame);
        dispatcher.addListener(listener);
        dispatcher.removeListener(listener);

        dispatcher.deliver(CanFrame.ofHex(0x351, "1402"), 1L);

        assertThat(frames).isEmpty();
    }

    @Test
    void nullsAreRefused() {
        assertThatThrownBy(() -> dispatcher.addListener(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> dispatcher.setFilter(null)).isInstanceOf(NullPointerException.class);
        assertThat(dispatcher.filter()).isEqualTo(CanIdFilter.ALL);
    }
}
