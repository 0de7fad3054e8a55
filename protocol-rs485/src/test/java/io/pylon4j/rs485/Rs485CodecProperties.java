package io.pylon4j.rs485;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/** Round trips of every request and response record: record → frame → ASCII → frame → record. */
class Rs485CodecProperties {

    private static final List<String> REQUESTS = Arrays.stream(Rs485Request.class.getPermittedSubclasses())
            .map(Class::getSimpleName).toList();
    private static final List<String> RESPONSES = Arrays.stream(Rs485Response.class.getPermittedSubclasses())
            .map(Class::getSimpleName).toList();

    @Provide
    Arbitrary<Rs485Request> requests() {
        return Rs485Arbitraries.requests();
    }

    @Provide
    Arbitrary<Rs485Arbitraries.Exchange> exchanges() {
        return Rs485Arbitraries.exchanges();
    }

    @Provide
    Arbitrary<Rs485Frame> frames() {
        return Rs485Arbitraries.frames();
    }

    @Property(tries = 2000)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void everyRequestRoundTrips(@ForAll("requests") Rs485Request request) {
        Rs485Frame frame = request.toFrame();
        byte[] wire = frame.encode();
        Rs485Frame back = Rs485FrameCodec.decode(wire);
        assertThat(back).isEqualTo(frame);
        assertThat(Rs485Codec.decodeRequest(back)).isEqualTo(request);

        Statistics.label("request").collect(request.getClass().getSimpleName());
        Statistics.label("request").coverage(c -> REQUESTS.forEach(t -> c.check(t).count(n -> n > 0)));
    }

    @Property(tries = 3000)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void everyResponseRoundTripsAgainstItsRequest(@ForAll("exchanges") Rs485Arbitraries.Exchange exchange) {
        Rs485Response response = exchange.response();
        Rs485Frame frame = response.toFrame();
        byte[] wire = frame.encode();
        Rs485Frame back = Rs485FrameCodec.decode(wire);
        assertThat(back).isEqualTo(frame);
        assertThat(Rs485Codec.decodeResponse(exchange.request(), back)).isEqualTo(response);
        // and the request side of the exchange round-trips too
        assertThat(Rs485Codec.decodeRequest(Rs485FrameCodec.decode(exchange.request().toFrame().encode())))
                .isEqualTo(exchange.request());

        Statistics.label("response").collect(response.getClass().getSimpleName());
        Statistics.label("response").coverage(c -> RESPONSES.forEach(t -> c.check(t).count(n -> n > 0)));
    }

    @Property(tries = 1000)
    void everyFrameRoundTripsThroughAsciiInEitherCase(@ForAll("frames") Rs485Frame frame) {
        byte[] wire = frame.encode();
        assertThat(wire).hasSize(frame.encodedLength());
        assertThat(Rs485FrameCodec.decode(wire)).isEqualTo(frame);
        String text = new String(wire, 0, wire.length - 1, java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(Rs485FrameCodec.parse(text)).isEqualTo(frame);
        // the same frame written in lower case, with the CHKSUM of the lower-case characters
        String body = text.substring(1, text.length() - 4).toLowerCase();
        String lower = "~" + body + String.format("%04x", FrameChecksum.of(body));
        assertThat(Rs485FrameCodec.parse(lower)).isEqualTo(frame);
    }

    @Property(tries = 1000)
    void aChangedHexDigitIsAlwaysDetected(@ForAll("frames") Rs485Frame frame,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 1 << 20) int where,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 15) int delta) {
        byte[] wire = frame.encode();
        int position = 1 + where % (wire.length - 2);
        int digit = Character.digit(wire[position], 16);
        wire[position] = (byte) Character.toUpperCase(Character.forDigit((digit + delta) % 16, 16));
        try {
            Rs485FrameCodec.decode(wire);
            throw new AssertionError("a changed digit at " + position + " went unnoticed");
        } catch (LengthChecksumException | LengthMismatchException | ChecksumMismatchException expected) {
            // detected
        }
    }
}
