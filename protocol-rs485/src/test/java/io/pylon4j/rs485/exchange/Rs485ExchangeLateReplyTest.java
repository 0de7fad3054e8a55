package io.pylon4j.rs485.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.rs485.InfoTooLongException;
import io.pylon4j.rs485.SerialNumber;
import io.pylon4j.rs485.SerialNumberRequest;
import io.pylon4j.rs485.SoftwareVersion;
import io.pylon4j.rs485.SoftwareVersionRequest;
import io.pylon4j.rs485.exchange.Rs485Exchange.Action;
import io.pylon4j.rs485.exchange.Rs485Exchange.Discarded;
import io.pylon4j.rs485.exchange.Rs485Exchange.Event;
import io.pylon4j.rs485.exchange.Rs485Exchange.GiveUp;
import io.pylon4j.rs485.exchange.Rs485Exchange.Reason;
import io.pylon4j.rs485.exchange.Rs485Exchange.Replied;
import io.pylon4j.rs485.exchange.Rs485Exchange.Settings;
import io.pylon4j.rs485.exchange.Rs485Exchange.Transmit;
import io.pylon4j.rs485.exchange.Rs485Exchange.Wait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A reply that arrives after its request's timeout is never taken as the answer to the next request (docs/safety.md,
 * "A late RS485 reply"): the CI case of a 0x93 reply read as 0x96 and published as version "80.83".
 */
class Rs485ExchangeLateReplyTest {

    static final Duration TIMEOUT = Duration.ofMillis(500);
    static final Duration GUARD = Duration.ofMillis(200);
    static final SerialNumberRequest SERIAL = SerialNumberRequest.of(2);
    static final SoftwareVersionRequest VERSION = SoftwareVersionRequest.of(2);
    static final byte[] SERIAL_REPLY = new SerialNumber(2, 2, "PSUS2000C1234567").toFrame().encode();
    static final SoftwareVersion VERSION_VALUE = new SoftwareVersion(2, 2, 0x0203, 0x000605);
    static final byte[] VERSION_REPLY = VERSION_VALUE.toFrame().encode();

    final List<Event> events = new ArrayList<>();

    static Rs485Exchange exchange(Duration guard) {
        return new Rs485Exchange(new Settings(TIMEOUT, 0, Rs485Exchange.MAX_REPLY_WIRE_TIME, guard));
    }

    void feed(Rs485Exchange exchange, byte[] bytes) {
        exchange.onBytes(bytes, 0, bytes.length, events::add);
    }

    @Test
    void aReplyInTheGuardAfterATimeoutIsDiscardedAsLateAndTheNextRequestGetsItsOwnAnswer() {
        Rs485Exchange exchange = exchange(GUARD);
        Transmit serial = exchange.send(SERIAL);
        Action afterTimeout = exchange.onTimeout(serial.timer(), events::add);
        assertThat(afterTimeout).isInstanceOfSatisfying(Wait.class, w -> assertThat(w.timeout()).isEqualTo(GUARD));

        feed(exchange, SERIAL_REPLY); // the late 0x93 reply, in the guard
        assertThat(events).singleElement().isInstanceOfSatisfying(Discarded.class, d -> {
            assertThat(d.reason()).isEqualTo(Reason.LATE);
            assertThat(d.frame()).isPresent();
        });
        // the line was busy in the guard: it is kept quiet one more guard, then the request is given up
        Action extended = exchange.onTimeout(((Wait) afterTimeout).timer(), events::add);
        assertThat(extended).isInstanceOf(Wait.class);
        assertThat(exchange.onTimeout(((Wait) extended).timer(), events::add)).isInstanceOf(GiveUp.class);

        events.clear();
        exchange.send(VERSION);
        feed(exchange, VERSION_REPLY);
        assertThat(events).singleElement().isInstanceOfSatisfying(Replied.class,
                r -> assertThat(r.response()).isEqualTo(VERSION_VALUE));
        Rs485Exchange.Counters c = exchange.counters();
        assertThat(c.late()).isEqualTo(1);
        assertThat(c.guards()).isEqualTo(2);
        assertThat(c.replies()).isEqualTo(1);
        assertThat(c.notTheReply()).isZero();
    }

    @Test
    void aLateReplyPastTheGuardLandsOnTheNextRequestAndIsRefusedByItsLength() {
        // time jumped past timeout and guard while the reply was on its way (the manual-time rig's case)
        Rs485Exchange exchange = exchange(GUARD);
        Transmit serial = exchange.send(SERIAL);
        Wait guard = (Wait) exchange.onTimeout(serial.timer(), events::add);
        assertThat(exchange.onTimeout(guard.timer(), events::add)).isInstanceOf(GiveUp.class);
        exchange.send(VERSION);

        feed(exchange, SERIAL_REPLY);
        assertThat(events).singleElement().isInstanceOfSatisfying(Discarded.class, d -> {
            assertThat(d.reason()).isEqualTo(Reason.NOT_THE_REPLY);
            assertThat(d.error()).containsInstanceOf(InfoTooLongException.class);
        });
        assertThat(exchange.inFlight()).contains(VERSION); // still waiting for its own answer
        events.clear();
        feed(exchange, VERSION_REPLY);
        assertThat(events).singleElement().isInstanceOfSatisfying(Replied.class,
                r -> assertThat(r.response()).isEqualTo(VERSION_VALUE));
    }

    @Test
    void withoutAGuardTheLengthAloneRefusesTheLateReply() {
        Rs485Exchange exchange = exchange(Duration.ZERO); // the shape without a guard: give up at once
        Transmit serial = exchange.send(SERIAL);
        assertThat(exchange.onTimeout(serial.timer(), events::add)).isInstanceOf(GiveUp.class);
        exchange.send(VERSION);
        feed(exchange, SERIAL_REPLY);
        assertThat(events).singleElement().isInstanceOfSatisfying(Discarded.class,
                d -> assertThat(d.reason()).isEqualTo(Reason.NOT_THE_REPLY));
        assertThat(exchange.counters().replies()).isZero();
    }

    @Test
    void aRetryWaitsForTheGuardToo() {
        Rs485Exchange exchange = new Rs485Exchange(new Settings(TIMEOUT, 1, Rs485Exchange.MAX_REPLY_WIRE_TIME, GUARD));
        Transmit first = exchange.send(SERIAL);
        Wait guard = (Wait) exchange.onTimeout(first.timer(), events::add);
        assertThat(exchange.onTimeout(guard.timer(), events::add)).isInstanceOfSatisfying(Transmit.class, t -> {
            assertThat(t.attempt()).isEqualTo(1);
            assertThat(t.timeout()).isEqualTo(TIMEOUT);
        });
        assertThat(events).isEmpty();
    }

    @Test
    void theGuardIsExtendedWhileTheLineIsBusyButNoLongerThanTheLongestReply() {
        Duration max = Duration.ofMillis(600);
        Rs485Exchange exchange = new Rs485Exchange(new Settings(TIMEOUT, 0, max, GUARD));
        Transmit t = exchange.send(SERIAL);
        Action a = exchange.onTimeout(t.timer(), events::add);
        int waits = 0;
        while (a instanceof Wait w) {
            waits++;
            feed(exchange, new byte[] {'~', '2', '0'}); // a babbling line: a frame that never ends
            a = exchange.onTimeout(w.timer(), events::add);
        }
        assertThat(a).isInstanceOf(GiveUp.class);
        assertThat(waits).isEqualTo(1 + 3); // the guard, then three extensions of 200 ms up to 600 ms
        assertThat(exchange.pendingBytes()).isZero(); // the unfinished frame was dropped, not carried into the next
    }

    @Test
    void noGuardWhenTheReplyComesInTime() {
        Rs485Exchange exchange = exchange(GUARD);
        exchange.send(SERIAL);
        feed(exchange, Arrays.copyOf(SERIAL_REPLY, SERIAL_REPLY.length));
        assertThat(events).singleElement().isInstanceOf(Replied.class);
        assertThat(exchange.inFlight()).isEmpty(); // free at once for the next request
        assertThat(exchange.counters().guards()).isZero();
    }
}
