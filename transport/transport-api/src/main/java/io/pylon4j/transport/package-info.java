/**
 * The transport layer under the codecs: {@link io.pylon4j.transport.CanTransport} and
 * {@link io.pylon4j.transport.ByteStreamTransport}, opened from endpoint strings through
 * {@link io.pylon4j.transport.Transports}.
 *
 * <p>Threading: every transport owns its named I/O thread(s) and releases them on
 * {@link io.pylon4j.transport.Transport#close()}. Listeners run on that I/O thread, in arrival order, and must not
 * block. Buffer ownership: a {@link io.pylon4j.transport.ByteListener}'s buffer is valid only during the call.
 * No Netty, jSerialComm or JavaCAN type crosses this package: those libraries are needed only on the class path of
 * an application that uses the transport built on them.
 */
package io.pylon4j.transport;
