package io.pylon4j.rs485;

import java.util.Objects;

/**
 * What {@link Rs485FrameReader} hands its sink for each frame it cuts from the stream: the frame, or the reason it
 * was thrown away. Wire garbage is a value here, never a thrown exception, so that one bad frame never stops the
 * stream.
 */
public sealed interface ReadResult permits ReadResult.Frame, ReadResult.Failure {

    /**
     * A frame that passed every framing check (see {@link Rs485FrameCodec}).
     *
     * @param frame the frame
     */
    record Frame(Rs485Frame frame) implements ReadResult {

        /**
         * Checks that there is a frame.
         *
         * @param frame the frame
         */
        public Frame {
            Objects.requireNonNull(frame, "frame");
        }
    }

    /**
     * Bytes that began as a frame (with SOI) but failed a framing check, and were discarded.
     *
     * @param error          what was wrong, one of the framing exceptions of {@link Rs485FrameCodec}
     * @param discardedBytes how many bytes were thrown away with it, its SOI included; a {@code '~'} that cut it
     *                       short is not among them, because it starts the next frame
     */
    record Failure(Rs485Exception error, int discardedBytes) implements ReadResult {

        /**
         * Checks the failure.
         *
         * @param error          what was wrong, one of the framing exceptions of {@link Rs485FrameCodec}
         * @param discardedBytes how many bytes were thrown away with it, its SOI included; at least 1
         * @throws IllegalArgumentException if {@code discardedBytes} is below 1
         */
        public Failure {
            Objects.requireNonNull(error, "error");
            if (discardedBytes < 1) {
                throw new IllegalArgumentException("a failed frame discards at least its SOI: " + discardedBytes);
            }
        }
    }
}
