/** The Pylontech low-voltage CAN codec: frames and the typed messages they carry, in both directions. */
module io.pylon4j.can {
    exports io.pylon4j.can;
}
