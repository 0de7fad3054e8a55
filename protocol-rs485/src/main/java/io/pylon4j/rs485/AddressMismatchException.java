package io.pylon4j.rs485;

/**
 * A response that comes from another address than the request was sent to. Batteries answer with the address they
 * were asked at, including whole-stack queries answered by the group's master (docs/protocol.md §2.3); another address means the
 * reply belongs to another conversation (a second master on the bus, a stale reply).
 */
public final class AddressMismatchException extends Rs485Exception {

    private static final long serialVersionUID = 1L;

    /** The ADR the request was sent to. */
    private final int expected;
    /** The ADR the response came from. */
    private final int actual;

    /**
     * An exception for a reply from {@code actual} to a request sent to {@code expected}.
     *
     * @param expected the request's address
     * @param actual   the response's address
     */
    public AddressMismatchException(int expected, int actual) {
        super(String.format("address mismatch: the request went to ADR %02X, the response comes from ADR %02X",
                expected, actual));
        this.expected = expected;
        this.actual = actual;
    }

    /** {@return the request's address} */
    public int expected() {
        return expected;
    }

    /** {@return the response's address} */
    public int actual() {
        return actual;
    }
}
