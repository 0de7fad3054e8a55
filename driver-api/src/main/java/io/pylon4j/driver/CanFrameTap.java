package io.pylon4j.driver;

import io.pylon4j.transport.CanFrameListener;
import io.pylon4j.transport.CanTransport;
import java.util.Objects;

/**
 * A read-only look at the CAN frames a {@link PylonDriver} receives, for a tool that must see the bus itself rather
 * than the driver's model: the commissioning check for a second CAN master ({@code single-can-master}) needs every
 * 0x351 in arrival order, while the model keeps only the newest values, and CAN frames carry no sender address
 * (docs/protocol.md §1.1). Get it from {@link PylonDriver#canFrameTap()}; a driver reading RS485 only has none.
 *
 * <p><b>Read-only by construction:</b> a listener is handed each received frame and its receive time, never the
 * transport, so nothing it does can send on the bus or change the driver. <b>Bounded:</b> the tap keeps nothing
 * itself; a listener keeps what it needs in a buffer of its own, which it must bound (as {@code PylonWebView}'s
 * window of the last minute of bank frames does).
 *
 * <p><b>Threads:</b> a listener runs on the transport's I/O thread, in arrival order, beside the driver's own
 * decoding, so it must return at once (copy into a bounded buffer, count, return; never block). One that throws is
 * counted and logged by the transport (its errors counter; the stack trace at most once a minute) and keeps
 * receiving; the driver still gets every frame.
 */
public final class CanFrameTap {

    private final CanTransport transport;

    CanFrameTap(CanTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /**
     * Hands {@code listener} every CAN frame the driver receives from now on, until the registration is closed.
     *
     * @param listener called on the transport's I/O thread with each frame and its receive time
     *                 ({@link System#nanoTime()} scale); must not block
     * @return the registration; closing it stops the frames (idempotent, never throws)
     */
    public Registration listen(CanFrameListener listener) {
        Objects.requireNonNull(listener, "listener");
        // a fresh listener object per registration: closing one removes exactly it, even if the same listener was
        // registered twice; and the caller never holds the transport
        CanFrameListener own = listener::onFrame;
        transport.addFrameListener(own);
        return () -> transport.removeFrameListener(own);
    }

    /** One listener's registration on a {@link CanFrameTap}. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {

        /** Stops handing frames to the listener. Idempotent; never throws. */
        @Override
        void close();
    }
}
