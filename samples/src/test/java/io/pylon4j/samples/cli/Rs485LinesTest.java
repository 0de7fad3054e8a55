package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** pylon dump's RS485 line cutter, on the driver's frame reader: the splitter's cases, and broken frames shown. */
class Rs485LinesTest {

    private static final String REQUEST = "~20024642E00202FD33";
    private static final String REPLY = "~20024600B01402D002B79800FAFF06C0F92D";

    private static List<String> split(String stream, int[] chunks, Rs485Lines[] out) {
        List<String> frames = new ArrayList<>();
        Rs485Lines splitter = new Rs485Lines(frames::add);
        byte[] bytes = stream.getBytes(StandardCharsets.ISO_8859_1);
        int at = 0;
        for (int i = 0; at < bytes.length; i++) {
            int n = Math.min(chunks[i % chunks.length], bytes.length - at);
            splitter.feed(bytes, at, n);
            at += n;
        }
        if (out != null) {
            out[0] = splitter;
        }
        return frames;
    }

    @Test
    void findsTheSameFramesWhateverTheChunking() {
        String stream = REQUEST + "\r" + REPLY + "\r\n" + REQUEST + "\r";
        List<String> expected = List.of(REQUEST, REPLY, REQUEST);
        SplittableRandom random = new SplittableRandom(42);
        for (int size = 1; size <= stream.length(); size++) {
            assertThat(split(stream, new int[] {size}, null)).as("chunks of %d", size).isEqualTo(expected);
        }
        for (int run = 0; run < 200; run++) {
            int[] chunks = random.ints(20, 1, 9).toArray();
            assertThat(split(stream, chunks, null)).isEqualTo(expected);
        }
    }

    @Test
    void resyncsPastLeadingGarbageAndCountsIt() {
        Rs485Lines[] s = new Rs485Lines[1];
        assertThat(split("xyz\u00FF" + REQUEST + "\r", new int[] {3}, s)).containsExactly(REQUEST);
        assertThat(s[0].discardedBytes()).isEqualTo(4);
    }

    @Test
    void aFrameCutOffByTheNextSoiIsDiscardedAndCounted() {
        Rs485Lines[] s = new Rs485Lines[1];
        assertThat(split("~2002" + REPLY + "\r", new int[] {7}, s)).containsExactly(REPLY);
        assertThat(s[0].discardedBytes()).isEqualTo(5);
    }

    @Test
    void lineEndsBetweenFramesAreNotGarbage() {
        Rs485Lines[] s = new Rs485Lines[1];
        assertThat(split("\r\n" + REQUEST + "\r\n\n", new int[] {2}, s)).containsExactly(REQUEST);
        assertThat(s[0].discardedBytes()).isZero();
    }

    @Test
    void anOverlongFrameIsDroppedAndTheNextOneFound() {
        Rs485Lines[] s = new Rs485Lines[1];
        String endless = "~" + "A".repeat(io.pylon4j.rs485.Rs485FrameCodec.MAX_FRAME_LENGTH + 10);
        assertThat(split(endless + "\r" + REQUEST + "\r", new int[] {1000}, s)).containsExactly(REQUEST);
        assertThat(s[0].discardedBytes()).isEqualTo(endless.length()); // its CR ends nothing: a line end
    }

    @Test
    void anUnfinishedFrameIsPendingNotLost() {
        Rs485Lines[] s = new Rs485Lines[1];
        assertThat(split(REQUEST + "\r~2002", new int[] {4}, s)).containsExactly(REQUEST);
        assertThat(s[0].pendingBytes()).isEqualTo(5);
        assertThat(s[0].discardedBytes()).isZero();
    }

    @Test
    void aFrameFailingItsChecksumIsPrintedForDecodeToNameTheError() {
        String bad = REQUEST.substring(0, REQUEST.length() - 1) + (REQUEST.endsWith("0") ? "1" : "0");
        Rs485Lines[] s = new Rs485Lines[1];
        assertThat(split(bad + "\r" + REPLY + "\r", new int[] {5}, s)).containsExactly(bad, REPLY);
        assertThat(s[0].discardedBytes()).isZero();
    }

    @Test
    void aFrameBrokenByAStrayCharacterIsPrintedUpToIt() {
        Rs485Lines[] s = new Rs485Lines[1];
        assertThat(split("~2002\u00FF" + REPLY + "\r", new int[] {3}, s)).containsExactly("~2002\u00FF", REPLY);
        assertThat(s[0].discardedBytes()).isZero();
    }
}
