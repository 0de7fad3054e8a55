/**
 * Serial transports on jSerialComm (filled by a later issue).
 */
package io.pylon4j.transport.serial;
