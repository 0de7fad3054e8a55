package io.pylon4j.transport.socketcan;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.CanFrame;
import io.pylon4j.can.CandumpFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The replay material of {@link SocketCanVcanIT} is sound before it goes near a kernel. */
class CapturesTest {

    @Test
    void everyCaptureLineIsAFrameAndTheLogRoundTrips() {
        for (String file : Captures.FILES) {
            List<CanFrame> frames = Captures.frames(file);
            assertThat(frames).as(file).isNotEmpty();
            List<CanFrame> back = Captures.candumpLog(frames, "vcan0").lines().map(CandumpFormat::parseFrame).toList();
            assertThat(back).as(file).isEqualTo(frames);
        }
        // what CandumpFormat cannot read yet: only the annotated C-array lines ("Data=0x.., 0x.. | comment")
        for (String file : Captures.FILES) {
            assertThat(Captures.rejectedLines(file)).as(file)
                    .allSatisfy(line -> assertThat(line).startsWith("CANId=").contains(" | "));
        }
        assertThat(Captures.allFrames()).hasSizeGreaterThanOrEqualTo(41);
        assertThat(Captures.frames("can-setfirelabs-us5000-v12-vs-v13.txt")).first()
                .isEqualTo(CanFrame.ofHex(0x351, "1402C012C012C201"));
    }
}
