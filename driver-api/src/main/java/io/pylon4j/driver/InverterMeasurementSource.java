package io.pylon4j.driver;

import java.util.Optional;

/**
 * Where the driver gets the inverter's own battery measurement for a keep-alive that carries values (SMA 0x305,
 * docs/protocol.md §1.4). Called once per keep-alive on the driver's scheduler, so it must return at once and never block: hand
 * over the newest value your application already holds.
 *
 * <p>When it returns empty, or throws, the driver sends the generic 8 × 00 keep-alive instead ([CAN12] p.2, docs/protocol.md
 * §1.4: what every Pylon-compatible inverter sends; batteries accept any 0x305 content, [BE-LVCAN] docs/protocol.md §1.9). Zero
 * is not "0 V measured": it is the plain keep-alive, so the battery's link supervision keeps working while the
 * application has no measurement yet.
 */
@FunctionalInterface
public interface InverterMeasurementSource {

    /** No measurement, ever: every keep-alive is 8 × 00. The default. */
    InverterMeasurementSource NONE = Optional::empty;

    /**
     * The newest measurement, or empty if there is none (yet).
     *
     * @return the measurement to send, or empty for the plain 8 × 00 keep-alive
     */
    Optional<InverterMeasurement> current();
}
