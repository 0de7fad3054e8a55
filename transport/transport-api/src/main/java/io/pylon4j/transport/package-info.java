/**
 * The transport SPI: CAN and byte-stream transports, endpoint strings, lifecycle and reconnect policy.
 * No Netty, jSerialComm or JavaCAN type crosses this API.
 */
package io.pylon4j.transport;
