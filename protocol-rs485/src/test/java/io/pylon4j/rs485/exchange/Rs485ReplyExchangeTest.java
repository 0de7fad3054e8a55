package io.pylon4j.rs485.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.rs485.ManufacturerInfo;
import io.pylon4j.rs485.ManufacturerInfoRequest;
import io.pylon4j.rs485.Rs485Frame;
import io.pylon4j.rs485.Rs485FrameCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The battery-side exchange: whole request frames answered in order, everything else counted and left unanswered. */
class Rs485ReplyExchangeTest {

    static final Rs485Frame REPLY = new ManufacturerInfo(0x02, "US2000C", 0x0204, "PYLON").toFrame();

    final List<Rs485Frame> asked = new ArrayList<>();
    final Rs485ReplyExchange exchange = new Rs485ReplyExchange(request -> {
        asked.add(request);
        return request.address() == 0x02 ? Optional.of(REPLY) : Optional.empty();
    });
    final List<Rs485ReplyExchange.Answered> answered = new ArrayList<>();

    void feed(byte[] bytes) {
        exchange.onBytes(bytes, 0, bytes.length, answered::add);
    }

    @Test
    void aWholeRequestIsAnsweredByTheAnswerer() {
        feed(new ManufacturerInfoRequest(0x02).toFrame().encode());
        assertThat(answered).singleElement().satisfies(a -> {
            assertThat(a.request()).isEqualTo(new ManufacturerInfoRequest(0x02).toFrame());
            assertThat(a.reply()).contains(REPLY);
        });
        assertThat(exchange.counters()).isEqualTo(new Rs485ReplyExchange.Counters(1, 1, 0, 0));
    }

    @Test
    void aRequestToAnAddressNobodyHasIsHandedOnWithSilence() {
        feed(new ManufacturerInfoRequest(0x05).toFrame().encode());
        assertThat(answered).singleElement().satisfies(a -> assertThat(a.reply()).isEmpty());
        assertThat(exchange.counters()).isEqualTo(new Rs485ReplyExchange.Counters(1, 0, 0, 0));
    }

    @Test
    void aBrokenRequestIsNeverAnsweredButCounted() {
        byte[] bad = new ManufacturerInfoRequest(0x02).toFrame().encode();
        bad[bad.length - 2] = (byte) (bad[bad.length - 2] == '0' ? '1' : '0');
        feed(bad);
        assertThat(asked).isEmpty();
        assertThat(answered).isEmpty();
        assertThat(exchange.counters().brokenFrames()).isEqualTo(1);
    }

    @Test
    void noiseIsCountedAndTheRequestAfterItAnswered() {
        byte[] request = new ManufacturerInfoRequest(0x02).toFrame().encode();
        byte[] noisy = new byte[request.length + 4];
        System.arraycopy(request, 0, noisy, 4, request.length);
        feed(noisy);
        assertThat(answered).hasSize(1);
        assertThat(exchange.counters().noiseBytes()).isEqualTo(4);
    }

    @Test
    void twoRequestsInOneReadAreAnsweredInOrder() {
        byte[] a = new ManufacturerInfoRequest(0x05).toFrame().encode();
        byte[] b = new ManufacturerInfoRequest(0x02).toFrame().encode();
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        feed(both);
        assertThat(answered).extracting(x -> x.request().address()).containsExactly(0x05, 0x02);
    }

    @Test
    void anEndlessFrameCannotGrowMemory() {
        byte[] endless = new byte[32 * 1024];
        Arrays.fill(endless, (byte) '3');
        endless[0] = '~';
        for (int i = 0; i < 8; i++) {
            feed(endless);
        }
        assertThat(asked).isEmpty();
        assertThat(exchange.counters().brokenFrames()).isEqualTo(8); // broken at the cap, then noise up to a '~'
        assertThat(exchange.counters().noiseBytes()).isEqualTo(8L * (endless.length - Rs485FrameCodec.MAX_FRAME_LENGTH));
    }
}
