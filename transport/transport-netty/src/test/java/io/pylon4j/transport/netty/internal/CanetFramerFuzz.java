package io.pylon4j.transport.netty.internal;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pylon4j.can.CanFrame;
import java.util.Random;

/**
 * Fuzzes the {@code canet:} framer: any bytes, any chunking, pauses anywhere. Nothing may escape it; it never holds
 * more than {@link CanetFramer#CAPACITY} bytes; every byte is emitted in a record, discarded or held; every frame it
 * emits re-encodes to a well-formed record; and one byte at a time gives exactly the same frames and counts.
 *
 * <p>In the normal build this replays its seed inputs, then fuzzes for {@code jazzer.seconds} in its own Surefire
 * execution ({@code fuzz-canet}; long runs: {@code docs/transports.md}).
 */
class CanetFramerFuzz {

    @FuzzTest(maxDuration = "10m")
    void framer(FuzzedDataProvider data) {
        long chunkSeed = data.consumeLong();
        int maxChunk = data.consumeInt(1, 200);
        byte[] bytes = data.consumeRemainingAsBytes();

        RecordingSink chunked = new RecordingSink();
        CanetFramer framer = new CanetFramer();
        Random random = new Random(chunkSeed);
        for (int offset = 0; offset < bytes.length; ) {
            int n = Math.min(1 + random.nextInt(maxChunk), bytes.length - offset);
            framer.decode(bytes, offset, n, chunked);
            offset += n;
            check(framer, chunked, offset);
        }

        RecordingSink bytewise = new RecordingSink();
        CanetFramer one = new CanetFramer();
        for (int i = 0; i < bytes.length; i++) {
            one.decode(bytes, i, 1, bytewise);
        }
        if (!chunked.frames.equals(bytewise.frames) || chunked.discarded != bytewise.discarded
                || chunked.unsupported != bytewise.unsupported || chunked.syncLosses != bytewise.syncLosses) {
            throw new IllegalStateException("chunking changed the result:\n" + chunked.frames + "\n" + bytewise.frames);
        }
        for (CanFrame f : chunked.frames) {
            if (!CanetFramer.wellFormed(CanetCodec.encode(f), 0)) {
                throw new IllegalStateException("emitted a frame that is not a well-formed record: " + f);
            }
        }
        framer.quiet(chunked);
        check(framer, chunked, bytes.length);
        framer.end(chunked);
        check(framer, chunked, bytes.length);
        if (framer.pending() != 0 || !framer.synchronised()) {
            throw new IllegalStateException("end() left " + framer.pending() + " bytes or no sync");
        }
    }

    private static void check(CanetFramer framer, RecordingSink sink, long fed) {
        if (framer.pending() < 0 || framer.pending() > CanetFramer.CAPACITY) {
            throw new IllegalStateException("holds " + framer.pending() + " bytes");
        }
        if (sink.accountedBytes(framer) != fed) {
            throw new IllegalStateException("fed " + fed + " bytes, accounted " + sink.accountedBytes(framer));
        }
    }
}
