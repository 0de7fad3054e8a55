package io.pylon4j.rs485.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.rs485.AddressMismatchException;
import io.pylon4j.rs485.ChecksumMismatchException;
import io.pylon4j.rs485.ManufacturerInfo;
import io.pylon4j.rs485.ManufacturerInfoRequest;
import io.pylon4j.rs485.MissingEoiException;
import io.pylon4j.rs485.Rejection;
import io.pylon4j.rs485.ReturnCode;
import io.pylon4j.rs485.Rs485Frame;
import io.pylon4j.rs485.Rs485FrameCodec;
import io.pylon4j.rs485.UnknownReturnCodeException;
import io.pylon4j.rs485.exchange.Rs485Exchange.Action;
import io.pylon4j.rs485.exchange.Rs485Exchange.Discarded;
import io.pylon4j.rs485.exchange.Rs485Exchange.Event;
import io.pylon4j.rs485.exchange.Rs485Exchange.GiveUp;
import io.pylon4j.rs485.exchange.Rs485Exchange.Ignore;
import io.pylon4j.rs485.exchange.Rs485Exchange.Reason;
import io.pylon4j.rs485.exchange.Rs485Exchange.Replied;
import io.pylon4j.rs485.exchange.Rs485Exchange.Settings;
import io.pylon4j.rs485.exchange.Rs485Exchange.Transmit;
import io.pylon4j.rs485.exchange.Rs485Exchange.Wait;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The master-side exchange, one cell (state × what happens) per test: no clock, no thread, real frames. */
class Rs485ExchangeTest {

    static final Duration TIMEOUT = Duration.ofMillis(500);
    static final ManufacturerInfoRequest REQUEST = new ManufacturerInfoRequest(0x02);
    static final byte[] REPLY = new ManufacturerInfo(0x02, "US2000C", 0x0204, "PYLON").toFrame().encode();

    final Rs485Exchange exchange = new Rs485Exchange(new Settings(TIMEOUT, 2, Rs485Exchange.MAX_REPLY_WIRE_TIME));
    final List<Event> events = new ArrayList<>();

    void feed(byte[] bytes) {
        exchange.onBytes(bytes, 0, bytes.length, events::add);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Nested
    class Idle {

        @Test
        void sendWritesTheRequestAndArmsItsTimeout() {
            Transmit t = exchange.send(REQUEST);
            assertThat(t.bytes()).isEqualTo(REQUEST.toFrame().encode());
            assertThat(t.attempt()).isZero();
            assertThat(t.timeout()).isEqualTo(TIMEOUT);
            assertThat(exchange.inFlight()).contains(REQUEST);
            assertThat(exchange.counters().writes()).isEqualTo(1);
        }

        @Test
        void aFrameWhileNothingIsInFlightIsCountedUnaskedNotMatched() {
            feed(REPLY);
            assertThat(events).singleElement().isInstanceOfSatisfying(Discarded.class,
                    d -> assertThat(d.reason()).isEqualTo(Reason.UNASKED));
            assertThat(exchange.counters().unasked()).isEqualTo(1);
            assertThat(exchange.counters().replies()).isZero();
        }

        @Test
        void aTimerFiringWithNothingInFlightIsIgnored() {
            assertThat(exchange.onTimeout(0, events::add)).isInstanceOf(Ignore.class);
        }
    }

    @Nested
    class Waiting {

        @Test
        void aWholeReplyIsMatchedAndFreesTheExchange() {
            exchange.send(REQUEST);
            feed(REPLY);
            assertThat(events).singleElement().isInstanceOfSatisfying(Replied.class, r -> {
                assertThat(r.request()).isEqualTo(REQUEST);
                assertThat(r.response()).isInstanceOfSatisfying(ManufacturerInfo.class,
                        m -> assertThat(m.deviceName().strip()).isEqualTo("US2000C"));
                assertThat(r.attempt()).isZero();
            });
            assertThat(exchange.inFlight()).isEmpty();
            assertThat(exchange.counters().replies()).isEqualTo(1);
        }

        @Test
        void theBatterySayingNoIsAMatchToo() {
            exchange.send(REQUEST);
            feed(Rs485Frame.of(0x20, 0x02, 0x46, ReturnCode.INVALID_COMMAND.code()).encode());
            assertThat(events).singleElement().isInstanceOfSatisfying(Replied.class,
                    r -> assertThat(r.response()).isInstanceOf(Rejection.class));
        }

        @Test
        void garbageBeforeTheReplyIsCountedAsNoiseAndTheReplyStillMatches() {
            exchange.send(REQUEST);
            feed(concat(new byte[] {0x00, (byte) 0xF0, 0x55}, REPLY));
            assertThat(events).singleElement().isInstanceOf(Replied.class);
            assertThat(exchange.counters().noiseBytes()).isEqualTo(3);
        }

        @Test
        void aReplyFromAnotherAddressIsDiscardedAndTheRequestKeepsWaiting() {
            exchange.send(REQUEST);
            feed(new ManufacturerInfo(0x03, "US2000C", 0x0204, "PYLON").toFrame().encode());
            assertThat(events).singleElement().isInstanceOfSatisfying(Discarded.class, d -> {
                assertThat(d.reason()).isEqualTo(Reason.NOT_THE_REPLY);
                assertThat(d.error()).containsInstanceOf(AddressMismatchException.class);
                assertThat(d.frame()).map(Rs485Frame::address).contains(0x03);
            });
            assertThat(exchange.inFlight()).contains(REQUEST);
            feed(REPLY);
            assertThat(events).last().isInstanceOf(Replied.class);
            assertThat(exchange.counters().notTheReply()).isEqualTo(1);
        }

        @Test
        void ourOwnRequestEchoedOnTheBusIsNotTheReply() {
            // CID2 0x51 where a reply has its return code: a half-duplex adapter echoing what we wrote
            exchange.send(REQUEST);
            feed(REQUEST.toFrame().encode());
            assertThat(events).singleElement().isInstanceOfSatisfying(Discarded.class, d -> {
                assertThat(d.reason()).isEqualTo(Reason.NOT_THE_REPLY);
                assertThat(d.error()).containsInstanceOf(UnknownReturnCodeException.class);
            });
            assertThat(exchange.inFlight()).contains(REQUEST);
        }

        @Test
        void aBrokenFrameIsDiscardedAsAChecksumErrorAndTheRequestKeepsWaiting() {
            exchange.send(REQUEST);
            byte[] bad = REPLY.clone();
            bad[bad.length - 2] = (byte) (bad[bad.length - 2] == '0' ? '1' : '0');
            feed(bad);
            assertThat(events).singleElement().isInstanceOfSatisfying(Discarded.class, d -> {
                assertThat(d.reason()).isEqualTo(Reason.BROKEN_FRAME);
                assertThat(d.error()).containsInstanceOf(ChecksumMismatchException.class);
                assertThat(d.isChecksumError()).isTrue();
            });
            assertThat(exchange.counters().checksumErrors()).isEqualTo(1);
            assertThat(exchange.inFlight()).contains(REQUEST);
        }

        @Test
        void aReplySplitAcrossReadsIsMatchedOnceWhole() {
            exchange.send(REQUEST);
            exchange.onBytes(REPLY, 0, 10, events::add);
            assertThat(events).isEmpty();
            exchange.onBytes(REPLY, 10, REPLY.length - 10, events::add);
            assertThat(events).singleElement().isInstanceOf(Replied.class);
        }

        @Test
        void theSinkMaySendTheNextRequestOnAReply() {
            exchange.send(REQUEST);
            List<Transmit> next = new ArrayList<>();
            exchange.onBytes(REPLY, 0, REPLY.length, e -> {
                if (e instanceof Replied) {
                    next.add(exchange.send(new ManufacturerInfoRequest(0x03)));
                }
            });
            assertThat(next).singleElement().satisfies(t -> assertThat(t.request().address()).isEqualTo(0x03));
            assertThat(exchange.inFlight()).contains(new ManufacturerInfoRequest(0x03));
        }

        @Test
        void sendingWhileARequestIsInFlightIsRefused() {
            exchange.send(REQUEST);
            assertThatThrownBy(() -> exchange.send(REQUEST)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class TimedOut {

        @Test
        void anUnansweredRequestIsWrittenAgainWhileRetriesAreLeft() {
            Transmit first = exchange.send(REQUEST);
            Action a = exchange.onTimeout(first.timer(), events::add);
            assertThat(a).isInstanceOfSatisfying(Transmit.class, t -> {
                assertThat(t.request()).isEqualTo(REQUEST);
                assertThat(t.attempt()).isEqualTo(1);
                assertThat(t.timer()).isNotEqualTo(first.timer());
            });
            assertThat(exchange.counters().retries()).isEqualTo(1);
            assertThat(exchange.counters().writes()).isEqualTo(2);
        }

        @Test
        void aReplyToARetryNamesItsAttempt() {
            Transmit first = exchange.send(REQUEST);
            exchange.onTimeout(first.timer(), events::add);
            feed(REPLY);
            assertThat(events).singleElement().isInstanceOfSatisfying(Replied.class,
                    r -> assertThat(r.attempt()).isEqualTo(1));
        }

        @Test
        void afterTheLastRetryTheRequestIsGivenUp() {
            Action a = exchange.send(REQUEST);
            for (int i = 0; i < 3; i++) {
                a = exchange.onTimeout(timerOf(a), events::add);
            }
            assertThat(a).isInstanceOfSatisfying(GiveUp.class, g -> {
                assertThat(g.request()).isEqualTo(REQUEST);
                assertThat(g.attempts()).isEqualTo(3);
            });
            assertThat(exchange.inFlight()).isEmpty();
            assertThat(exchange.counters().giveUps()).isEqualTo(1);
        }

        @Test
        void aProbeSentWithoutRetriesIsGivenUpAtItsFirstTimeout() {
            Transmit t = exchange.send(REQUEST, 0);
            assertThat(exchange.onTimeout(t.timer(), events::add)).isInstanceOf(GiveUp.class);
        }

        @Test
        void aLateReplyAfterTheGiveUpIsCountedNotMatched() {
            Transmit t = exchange.send(REQUEST, 0);
            exchange.onTimeout(t.timer(), events::add);
            feed(REPLY);
            assertThat(events).singleElement().isInstanceOfSatisfying(Discarded.class,
                    d -> assertThat(d.reason()).isEqualTo(Reason.UNASKED));
            assertThat(exchange.counters().replies()).isZero();
        }

        @Test
        void aTimerOfAnAnsweredRequestIsIgnoredAndDoesNotTimeOutTheNext() {
            Transmit first = exchange.send(REQUEST);
            feed(REPLY);
            exchange.send(REQUEST);
            assertThat(exchange.onTimeout(first.timer(), events::add)).isInstanceOf(Ignore.class);
            assertThat(exchange.inFlight()).contains(REQUEST);
            assertThat(exchange.counters().retries()).isZero();
        }

        @Test
        void aReplyStillArrivingAtTheTimeoutIsWaitedFor() {
            Transmit t = exchange.send(REQUEST);
            exchange.onBytes(REPLY, 0, 20, events::add);
            Action a = exchange.onTimeout(t.timer(), events::add);
            assertThat(a).isInstanceOfSatisfying(Wait.class, w -> assertThat(w.timeout()).isEqualTo(TIMEOUT));
            exchange.onBytes(REPLY, 20, REPLY.length - 20, events::add);
            assertThat(events).singleElement().isInstanceOf(Replied.class);
            assertThat(exchange.counters().retries()).isZero();
            assertThat(exchange.counters().extensions()).isEqualTo(1);
        }

        @Test
        void aReplyThatStoppedArrivingIsDroppedAndTheRequestRetried() {
            Transmit t = exchange.send(REQUEST);
            exchange.onBytes(REPLY, 0, 20, events::add);
            Action wait = exchange.onTimeout(t.timer(), events::add); // bytes came: one extension
            Action retry = exchange.onTimeout(timerOf(wait), events::add); // none since: the reply was cut short
            assertThat(retry).isInstanceOf(Transmit.class);
            assertThat(events).singleElement().isInstanceOfSatisfying(Discarded.class, d -> {
                assertThat(d.reason()).isEqualTo(Reason.BROKEN_FRAME);
                assertThat(d.error()).containsInstanceOf(MissingEoiException.class);
            });
            assertThat(exchange.pendingBytes()).isZero(); // the retry's reply does not merge with the cut one
            feed(REPLY);
            assertThat(events).last().isInstanceOf(Replied.class);
        }

        @Test
        void aFrameThatNeverEndsCannotHoldTheExchangeBeyondTheLongestReplysWireTime() {
            Transmit t = exchange.send(REQUEST, 0);
            feed(ascii("~"));
            Action a = t;
            int waits = 0;
            Duration waited = Duration.ZERO;
            while (true) {
                feed(ascii("2")); // a babbling line: always a byte more, never a CR
                a = exchange.onTimeout(timerOf(a), events::add);
                if (!(a instanceof Wait w)) {
                    break;
                }
                waits++;
                waited = waited.plus(w.timeout());
            }
            assertThat(a).isInstanceOf(GiveUp.class);
            assertThat(waited).isGreaterThanOrEqualTo(Rs485Exchange.MAX_REPLY_WIRE_TIME)
                    .isLessThan(Rs485Exchange.MAX_REPLY_WIRE_TIME.plus(TIMEOUT));
            assertThat(waits).isEqualTo(9); // 4.28 s in 0.5 s steps
        }

        @Test
        void withoutAnExtensionAllowedAReplyStillArrivingIsRetriedAtTheTimeout() {
            Rs485Exchange strict = new Rs485Exchange(new Settings(TIMEOUT, 1, Duration.ZERO));
            Transmit t = strict.send(REQUEST);
            strict.onBytes(REPLY, 0, 20, events::add);
            assertThat(strict.onTimeout(t.timer(), events::add)).isInstanceOf(Transmit.class);
        }
    }

    @Test
    void memoryIsBoundedByTheFrameReadersCap() {
        exchange.send(REQUEST);
        byte[] endless = new byte[64 * 1024];
        Arrays.fill(endless, (byte) 'A');
        endless[0] = '~';
        for (int i = 0; i < 16; i++) {
            feed(endless);
            assertThat(exchange.pendingBytes()).isLessThan(Rs485FrameCodec.MAX_FRAME_LENGTH);
        }
        assertThat(events).allSatisfy(e -> assertThat(e).isInstanceOfSatisfying(Discarded.class,
                d -> assertThat(d.reason()).isEqualTo(Reason.BROKEN_FRAME)));
        // each chunk's frame breaks at the cap; the rest, up to the next '~', is noise
        assertThat(exchange.counters().brokenFrames()).isEqualTo(16);
        assertThat(exchange.counters().noiseBytes())
                .isEqualTo(16L * (endless.length - Rs485FrameCodec.MAX_FRAME_LENGTH));
        var reader = exchange.readerCounters();
        assertThat(reader.bytesInFrames() + reader.bytesDiscarded() + reader.bytesPending())
                .isEqualTo(reader.bytesReceived());
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new Settings(Duration.ZERO, 0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Settings(TIMEOUT, -1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    static long timerOf(Action a) {
        if (a instanceof Transmit t) {
            return t.timer();
        }
        if (a instanceof Wait w) {
            return w.timer();
        }
        throw new AssertionError("no timer armed: " + a);
    }
}
