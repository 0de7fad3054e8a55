package io.pylon4j.rs485;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fuzzes the deframer: any bytes, in any chunking. Nothing may escape {@code push}; every frame it emits re-encodes
 * and decodes to itself; one byte at a time gives exactly the same results; the counters account for every byte and
 * the buffer never exceeds the largest frame.
 *
 * <p>In the normal build this runs its seed inputs, then fuzzes for {@code jazzer.seconds} in its own Surefire
 * execution (see {@code protocol-rs485/README.md}).
 */
class Rs485FrameReaderFuzz {

    @FuzzTest(maxDuration = "10m")
    void reader(FuzzedDataProvider data) {
        long chunkSeed = data.consumeLong();
        int maxChunk = data.consumeInt(1, 70_000);
        byte[] bytes = data.consumeRemainingAsBytes();

        Rs485FrameReader chunked = new Rs485FrameReader();
        List<String> chunkedLog = new ArrayList<>();
        Random random = new Random(chunkSeed);
        for (int offset = 0; offset < bytes.length; ) {
            int n = Math.min(1 + random.nextInt(maxChunk), bytes.length - offset);
            chunked.push(bytes, offset, n, r -> chunkedLog.add(check(r)));
            offset += n;
            checkCounters(chunked);
        }

        Rs485FrameReader bytewise = new Rs485FrameReader();
        List<String> bytewiseLog = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            bytewise.push(bytes, i, 1, r -> bytewiseLog.add(check(r)));
        }
        if (!chunkedLog.equals(bytewiseLog) || !chunked.counters().equals(bytewise.counters())) {
            throw new IllegalStateException("chunking changed the result:\n" + chunkedLog + "\n" + bytewiseLog);
        }
        chunked.endOfInput(r -> check(r));
        checkCounters(chunked);
        if (chunked.pendingBytes() != 0 || chunked.counters().bytesPending() != 0) {
            throw new IllegalStateException("endOfInput left bytes pending");
        }
    }

    private static String check(ReadResult result) {
        if (result instanceof ReadResult.Frame f) {
            Rs485Frame again = Rs485FrameCodec.decode(f.frame().encode());
            if (!again.equals(f.frame())) {
                throw new IllegalStateException("frame does not round-trip: " + f.frame());
            }
            return "frame " + f.frame();
        }
        ReadResult.Failure failure = (ReadResult.Failure) result;
        if (failure.discardedBytes() > Rs485FrameCodec.MAX_FRAME_LENGTH) {
            throw new IllegalStateException("discarded more than a frame at once: " + failure.discardedBytes());
        }
        return "failure " + failure.error().getMessage() + " " + failure.discardedBytes();
    }

    private static void checkCounters(Rs485FrameReader reader) {
        Rs485FrameReader.Counters c = reader.counters();
        if (c.bytesPending() != reader.pendingBytes() || reader.pendingBytes() < 0
                || reader.pendingBytes() >= Rs485FrameCodec.MAX_FRAME_LENGTH) {
            throw new IllegalStateException("counters do not account for every byte: " + c + ", pending "
                    + reader.pendingBytes());
        }
    }
}
