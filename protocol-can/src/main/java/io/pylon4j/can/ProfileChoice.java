package io.pylon4j.can;

/**
 * Which profiles decode an id to a {@link CanMessageType} entry: the two options of docs/protocol.md §1.11 that give
 * one id two records ({@link CanProfile#frames370And371()}, {@link CanProfile#inverterFrames()}), or always.
 */
enum ProfileChoice {
    ALWAYS, PYLON_PLUS_NUMERIC, ASCII_NAME, GENERIC_INVERTER, SMA_INVERTER;

    boolean selects(CanProfile profile) {
        return switch (this) {
            case ALWAYS -> true;
            case PYLON_PLUS_NUMERIC -> profile.frames370And371() == CanProfile.Frames370And371.PYLON_PLUS_NUMERIC;
            case ASCII_NAME -> profile.frames370And371() == CanProfile.Frames370And371.ASCII_NAME;
            case GENERIC_INVERTER -> profile.inverterFrames() == CanProfile.InverterFrames.GENERIC;
            case SMA_INVERTER -> profile.inverterFrames() == CanProfile.InverterFrames.SMA;
        };
    }
}
