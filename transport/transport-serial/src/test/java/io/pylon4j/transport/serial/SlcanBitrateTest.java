package io.pylon4j.transport.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The Lawicel S table, and what a user sees when asking for a rate it does not have. */
class SlcanBitrateTest {

    @Test
    void mapsEachRateToItsCommand() {
        int[] rates = {10_000, 20_000, 50_000, 100_000, 125_000, 250_000, 500_000, 800_000, 1_000_000};
        for (int i = 0; i < rates.length; i++) {
            assertThat(SlcanBitrate.forBitsPerSecond(rates[i]).command()).isEqualTo("S" + i);
        }
        assertThat(SlcanBitrate.forBitsPerSecond(500_000)).isEqualTo(SlcanBitrate.S6);
    }

    @Test
    void rejectsOtherRatesListingTheValidOnes() {
        assertThatThrownBy(() -> SlcanBitrate.forBitsPerSecond(83_300))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be set to 83300 bit/s")
                .hasMessageContaining("10000, 20000, 50000, 100000, 125000, 250000, 500000, 800000, 1000000");
        assertThatThrownBy(() -> SlcanBitrate.forBitsPerSecond(750_000)).hasMessageContaining("CANable");
    }
}
