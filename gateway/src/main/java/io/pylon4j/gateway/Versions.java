package io.pylon4j.gateway;

import java.util.Optional;

/** Dotted software versions ({@code "2.3"}, {@code "0.6.5"}) back to their wire bytes, one number per byte. */
final class Versions {

    private Versions() {
    }

    /**
     * {@return the version as {@code width} bytes, high byte first ("2.3" in two bytes is 0x0203), or empty if it
     * does not have exactly {@code width} numbers of 0 to 255}
     *
     * @param dotted the version as the driver shows it
     * @param width  the bytes of the wire field
     */
    static Optional<Integer> bytes(String dotted, int width) {
        String[] parts = dotted.strip().split("\\.", -1);
        if (parts.length != width) {
            return Optional.empty();
        }
        int value = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            int n = Integer.parseInt(p);
            if (n > 255) {
                return Optional.empty();
            }
            value = value << 8 | n;
        }
        return Optional.of(value);
    }
}
