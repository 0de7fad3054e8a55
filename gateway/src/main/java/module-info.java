/**
 * The gateway: presents a source (one pylon4j driver, several banks combined as an LV-Hub would, or an
 * application's own BMS model) as a Pylontech bank to an inverter over CAN, with the safety rules an inverter needs:
 * nothing before complete, plausible data; zero currents, cleared enables and a protection flag when the source goes
 * stale; silence after a per-profile time; the inverter's keep-alive supervised. Uses only the driver's public
 * values; JDK only beyond pylon4j.
 */
module io.pylon4j.gateway {
    requires transitive io.pylon4j.driver;

    exports io.pylon4j.gateway;
}
