package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Rs485FrameSplitterTest {

    private static final String REQUEST = "~20024642E00202FD33";
    private static final String REPLY = "~20024600B01402D002B79800FAFF06C0F92D";

    private static List<String> split(String stream, int[] chunks, Rs485FrameSplitter[] out) {
        List<String> frames = new ArrayList<>();
        Rs485FrameSplitter splitter = new Rs485FrameSplitter(frames::add);
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
        Rs485FrameSplitter[] s = new Rs485FrameSplitter[1];
        assertThat(split("xyz\u00FF" + REQUEST + "\r", new int[] {3}, s)).containsExactly(REQUEST);
        assertThat(s[0].discardedBytes()).isEqualTo(4);
    }

    @Test
    void aFrameCutOffByTheNextSoiIsDiscardedAndCounted() {
        Rs485FrameSplitter[] s = new Rs485FrameSplitter[1];
        assertThat(split("~2002" + REPLY + "\r", new int[] {7}, s)).containsExactly(REPLY);
        assertThat(s[0].discardedBytes()).isEqualTo(5);
    }

    @Test
    void lineEndsBetweenFramesAreNotGarbage() {
        Rs485FrameSplitter[] s = new Rs485FrameSplitter[1];
        assertThat(split("\r\n" + REQUEST + "\r\n\n", new int[] {2}, s)).containsExactly(REQUEST);
        assertThat(s[0].discardedBytes()).isZero();
    }

    @Test
    void anOverlongFrameIsDroppedAndTheNextOneFound() {
        Rs485FrameSplitter[] s = new Rs485FrameSplitter[1];
        String endless = "~" + "A".repeat(Rs485FrameSplitter.MAX_FRAME + 10);
        assertThat(split(endless + "\r" + REQUEST + "\r", new int[] {1000}, s)).containsExactly(REQUEST);
        assertThat(s[0].discardedBytes()).isEqualTo(endless.length()); // its CR ends nothing: a line end
    }

    @Test
    void anUnfinishedFrameIsPendingNotLost() {
        Rs485FrameSplitter[] s = new Rs485FrameSplitter[1];
        assertThat(split(REQUEST + "\r~2002", new int[] {4}, s)).containsExactly(REQUEST);
        assertThat(s[0].pendingBytes()).isEqualTo(5);
        assertThat(s[0].discardedBytes()).isZero();
    }
}
