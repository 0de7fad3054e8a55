/**
 * TCP bridge transports on Netty: {@code tcp:} (raw TCP serial servers carrying RS485), {@code socketcand:} and
 * {@code canet:} (Ethernet CAN converters), found through {@link java.util.ServiceLoader} by
 * {@link io.pylon4j.transport.Transports}. Only {@link io.pylon4j.transport.netty.NettyTransportProvider} is public;
 * no Netty type crosses into the transport API.
 */
package io.pylon4j.transport.netty;
