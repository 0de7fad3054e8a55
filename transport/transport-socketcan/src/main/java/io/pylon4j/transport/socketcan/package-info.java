/**
 * The SocketCAN transport: endpoint {@code socketcan:IFACE} (for example {@code socketcan:can0}), found by
 * {@link io.pylon4j.transport.Transports} through {@link io.pylon4j.transport.socketcan.SocketCanTransportProvider}.
 *
 * <p>What it does, in kernel terms: one {@code CAN_RAW} socket bound to the interface, with
 * {@code CAN_RAW_FILTER} set from {@link io.pylon4j.transport.CanTransport#setReceiveFilter} (standard data frames
 * only), {@code CAN_RAW_ERR_FILTER} set to {@code CAN_ERR_MASK} so that error frames are reported, and
 * {@code SO_RXQ_OVFL} on so that frames the kernel dropped because the reader fell behind are counted in
 * {@link io.pylon4j.transport.TransportCounters#droppedFrames()}. Frames it sends reach other sockets on the host
 * (candump sees them) but not its own listeners.
 *
 * <p>Threading: one named thread per transport ({@code pylon4j-socketcan-IFACE}) blocks in {@code recvmsg};
 * listeners run on it. An interface that goes down or is deleted wakes it with {@code ENETDOWN} or {@code ENODEV},
 * which the transport reports as a fault and reconnects by its {@link io.pylon4j.transport.ReconnectPolicy} until
 * the interface is back up. Error frames go to {@link io.pylon4j.transport.socketcan.CanErrorFrameListener}s.
 *
 * <p>No JavaCAN type crosses this package's API. The JNI part of JavaCAN is a separate jar per CPU: an
 * application adds {@code tel.schich:javacan-core:VERSION:CLASSIFIER} for the machine it runs on
 * ({@code x86_64}, {@code aarch64}, {@code armv7}, ...); without it the transport ends in
 * {@link io.pylon4j.transport.ConnectionState#FAILED} with a message that says so.
 */
package io.pylon4j.transport.socketcan;
