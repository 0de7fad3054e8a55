/**
 * The service-provider interface that transport implementations implement, and helpers they share
 * ({@link io.pylon4j.transport.spi.TransportMetrics}). Applications use {@link io.pylon4j.transport.Transports}.
 */
package io.pylon4j.transport.spi;
