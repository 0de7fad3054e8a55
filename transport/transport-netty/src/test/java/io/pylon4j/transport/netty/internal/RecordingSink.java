package io.pylon4j.transport.netty.internal;

import io.pylon4j.can.CanFrame;
import java.util.ArrayList;
import java.util.List;

/** A {@link CanetFramer.Sink} that keeps what it was given. */
final class RecordingSink implements CanetFramer.Sink {

    final List<CanFrame> frames = new ArrayList<>();
    int unsupported;
    long discarded;
    int syncLosses;

    @Override
    public void frame(CanFrame frame) {
        frames.add(frame);
    }

    @Override
    public void unsupported() {
        unsupported++;
    }

    @Override
    public void discarded(int bytes) {
        if (bytes <= 0) {
            throw new AssertionError("discarded " + bytes);
        }
        discarded += bytes;
    }

    @Override
    public void lostSync() {
        syncLosses++;
    }

    /** Every byte fed is emitted in a record, discarded, or still held. */
    long accountedBytes(CanetFramer framer) {
        return (long) (frames.size() + unsupported) * CanetCodec.FRAME_LENGTH + discarded + framer.pending();
    }
}
