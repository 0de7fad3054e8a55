/**
 * The Pylontech low-voltage RS485 (ASCII-hex) codec, its resynchronising stream deframer, and the sans-I/O
 * request/reply exchanges of both ends of the bus.
 */
@SuppressWarnings("module") // "rs485" ends in digits: it is the name of the bus
module io.pylon4j.rs485 {
    exports io.pylon4j.rs485;
    exports io.pylon4j.rs485.exchange;
}
