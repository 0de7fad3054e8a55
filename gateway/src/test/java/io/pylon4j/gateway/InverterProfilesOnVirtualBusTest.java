package io.pylon4j.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.can.CanFrame;
import org.junit.jupiter.api.Test;

/** The Sol-Ark and SMA profiles through a real {@link CanGateway}, fed by a simulated bank (see {@link GatewayRig}). */
class InverterProfilesOnVirtualBusTest {

    @Test
    void solArkReceivesEightByteFramesFromARealBank() throws Exception {
        try (GatewayRig rig = new GatewayRig(1, GatewayProfile.SOL_ARK, false)) {
            rig.seconds(3);

            assertThat(rig.tapped).isNotEmpty().allSatisfy(f -> assertThat(f.length()).isEqualTo(8));
            assertThat(rig.tapped(0x351)).isNotEmpty();
            assertThat(rig.tapped(0x379)).isNotEmpty();
            assertThat(rig.tapped.stream().map(CanFrame::id).distinct())
                    .containsExactlyInAnyOrder(0x351, 0x355, 0x356, 0x359, 0x35C, 0x35E, 0x379);
        }
    }

    @Test
    void smaReceivesItsSetTwiceASecond() throws Exception {
        try (GatewayRig rig = new GatewayRig(1, GatewayProfile.SMA, false)) {
            rig.seconds(3);
            long before = rig.tapped(0x355).size();

            rig.seconds(4);

            assertThat(rig.tapped(0x355).size() - before).isEqualTo(8);
            assertThat(rig.tapped.stream().map(CanFrame::id).distinct())
                    .containsExactlyInAnyOrder(0x351, 0x355, 0x356, 0x35A, 0x35E, 0x35F);
        }
    }

    @Test
    void theSmaQuickStopIsSentOnlyWhenAskedAndOnlyToAnSma() throws Exception {
        try (GatewayRig rig = new GatewayRig(1, GatewayProfile.SMA, false)) {
            rig.seconds(3);
            assertThat(rig.tapped(0x00F)).isEmpty();

            rig.gateway.sendSmaQuickStop();
            rig.seconds(1);

            assertThat(rig.tapped(0x00F)).singleElement().satisfies(f -> assertThat(f.length()).isZero());
        }
        try (GatewayRig rig = new GatewayRig(1, GatewayProfile.VICTRON, false)) {
            assertThatThrownBy(rig.gateway::sendSmaQuickStop).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("SMA Sunny Island").hasMessageContaining("victron");
        }
    }
}
