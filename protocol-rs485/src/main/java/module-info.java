/** The Pylontech low-voltage RS485 (ASCII-hex) codec and its resynchronising stream deframer. */
@SuppressWarnings("module") // "rs485" ends in digits: it is the name of the bus
module io.pylon4j.rs485 {
    exports io.pylon4j.rs485;
}
