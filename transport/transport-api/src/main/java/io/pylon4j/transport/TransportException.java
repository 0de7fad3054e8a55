package io.pylon4j.transport;

/**
 * The root of every exception the transport layer throws. Subclasses say what went wrong:
 *
 * <table>
 *   <caption>transport exceptions</caption>
 *   <tr><th>exception</th><th>when</th></tr>
 *   <tr><td>{@link InvalidEndpointException}</td><td>an endpoint string is malformed or names no known scheme</td></tr>
 *   <tr><td>{@link TransportClosedException}</td><td>an operation on a closed transport</td></tr>
 *   <tr><td>{@link NotConnectedException}</td><td>a send or write while the link is down (reconnecting)</td></tr>
 *   <tr><td>{@link TransportIoException}</td><td>the link failed: a refused connect, a vanished port, an adapter error</td></tr>
 * </table>
 */
public abstract class TransportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A transport fault with nothing underneath.
     *
     * @param message what failed, naming the endpoint
     */
    protected TransportException(String message) {
        super(message);
    }

    /**
     * A transport fault caused by another exception.
     *
     * @param message what failed, naming the endpoint
     * @param cause   the underlying fault (an {@code IOException}, a library's exception)
     */
    protected TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
