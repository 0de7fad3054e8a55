package io.pylon4j.transport.socketcan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.transport.socketcan.CanErrorFrame.Kind;
import org.junit.jupiter.api.Test;

/** The error-frame record reads {@code linux/can/error.h} layouts. */
class CanErrorFrameTest {

    @Test
    void readsClassesAndControllerStatus() {
        // what "cansend vcan0 20000004#0004000000000000" carries: controller problem, RX warning level
        CanErrorFrame error = new CanErrorFrame(0x004, 0x0400L);
        assertThat(error.kinds()).containsExactly(Kind.CONTROLLER);
        assertThat(error.has(Kind.CONTROLLER)).isTrue();
        assertThat(error.controllerStatus()).isEqualTo(CanErrorFrame.CONTROLLER_RX_WARNING);
        assertThat(error).hasToString("CanErrorFrame[CONTROLLER] 0004000000000000");
    }

    @Test
    void readsBusOffAndTheErrorCounters() {
        CanErrorFrame error = new CanErrorFrame(0x040 | 0x200 | 0x020, 0x80_7F00_0000_0000_00L);
        assertThat(error.kinds()).containsExactly(Kind.NO_ACK, Kind.BUS_OFF, Kind.COUNTERS);
        assertThat(error.txErrorCount()).isEqualTo(0x7F);
        assertThat(error.rxErrorCount()).isEqualTo(0x80);
    }

    @Test
    void ignoresUnknownClassBitsAndChecksByteIndexes() {
        assertThat(new CanErrorFrame(0x1000, 0).kinds()).isEmpty();
        assertThatThrownBy(() -> new CanErrorFrame(0, 0).u8(8)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
