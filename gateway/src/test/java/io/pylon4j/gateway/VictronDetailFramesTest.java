package io.pylon4j.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.CanFrame;
import io.pylon4j.can.CanMessage;
import io.pylon4j.can.CanProfile;
import io.pylon4j.can.CellExtremes;
import io.pylon4j.can.PylonCanCodec;
import io.pylon4j.can.TextMessage;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Victron's 0x373–0x377 and 0x380/0x381 from a view's cells and serial number (docs/protocol.md §1.8). */
class VictronDetailFramesTest {

    final PylonCanCodec codec = new PylonCanCodec(CanProfile.VICTRON);
    final CanFrameSetEncoder victron = new CanFrameSetEncoder(FrameSet.VICTRON, CanProfile.VICTRON);

    static final CellReport CELLS = new CellReport(3.281, 3.342, OptionalDouble.of(18.4), OptionalDouble.of(24.0),
            Optional.of("b0 m3 c7"), Optional.of("b0 m1 c2"), Optional.of("b0 m2"), Optional.of("b0 m4"));

    CanFrame frame(List<CanFrame> frames, int id) {
        return frames.stream().filter(f -> f.id() == id).findFirst().orElseThrow();
    }

    String text(List<CanFrame> frames, int id) {
        return ((TextMessage) codec.decode(frame(frames, id))).text();
    }

    @Test
    void cellExtremesTheirCellsAndTheSerialNumberAreSentInIdOrder() {
        List<CanFrame> frames = victron.frames(Views.fresh().withCells(Optional.of(CELLS),
                Optional.of("PPTAH02400123456")));

        assertThat(frames).map(CanFrame::id).containsExactly(0x351, 0x355, 0x356, 0x359, 0x35A, 0x35C, 0x35E,
                0x35F, 0x372, 0x373, 0x374, 0x375, 0x376, 0x377, 0x379, 0x380, 0x381, 0x382);
        CellExtremes c = (CellExtremes) codec.decode(frame(frames, 0x373));
        assertThat(c.minCellVoltageMilliVolts()).isEqualTo(3281);
        assertThat(c.maxCellVoltageMilliVolts()).isEqualTo(3342);
        assertThat(c.minCellTemperatureKelvin()).isEqualTo(292); // 18.4 °C = 291.55 K
        assertThat(c.maxCellTemperatureKelvin()).isEqualTo(297);
        assertThat(text(frames, 0x374)).isEqualTo("b0 m3 c7");
        assertThat(text(frames, 0x375)).isEqualTo("b0 m1 c2");
        assertThat(text(frames, 0x376)).isEqualTo("b0 m2");
        assertThat(text(frames, 0x377)).isEqualTo("b0 m4");
        assertThat(text(frames, 0x380)).isEqualTo("PPTAH024");
        assertThat(text(frames, 0x381)).isEqualTo("00123456");
    }

    @Test
    void whatTheViewLacksIsLeftOutNeverZeroFilled() {
        List<CanFrame> frames = victron.frames(Views.fresh().withCells(Optional.of(CellReport.voltages(3.2, 3.3)),
                Optional.of("SHORT")));

        assertThat(frames).map(CanFrame::id).contains(0x373, 0x380)
                .doesNotContain(0x374, 0x375, 0x376, 0x377, 0x381);
        CanFrame extremes = frame(frames, 0x373);
        assertThat(extremes.length()).isEqualTo(4);
        assertThat(((CellExtremes) codec.decode(extremes)).minCellTemperatureKelvin()).isEqualTo(CanMessage.NOT_SENT);
        assertThat(frame(frames, 0x380).length()).isEqualTo(5);
    }

    @Test
    void aViewWithoutCellsSendsNoneOfTheDetailFrames() {
        assertThat(victron.frames(Views.fresh())).map(CanFrame::id)
                .doesNotContain(0x373, 0x374, 0x375, 0x376, 0x377, 0x380, 0x381);
    }

    @Test
    void theFailSafeFormKeepsTheCellsAndOverridesKeepThem() {
        BankView v = Views.fresh().withCells(Optional.of(CELLS), Optional.of("PPTAH02400123456"));
        assertThat(v.failSafe("stale").cells()).contains(CELLS);
        assertThat(v.withState(SourceState.STALE, "x").serialNumber()).contains("PPTAH02400123456");
    }
}
