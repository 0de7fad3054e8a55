package io.pylon4j.transport.serial.internal;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fuzzes the SLCAN line decoder: any bytes, any chunking. Nothing may escape it; every byte is in exactly one
 * message or still pending; a data frame it emits re-encodes ({@link SlcanEncoder}) to a line that decodes to the
 * same frame; and one byte at a time gives exactly the same messages.
 *
 * <p>In the normal build this replays its seed inputs, then fuzzes for {@code jazzer.seconds} in its own Surefire
 * execution ({@code fuzz-slcan}; long runs: {@code docs/transports.md}).
 */
class SlcanDecoderFuzz {

    @FuzzTest(maxDuration = "10m")
    void decoder(FuzzedDataProvider data) {
        long chunkSeed = data.consumeLong();
        int maxChunk = data.consumeInt(1, 300);
        byte[] bytes = data.consumeRemainingAsBytes();

        SlcanDecoder chunked = new SlcanDecoder();
        List<SlcanMessage> chunkedOut = new ArrayList<>();
        Random random = new Random(chunkSeed);
        long wire = 0;
        for (int offset = 0; offset < bytes.length; ) {
            int n = Math.min(1 + random.nextInt(maxChunk), bytes.length - offset);
            int before = chunkedOut.size();
            chunked.decode(bytes, offset, n, chunkedOut::add);
            offset += n;
            for (SlcanMessage m : chunkedOut.subList(before, chunkedOut.size())) {
                wire += check(m);
            }
            if (wire + chunked.pending() != offset) {
                throw new IllegalStateException("fed " + offset + " bytes, accounted " + (wire + chunked.pending()));
            }
        }

        SlcanDecoder bytewise = new SlcanDecoder();
        List<SlcanMessage> bytewiseOut = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            bytewise.decode(bytes, i, 1, bytewiseOut::add);
        }
        if (!chunkedOut.equals(bytewiseOut) || chunked.pending() != bytewise.pending()) {
            throw new IllegalStateException("chunking changed the result:\n" + chunkedOut + "\n" + bytewiseOut);
        }
    }

    /** The message's wire length, after checking that a data frame survives a round trip. */
    private static int check(SlcanMessage message) {
        if (message.wireLength() < 1) {
            throw new IllegalStateException("a message of no bytes: " + message);
        }
        if (message instanceof SlcanMessage.DataFrame f) {
            byte[] line = SlcanEncoder.frame(f.frame());
            List<SlcanMessage> again = new ArrayList<>();
            new SlcanDecoder().decode(line, 0, line.length, again::add);
            if (again.size() != 1 || !(again.get(0) instanceof SlcanMessage.DataFrame g) || !g.frame().equals(f.frame())) {
                throw new IllegalStateException(f + " re-encodes to " + again);
            }
        }
        return message.wireLength();
    }
}
