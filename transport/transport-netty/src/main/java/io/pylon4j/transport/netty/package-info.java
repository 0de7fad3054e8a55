/**
 * TCP bridge transports on Netty (filled by a later issue).
 */
package io.pylon4j.transport.netty;
