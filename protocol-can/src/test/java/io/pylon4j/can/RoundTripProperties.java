package io.pylon4j.can;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The codec's two identities, under every profile:
 * <ul>
 *   <li>encode, then decode, gives back the message, for every record type and every value it can hold;</li>
 *   <li>decode, then encode, gives back the frame, for every id and every payload whose DLC is at least the id's
 *       minimum. Every known id's layout keeps the bytes it does not define, so this holds for any bytes at all;
 *       a shorter DLC throws {@link FrameTooShortException} instead.</li>
 * </ul>
 */
class RoundTripProperties {

    record Case(CanProfile profile, CanMessage message) {
    }

    @Provide
    Arbitrary<Case> messagesUnderEveryProfile() {
        return Arbitraries.of(MessageArbitraries.PROFILES)
                .flatMap(profile -> MessageArbitraries.messages(profile).map(message -> new Case(profile, message)));
    }

    @Property(tries = 5000)
    void encodeThenDecodeGivesBackTheMessage(@ForAll("messagesUnderEveryProfile") Case c) {
        PylonCanCodec codec = new PylonCanCodec(c.profile());
        CanFrame frame = codec.encode(c.message());
        assertThat(frame.id()).isEqualTo(c.message().canId());
        assertThat(codec.decode(frame)).isEqualTo(c.message());
    }

    record FrameCase(CanProfile profile, CanFrame frame) {
    }

    @Provide
    Arbitrary<FrameCase> framesUnderEveryProfile() {
        List<Integer> known = new ArrayList<>();
        for (int id = 0; id <= 0x7FF; id++) {
            if (PylonCanCodec.isKnownId(id)) {
                known.add(id);
            }
        }
        Arbitrary<Integer> ids = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, Arbitraries.of(known)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 0x7FF)));
        return Arbitraries.of(MessageArbitraries.PROFILES).flatMap(profile ->
                MessageArbitraries.frames(ids, 0).map(frame -> new FrameCase(profile, frame)));
    }

    @Property(tries = 10000)
    void decodeThenEncodeGivesBackTheFrameOrTheFrameIsTooShort(@ForAll("framesUnderEveryProfile") FrameCase c) {
        PylonCanCodec codec = new PylonCanCodec(c.profile());
        int minimum = FrameLengthTest.minimumLength(c.frame().id(), c.profile());
        if (c.frame().length() < minimum) {
            assertThatThrownBy(() -> codec.decode(c.frame())).isInstanceOf(FrameTooShortException.class);
        } else {
            assertThat(codec.encode(codec.decode(c.frame()))).isEqualTo(c.frame());
        }
    }

    @Example
    void theArbitrariesCoverEveryRecordOfTheSealedHierarchy() {
        Set<Class<?>> covered = new HashSet<>();
        for (CanProfile profile : MessageArbitraries.PROFILES) {
            covered.addAll(MessageArbitraries.byType(profile).keySet());
        }
        assertThat(covered).containsExactlyInAnyOrderElementsOf(SealedHierarchy.records());
    }
}
