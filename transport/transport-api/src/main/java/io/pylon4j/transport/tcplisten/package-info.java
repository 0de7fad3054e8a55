/**
 * The {@code tcp-listen:} server endpoint: a byte stream that waits for TCP clients instead of dialling out, for
 * battery simulators and test benches. JDK sockets only; loopback by default.
 */
package io.pylon4j.transport.tcplisten;
