/**
 * The Netty transports behind {@link io.pylon4j.transport.netty.NettyTransportProvider}; not exported. Netty types
 * stay in this package: the transports are seen only as {@link io.pylon4j.transport.CanTransport} and
 * {@link io.pylon4j.transport.ByteStreamTransport}.
 *
 * <p>Threading: every transport is confined to one event loop of its provider's shared group; its connection state,
 * timers and listeners all run there. Sends may come from any thread.
 */
package io.pylon4j.transport.netty.internal;
