package io.pylon4j.rs485.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.rs485.ManufacturerInfo;
import io.pylon4j.rs485.ManufacturerInfoRequest;
import io.pylon4j.rs485.Rs485Request;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** However the bytes are chunked, both exchanges report the same things in the same order. */
class Rs485ExchangeProperties {

    /** Garbage, a reply from the wrong address, a broken reply, then the right one: one stream. */
    static byte[] stream() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x00, (byte) 0xF0, 0x31});
        out.writeBytes(new ManufacturerInfo(0x03, "US3000C", 0x0101, "PYLON").toFrame().encode());
        byte[] broken = new ManufacturerInfo(0x02, "US2000C", 0x0204, "PYLON").toFrame().encode();
        broken[broken.length - 3] ^= 1;
        out.writeBytes(broken);
        out.writeBytes(new ManufacturerInfo(0x02, "US2000C", 0x0204, "PYLON").toFrame().encode());
        out.writeBytes(new ManufacturerInfo(0x02, "late", 0x0204, "PYLON").toFrame().encode());
        return out.toByteArray();
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(1, 40).list().ofMaxSize(200);
    }

    static List<String> masterEvents(byte[] bytes, List<Integer> cuts) {
        Rs485Exchange exchange = new Rs485Exchange(new Rs485Exchange.Settings(Duration.ofSeconds(1), 0,
                Duration.ZERO));
        Rs485Request request = new ManufacturerInfoRequest(0x02);
        exchange.send(request);
        List<String> seen = new ArrayList<>();
        int at = 0;
        for (int i = 0; at < bytes.length; i++) {
            int n = i < cuts.size() ? Math.min(cuts.get(i), bytes.length - at) : bytes.length - at;
            exchange.onBytes(bytes, at, n, e -> seen.add(e instanceof Rs485Exchange.Replied r
                    ? "replied " + r.response() : "discarded " + ((Rs485Exchange.Discarded) e).reason()));
            at += n;
        }
        seen.add(exchange.counters().toString());
        return seen;
    }

    @Property(tries = 300)
    void theMasterSideSeesTheSameWhateverTheChunking(@ForAll("cuts") List<Integer> cuts) {
        byte[] bytes = stream();
        List<String> whole = masterEvents(bytes, List.of());
        assertThat(masterEvents(bytes, cuts)).isEqualTo(whole);
        assertThat(whole).containsExactly("discarded NOT_THE_REPLY", "discarded BROKEN_FRAME",
                "replied " + new ManufacturerInfo(0x02, "US2000C", 0x0204, "PYLON"),
                "discarded UNASKED", whole.get(4));
    }

    static List<String> batteryEvents(byte[] bytes, List<Integer> cuts) {
        Rs485ReplyExchange exchange = new Rs485ReplyExchange(request -> java.util.Optional.of(request));
        List<String> seen = new ArrayList<>();
        int at = 0;
        for (int i = 0; at < bytes.length; i++) {
            int n = i < cuts.size() ? Math.min(cuts.get(i), bytes.length - at) : bytes.length - at;
            exchange.onBytes(bytes, at, n, a -> seen.add(a.request().address() + " " + a.reply().isPresent()));
            at += n;
        }
        seen.add(exchange.counters().toString());
        return seen;
    }

    @Property(tries = 300)
    void theBatterySideSeesTheSameWhateverTheChunking(@ForAll("cuts") List<Integer> cuts) {
        byte[] bytes = stream();
        List<String> whole = batteryEvents(bytes, List.of());
        assertThat(batteryEvents(bytes, cuts)).isEqualTo(whole);
        assertThat(whole).containsExactly("3 true", "2 true", "2 true",
                new Rs485ReplyExchange.Counters(3, 3, 1, 3).toString());
    }

    @Provide
    Arbitrary<List<byte[]>> lineChunks() {
        // bytes biased to the frame alphabet, so that frames start, break and end often
        Arbitrary<Byte> b = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0, 15)
                        .map(i -> (byte) "0123456789ABCDEF".charAt(i))),
                net.jqwik.api.Tuple.of(1, Arbitraries.of((byte) '~', (byte) '\r')),
                net.jqwik.api.Tuple.of(1, Arbitraries.bytes()));
        return b.array(byte[].class).ofMaxSize(300).list().ofMaxSize(30);
    }

    /** Whatever the line says, and whenever the timer fires, nothing escapes and every byte is accounted for. */
    @Property(tries = 300)
    void anyBytesAndTimeoutsNeverBreakTheExchange(@ForAll("lineChunks") List<byte[]> chunks,
                                                  @ForAll long timeoutPattern) {
        Rs485Exchange exchange = new Rs485Exchange(new Rs485Exchange.Settings(Duration.ofMillis(100), 1,
                Duration.ofMillis(300)));
        long[] timer = {exchange.send(new ManufacturerInfoRequest(0x02)).timer()};
        List<Rs485Exchange.Event> events = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            byte[] c = chunks.get(i);
            exchange.onBytes(c, 0, c.length, events::add);
            if ((timeoutPattern >>> (i % 64) & 1) == 1) {
                Rs485Exchange.Action a = exchange.onTimeout(timer[0], events::add);
                if (a instanceof Rs485Exchange.Transmit t) {
                    timer[0] = t.timer();
                } else if (a instanceof Rs485Exchange.Wait w) {
                    timer[0] = w.timer();
                }
            }
            if (exchange.inFlight().isEmpty()) {
                timer[0] = exchange.send(new ManufacturerInfoRequest(0x02)).timer();
            }
            var r = exchange.readerCounters();
            assertThat(r.bytesInFrames() + r.bytesDiscarded() + r.bytesPending()).isEqualTo(r.bytesReceived());
            assertThat(exchange.pendingBytes()).isLessThan(io.pylon4j.rs485.Rs485FrameCodec.MAX_FRAME_LENGTH);
        }
        var c = exchange.counters();
        assertThat(c.replies() + c.notTheReply() + c.unasked() + c.brokenFrames()).isEqualTo(events.size());
        assertThat(c.extensions()).isLessThanOrEqualTo(3L * (c.writes()));
    }
}
