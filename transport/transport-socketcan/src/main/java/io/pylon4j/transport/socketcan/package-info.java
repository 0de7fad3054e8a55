/**
 * SocketCAN transport on JavaCAN (filled by a later issue).
 */
package io.pylon4j.transport.socketcan;
