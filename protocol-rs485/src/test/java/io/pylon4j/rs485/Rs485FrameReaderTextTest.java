package io.pylon4j.rs485;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a bus monitor sees through {@link Rs485FrameReader.FrameTextListener}: every frame that ended, good or broken. */
class Rs485FrameReaderTextTest {

    static final String GOOD = new String(new ManufacturerInfoRequest(0x02).toFrame().encode(),
            StandardCharsets.ISO_8859_1);

    final List<String> texts = new ArrayList<>();
    final List<ReadResult> results = new ArrayList<>();
    final Rs485FrameReader reader = new Rs485FrameReader(
            (bytes, length) -> texts.add(new String(bytes, 0, length, StandardCharsets.ISO_8859_1)));

    void push(String s) {
        reader.push(s.getBytes(StandardCharsets.ISO_8859_1), results::add);
    }

    @Test
    void aGoodFrameIsSeenWithItsCrBeforeTheSinkHearsOfIt() {
        reader.push(GOOD.getBytes(StandardCharsets.ISO_8859_1), r -> assertThat(texts).hasSize(1));
        assertThat(texts).containsExactly(GOOD);
    }

    @Test
    void aFrameFailingItsChecksumIsSeenToo() {
        String bad = GOOD.substring(0, GOOD.length() - 2) + (GOOD.charAt(GOOD.length() - 2) == '0' ? '1' : '0') + "\r";
        push(bad);
        assertThat(texts).containsExactly(bad);
        assertThat(results).singleElement().isInstanceOf(ReadResult.Failure.class);
    }

    @Test
    void aFrameBrokenByAStrayCharacterIsSeenUpToIt() {
        push("~2002Z" + GOOD);
        assertThat(texts).containsExactly("~2002Z", GOOD);
    }

    @Test
    void aFrameCutShortByTheNextOrByTheEndIsNotSeenButCounted() {
        push("~2002" + GOOD + "~20");
        reader.endOfInput(results::add);
        assertThat(texts).containsExactly(GOOD);
        assertThat(reader.counters().bytesDiscarded()).isEqualTo(5 + 3);
    }

    @Test
    void noiseIsNotSeen() {
        push("\u0000noise\n" + GOOD + "\r\n");
        assertThat(texts).containsExactly(GOOD);
    }
}
