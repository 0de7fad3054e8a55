package io.pylon4j.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.driver.scan.AddressResult;
import io.pylon4j.driver.scan.Rs485AddressScanner;
import io.pylon4j.driver.scan.ScanOptions;
import io.pylon4j.driver.scan.ScanProbe;
import io.pylon4j.driver.scan.ScanReport;
import io.pylon4j.rs485.Command;
import io.pylon4j.rs485.ManufacturerInfo;
import io.pylon4j.rs485.ManufacturerInfoRequest;
import io.pylon4j.rs485.ProtocolVersion;
import io.pylon4j.rs485.Rejection;
import io.pylon4j.rs485.ReturnCode;
import io.pylon4j.rs485.Rs485Codec;
import io.pylon4j.rs485.Rs485Frame;
import io.pylon4j.rs485.Rs485FrameCodec;
import io.pylon4j.rs485.Rs485Request;
import io.pylon4j.rs485.Rs485Response;
import io.pylon4j.rs485.SerialNumber;
import io.pylon4j.rs485.SerialNumberRequest;
import io.pylon4j.testing.ManualScheduler;
import io.pylon4j.transport.ConnectionState;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;

import org.junit.jupiter.api.Test;

/**
 * The address scanner on a virtual clock against scripted batteries: what it finds, that it only ever writes read
 * requests, that its gap holds in virtual time, and that refusals, garbage and cancellation are reported as such.
 */
class Rs485AddressScannerTest {

    static final Set<Command> READS = EnumSet.of(Command.PROTOCOL_VERSION, Command.MANUFACTURER_INFO,
            Command.SERIAL_NUMBER);

    final ManualClock clock = new ManualClock();
    final ManualScheduler scheduler = new ManualScheduler(clock.source());
    final List<Instant> writeTimes = new ArrayList<>();
    final List<Rs485Request> requests = new ArrayList<>();

    /** A battery answering at {@code present} like a real module: 0x4F, 0x51 and 0x93. */
    static byte[] normalAnswer(Rs485Request request) {
        int adr = request.address();
        Rs485Response r = switch (request.command()) {
            case PROTOCOL_VERSION -> new ProtocolVersion(adr, 0x20);
            case MANUFACTURER_INFO -> new ManufacturerInfo(adr, "US3000C", 0x0203, "PYLON");
            case SERIAL_NUMBER -> new SerialNumber(adr, adr, String.format("PPTBH%02X012345678", adr));
            default -> throw new AssertionError("the scanner sent " + request);
        };
        return r.toFrame().encode();
    }

    /** A link whose battery answers with {@code battery} (null = silence), recording each request and its time. */
    FakeByteTransport link(Function<Rs485Request, byte[]> battery) {
        FakeByteTransport link = new FakeByteTransport("fake-serial:scan", bytes -> {
            Rs485Request request = Rs485Codec.decodeRequest(Rs485FrameCodec.decode(bytes));
            requests.add(request);
            writeTimes.add(clock.instant());
            return battery.apply(request);
        });
        link.open();
        return link;
    }

    /** Runs virtual time in 1 ms steps, delivering replies after each step, until the report is there. */
    ScanReport run(Rs485AddressScanner scanner, FakeByteTransport link) {
        CompletableFuture<ScanReport> report = scanner.report().toCompletableFuture();
        for (int ms = 0; ms < 600_000 && !report.isDone(); ms++) {
            scheduler.advance(Duration.ofMillis(1));
            link.pump();
        }
        assertThat(report).as("the scan ends within 10 virtual minutes").isDone();
        return report.join();
    }

    static ScanOptions group0(List<ScanProbe> probes) {
        return ScanOptions.defaults().withAddresses(ScanOptions.addresses(0, 0, 1, 14)).withProbes(probes);
    }

    @Test
    void findsThreeModulesAtTwoToFourAndTheRestTimeOut() {
        FakeByteTransport link = link(r -> r.address() <= 0x04 ? normalAnswer(r) : null);
        List<AddressResult> progress = new ArrayList<>();
        Rs485AddressScanner scanner = Rs485AddressScanner.start(link, scheduler,
                group0(List.of(ScanProbe.values())), progress::add);
        ScanReport report = run(scanner, link);

        assertThat(report.cancelled()).isFalse();
        assertThat(report.results()).hasSize(14).isEqualTo(progress);
        assertThat(report.answered()).extracting(AddressResult::address).containsExactly(0x02, 0x03, 0x04);
        AddressResult.Answered third = report.answered().get(2);
        assertThat(third.battery()).isEqualTo(3);
        assertThat(third.group()).isZero();
        assertThat(third.protocolVersion().orElseThrow().versionText()).isEqualTo("2.0");
        assertThat(third.manufacturerInfo().orElseThrow().deviceName()).isEqualTo("US3000C");
        assertThat(third.serialNumber().orElseThrow().serialNumber()).isEqualTo("PPTBH04012345678");
        assertThat(report.results().subList(3, 14)).allMatch(r -> r instanceof AddressResult.TimedOut);
        // 3 probes at each module, then only the first probe at each of the 11 silent addresses
        assertThat(report.counters().requests()).isEqualTo(3 * 3 + 11);
        assertThat(report.counters().replies()).isEqualTo(9);
        assertThat(report.counters().timeouts()).isEqualTo(11);
        assertThat(report.counters().badFrames()).isZero();
        assertThat(link.listenerCount()).as("listener removed at the end").isZero();
    }

    @Test
    void requestsAreNeverCloserThanTheGapAndOneIsInFlightAtATime() {
        // everyone answers at once: only the gap spaces the requests
        FakeByteTransport link = link(Rs485AddressScannerTest::normalAnswer);
        ScanOptions options = group0(List.of(ScanProbe.PROTOCOL_VERSION, ScanProbe.MANUFACTURER_INFO))
                .withMinimumGap(Duration.ofMillis(100));
        run(Rs485AddressScanner.start(link, scheduler, options), link);
        assertThat(writeTimes).hasSize(28);
        for (int i = 1; i < writeTimes.size(); i++) {
            assertThat(Duration.between(writeTimes.get(i - 1), writeTimes.get(i)))
                    .as("gap before request %d", i).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        }
        Instant start = writeTimes.get(0);
        assertThat(writeTimes.stream().filter(t -> t.isBefore(start.plusSeconds(1))).count())
                .as("requests in the first virtual second").isLessThanOrEqualTo(10);
    }

    @Test
    void silentAddressesCostTimeoutPlusGap() {
        FakeByteTransport link = link(r -> null);
        ScanOptions options = group0(List.of(ScanProbe.PROTOCOL_VERSION)).withMinimumGap(Duration.ofMillis(100))
                .withReplyTimeout(Duration.ofMillis(400));
        ScanReport report = run(Rs485AddressScanner.start(link, scheduler, options), link);
        assertThat(report.results()).hasSize(14).allMatch(r -> r instanceof AddressResult.TimedOut);
        for (int i = 1; i < writeTimes.size(); i++) {
            assertThat(Duration.between(writeTimes.get(i - 1), writeTimes.get(i))).isEqualTo(Duration.ofMillis(500));
        }
    }

    @Test
    void refusalsGarbageAndPartialAnswersAreNamed() {
        Map<Integer, Function<Rs485Request, byte[]>> script = Map.of(
                0x02, r -> new Rejection(0x02, r.command(), ReturnCode.ADDRESS_ERROR, new byte[0]).toFrame().encode(),
                0x03, r -> corruptChecksum(normalAnswer(r)),
                0x04, r -> new byte[] {0x00, (byte) 0xF0, 0x00, (byte) 0xF0}, // what the wrong baud rate looks like
                0x05, r -> new ProtocolVersion(0x09, 0x20).toFrame().encode(), // someone else's reply
                0x06, r -> r.command() == Command.PROTOCOL_VERSION
                        ? new Rejection(0x06, r.command(), ReturnCode.INVALID_COMMAND, new byte[0]).toFrame().encode()
                        : normalAnswer(r),
                0x07, r -> "~2007460".getBytes(StandardCharsets.US_ASCII)); // cut short
        FakeByteTransport link = link(r -> script.getOrDefault(r.address(), q -> null).apply(r));
        ScanOptions options = ScanOptions.defaults().withAddresses(List.of(2, 3, 4, 5, 6, 7, 8));
        ScanReport report = run(Rs485AddressScanner.start(link, scheduler, options), link);

        List<AddressResult> r = report.results();
        assertThat(r.get(0)).isEqualTo(new AddressResult.Rejected(0x02, ScanProbe.PROTOCOL_VERSION,
                ReturnCode.ADDRESS_ERROR));
        assertThat(((AddressResult.Garbled) r.get(1)).reason()).containsIgnoringCase("chksum");
        assertThat(((AddressResult.Garbled) r.get(2)).reason()).contains("4 bytes outside any frame");
        assertThat(((AddressResult.Garbled) r.get(3)).reason()).containsIgnoringCase("address");
        AddressResult.Answered partial = (AddressResult.Answered) r.get(4);
        assertThat(partial.protocolVersion()).isEmpty();
        assertThat(partial.manufacturerInfo()).isPresent();
        assertThat(partial.rejections()).extracting(Rejection::returnCode).containsExactly(ReturnCode.INVALID_COMMAND);
        assertThat(r.get(5)).isInstanceOf(AddressResult.Garbled.class);
        assertThat(r.get(6)).isEqualTo(new AddressResult.TimedOut(0x08));
        assertThat(report.counters().rejections()).isEqualTo(3); // 0x02 twice, 0x06 once
        assertThat(report.counters().noiseBytes()).isEqualTo(8);  // both 0x4F and 0x51 at 0x04
        assertThat(report.counters().badFrames()).isGreaterThanOrEqualTo(6);
    }

    static byte[] corruptChecksum(byte[] frame) {
        byte[] out = frame.clone();
        int i = out.length - 2;
        out[i] = out[i] == '0' ? (byte) '1' : (byte) '0';
        return out;
    }

    @Test
    void closeCancelsStopsWritingAndReportsWhatWasFinished() {
        FakeByteTransport link = link(r -> null);
        ScanOptions options = group0(List.of(ScanProbe.PROTOCOL_VERSION)).withMinimumGap(Duration.ofMillis(100))
                .withReplyTimeout(Duration.ofMillis(400));
        Rs485AddressScanner scanner = Rs485AddressScanner.start(link, scheduler, options);
        scheduler.advance(Duration.ofMillis(1200)); // requests at 0, 500, 1000 ms; two addresses finished
        scanner.close();
        scanner.close();
        ScanReport report = scanner.report().toCompletableFuture().getNow(null);
        assertThat(report).isNotNull();
        assertThat(report.cancelled()).isTrue();
        assertThat(report.results()).hasSize(2);
        int written = requests.size();
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(requests).hasSize(written).hasSize(3);
        assertThat(link.listenerCount()).isZero();
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void aLateReplyCountsAsABadFrameAndDoesNotGarbleTheNextAddress() {
        // 0x02 answers 0x4F only after its timeout, in the middle of 0x03's exchange; 0x03 is silent
        FakeByteTransport link = link(r -> null);
        ScanOptions options = ScanOptions.defaults().withAddresses(List.of(2, 3))
                .withProbes(List.of(ScanProbe.PROTOCOL_VERSION)).withMinimumGap(Duration.ofMillis(100))
                .withReplyTimeout(Duration.ofMillis(400));
        Rs485AddressScanner scanner = Rs485AddressScanner.start(link, scheduler, options);
        scheduler.advance(Duration.ofMillis(600)); // 0x02 timed out at 400 ms, 0x03 asked at 500 ms
        assertThat(requests).extracting(Rs485Request::address).containsExactly(2, 3);
        link.inject(new ProtocolVersion(0x02, 0x20).toFrame().encode());
        link.pump();
        ScanReport report = run(scanner, link);
        assertThat(report.results()).containsExactly(new AddressResult.TimedOut(2), new AddressResult.TimedOut(3));
        assertThat(report.counters().badFrames()).isEqualTo(1);
    }

    @Test
    void aLateReplyOfTheSameAddressIsNotTakenAsTheNextProbesAnswer() {
        // 0x02 answers 0x51 only after its timeout, while its 0x93 is in flight: read as 0x93 (17 INFO bytes) the 32
        // bytes of manufacturer info would have made a serial number of the device name (docs/safety.md, "A late
        // RS485 reply"); the 0x93 reply that follows is the answer
        FakeByteTransport link = link(r -> r.command() == Command.PROTOCOL_VERSION ? normalAnswer(r) : null);
        ScanOptions options = ScanOptions.defaults().withAddresses(List.of(2)).withProbes(List.of(ScanProbe.values()))
                .withMinimumGap(Duration.ofMillis(100)).withReplyTimeout(Duration.ofMillis(400));
        Rs485AddressScanner scanner = Rs485AddressScanner.start(link, scheduler, options);
        for (int ms = 0; ms < 5_000 && requests.size() < 3; ms++) {
            scheduler.advance(Duration.ofMillis(1));
            link.pump();
        }
        assertThat(requests).extracting(Rs485Request::command).containsExactly(Command.PROTOCOL_VERSION,
                Command.MANUFACTURER_INFO, Command.SERIAL_NUMBER);
        link.inject(normalAnswer(new ManufacturerInfoRequest(2))); // late
        link.inject(normalAnswer(new SerialNumberRequest(2, 2))); // 0x93's own, in time
        link.pump();
        ScanReport report = run(scanner, link);
        AddressResult.Answered answered = report.answered().get(0);
        assertThat(answered.serialNumber().orElseThrow().serialNumber()).isEqualTo("PPTBH02012345678");
        assertThat(answered.manufacturerInfo()).isEmpty(); // 0x51 timed out: not known, not made up
        assertThat(report.counters().badFrames()).isEqualTo(1);
    }

    @Test
    void aThrowingProgressConsumerDoesNotStallTheScan() {
        FakeByteTransport link = link(r -> r.address() == 0x02 ? normalAnswer(r) : null);
        ScanOptions options = ScanOptions.defaults().withAddresses(List.of(2, 3, 4));
        Rs485AddressScanner scanner = Rs485AddressScanner.start(link, scheduler, options, r -> {
            throw new IllegalStateException("listener bug");
        });
        ScanReport report = run(scanner, link);
        assertThat(report.results()).hasSize(3);
        assertThat(report.answered()).hasSize(1);
        assertThat(scanner.progressFailures()).isEqualTo(3);
    }

    @Test
    void requestsWhileTheLinkIsDownCountAsWriteFailuresAndTimeOut() {
        FakeByteTransport link = link(Rs485AddressScannerTest::normalAnswer);
        link.setState(ConnectionState.WAITING_TO_RECONNECT);
        ScanOptions options = ScanOptions.defaults().withAddresses(List.of(2, 3));
        ScanReport report = run(Rs485AddressScanner.start(link, scheduler, options), link);
        assertThat(report.results()).allMatch(r -> r instanceof AddressResult.TimedOut);
        assertThat(report.counters().writeFailures()).isEqualTo(2);
        assertThat(report.counters().requests()).isZero();
    }

    @Test
    void optionsRefuseWhatCannotBeScanned() {
        ScanOptions d = ScanOptions.defaults();
        assertThat(d.addresses()).hasSize(8 * 14).startsWith(0x02, 0x03).endsWith(0x7F);
        assertThatThrownBy(() -> d.withAddresses(List.of(0x00))).hasMessageContaining("not a battery address");
        assertThatThrownBy(() -> d.withAddresses(List.of(0x02, 0x02))).hasMessageContaining("repeat");
        assertThatThrownBy(() -> d.withAddresses(List.of())).hasMessageContaining("at least one address");
        assertThatThrownBy(() -> d.withProbes(List.of())).hasMessageContaining("at least one probe");
        assertThatThrownBy(() -> d.withReplyTimeout(Duration.ZERO)).hasMessageContaining("replyTimeout");
        assertThatThrownBy(() -> d.withMinimumGap(Duration.ofMillis(-1))).hasMessageContaining("minimumGap");
        assertThatThrownBy(() -> ScanOptions.addresses(0, 0, 1, 15)).hasMessageContaining("battery must be");
    }

    /** Whatever the addresses, probes and battery behaviour, every frame a scan writes is a read request. */
    @Property(tries = 60)
    void everyFrameWrittenIsOneOfTheReadProbes(
            @ForAll @Size(min = 1, max = 12) @UniqueElements List<@IntRange(min = 0, max = 8 * 14 - 1) Integer> raw,
            @ForAll @Size(min = 1, max = 3) @UniqueElements List<ScanProbe> probes,
            @ForAll @IntRange(min = 0, max = 4) int behaviourSeed) {
        requests.clear(); // jqwik runs every try on one instance
        writeTimes.clear();
        List<Integer> addresses = raw.stream().map(a -> (a / 14) * 16 + a % 14 + 2).distinct().toList();
        FakeByteTransport link = link(r -> switch ((r.address() + behaviourSeed) % 5) {
            case 0 -> normalAnswer(r);
            case 1 -> null;
            case 2 -> corruptChecksum(normalAnswer(r));
            case 3 -> new Rejection(r.address(), r.command(), ReturnCode.INVALID_COMMAND, new byte[0]).toFrame()
                    .encode();
            default -> "~20Zq\r".getBytes(StandardCharsets.US_ASCII); // a frame broken by a non-hex byte
        });
        ScanOptions options = ScanOptions.defaults().withAddresses(addresses).withProbes(probes)
                .withMinimumGap(Duration.ofMillis(10)).withReplyTimeout(Duration.ofMillis(50));
        ScanReport report = run(Rs485AddressScanner.start(link, scheduler, options), link);

        assertThat(report.results()).extracting(AddressResult::address).isEqualTo(addresses);
        assertThat(link.written).isNotEmpty().allSatisfy(text -> {
            Rs485Frame frame = Rs485FrameCodec.parse(text);
            assertThat(frame.cid1()).isEqualTo(Command.CID1);
            assertThat(Command.of(frame.cid2OrRtn())).isIn(READS);
            assertThat(Rs485Codec.decodeRequest(frame).command()).isIn(READS);
        });
        assertThat(requests).extracting(Rs485Request::command)
                .allMatch(c -> probes.stream().anyMatch(p -> p.request(2).command() == c));
    }
}
