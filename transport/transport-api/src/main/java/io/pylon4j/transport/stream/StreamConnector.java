package io.pylon4j.transport.stream;

import java.io.IOException;

/**
 * Opens a link for a stream transport, on every connect attempt: the first and each reconnect that the reconnect
 * policy allows. Called on the transport's thread; it should give up after about the options' connect timeout.
 *
 * <p>An openHAB binding, for example, reopens its port through its {@code SerialPortManager} here:
 * <pre>{@code
 * StreamConnector connector = () -> {
 *     SerialPort port = portIdentifier.open("pylon4j", 2000);
 *     port.setSerialPortParams(115200, 8, 1, 0);
 *     return new StreamConnection(port.getInputStream(), port.getOutputStream(), port::close);
 * };
 * }</pre>
 */
@FunctionalInterface
public interface StreamConnector {

    /**
     * Opens the link.
     *
     * @return the new link's streams, and what else to close with them
     * @throws IOException if it cannot be opened now; the reconnect policy decides whether to try again
     */
    StreamConnection connect() throws IOException;
}
