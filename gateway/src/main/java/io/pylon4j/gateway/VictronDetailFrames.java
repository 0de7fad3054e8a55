package io.pylon4j.gateway;

import io.pylon4j.can.CanMessage;
import io.pylon4j.can.CellExtremes;
import io.pylon4j.can.MaxCellTemperatureId;
import io.pylon4j.can.MaxCellVoltageId;
import io.pylon4j.can.MinCellTemperatureId;
import io.pylon4j.can.MinCellVoltageId;
import io.pylon4j.can.SerialNumberPart1;
import io.pylon4j.can.SerialNumberPart2;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Victron's detail frames (docs/protocol.md §1.8), from what a {@link BankView} has: 0x373 cell extremes (voltages in
 * mV, temperatures in whole kelvin), 0x374–0x377 the names of the cells holding them, 0x380/0x381 the serial number's
 * halves. A frame whose data the view lacks is left out, never zero-filled; a serial number of at most eight
 * characters is sent in 0x380 alone.
 */
final class VictronDetailFrames {

    /** °C to K, as [ARMIN] and [BROG] convert (docs/protocol.md §1.8; [ODTU] uses 273, which rounds the same). */
    private static final double KELVIN_AT_ZERO_CELSIUS = 273.15;

    private VictronDetailFrames() {
    }

    /**
     * Adds 0x373–0x377 as far as {@code v} has data for them to {@code messages}, in id order.
     *
     * @param v        the view
     * @param messages where to add them
     */
    static void addCells(BankView v, List<CanMessage> messages) {
        v.cells().ifPresent(c -> {
            int min = (int) Math.round(c.minCellVolts() * 1000);
            int max = (int) Math.round(c.maxCellVolts() * 1000);
            messages.add(c.minCellCelsius().isPresent()
                    ? new CellExtremes(min, max, kelvin(c.minCellCelsius().getAsDouble()),
                            kelvin(c.maxCellCelsius().getAsDouble()))
                    : new CellExtremes(min, max, CanMessage.NOT_SENT, CanMessage.NOT_SENT, 4, 0));
            name(c.minVoltageCell(), MinCellVoltageId::of, messages);
            name(c.maxVoltageCell(), MaxCellVoltageId::of, messages);
            name(c.minTemperatureCell(), MinCellTemperatureId::of, messages);
            name(c.maxTemperatureCell(), MaxCellTemperatureId::of, messages);
        });
    }

    /**
     * Adds 0x380 and 0x381 when {@code v} has a serial number.
     *
     * @param v        the view
     * @param messages where to add them
     */
    static void addSerialNumber(BankView v, List<CanMessage> messages) {
        v.serialNumber().ifPresent(serial -> {
            messages.add(SerialNumberPart1.of(serial.substring(0, Math.min(8, serial.length()))));
            if (serial.length() > 8) {
                messages.add(SerialNumberPart2.of(serial.substring(8)));
            }
        });
    }

    private static void name(Optional<String> cell, Function<String, CanMessage> message, List<CanMessage> out) {
        cell.filter(s -> !s.isEmpty()).map(s -> s.length() > 8 ? s.substring(0, 8) : s).map(message)
                .ifPresent(out::add);
    }

    private static int kelvin(double celsius) {
        return Math.max(0, Math.min(0xFFFF, (int) Math.round(celsius + KELVIN_AT_ZERO_CELSIUS)));
    }
}
