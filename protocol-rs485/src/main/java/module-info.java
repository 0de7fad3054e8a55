/** The Pylontech low-voltage RS485 (ASCII-hex) codec and its resynchronising stream deframer. */
module io.pylon4j.rs485 {
    // exports io.pylon4j.rs485; -- added with the first public type (a later issue)
}
