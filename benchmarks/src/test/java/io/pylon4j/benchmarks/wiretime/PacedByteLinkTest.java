package io.pylon4j.benchmarks.wiretime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.benchmarks.wiretime.PacedByteLink.FrameTiming;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The paced link against its contract: bytes never readable before their time on the line (a lower bound, which
 * the pacing guarantees however loaded the machine is), bytes queued behind each other, every frame timed with its
 * header read, stray bytes counted, and close ending a blocked reader. No upper bound on time is asserted.
 */
@Timeout(30)
class PacedByteLinkTest {

    /** Facts §2.2 worked example 1: "get analog values" of the master, 18 characters and CR. */
    private static final byte[] REQUEST = "~20024642E00202FD33\r".getBytes(StandardCharsets.US_ASCII);
    /** Facts §2.2 worked example 2: a US2000B-Plus's 0x92 reply. */
    private static final byte[] REPLY = "~20024600B01402D002B79800FAFF06C0F92D\r".getBytes(StandardCharsets.US_ASCII);

    /** At 115200 baud a byte takes 86,805.6 ns; the link rounds it up to whole nanoseconds. */
    private static final long BYTE_NANOS_115200 = 86_806;

    @Test
    void aByteIsReadableOnlyAfterItsTimeOnTheLineAndFramesAreTimed() throws Exception {
        try (PacedByteLink link = new PacedByteLink(115_200)) {
            link.inverterOutput().write(REQUEST);
            byte[] got = readFully(link.batteryInput(), REQUEST.length);

            assertThat(got).isEqualTo(REQUEST);
            List<FrameTiming> frames = link.requests();
            assertThat(frames).hasSize(1);
            FrameTiming f = frames.get(0);
            assertThat(f.bytes()).isEqualTo(REQUEST.length);
            assertThat(f.address()).isEqualTo(0x02);
            assertThat(f.cid2()).isEqualTo(0x42);
            // an idle line: the frame starts when written and is off the line its bytes' time later, exactly
            assertThat(f.wireEndNanos() - f.writtenNanos()).isEqualTo(REQUEST.length * BYTE_NANOS_115200);
            assertThat(f.deliveredNanos()).isGreaterThanOrEqualTo(f.wireEndNanos());
            assertThat(link.wireNanos(REQUEST.length)).isCloseTo(REQUEST.length * 1e10 / 115_200, within(1e-6));
            assertThat(link.replies()).isEmpty();
            assertThat(link.strayBytes()).isZero();
        }
    }

    @Test
    void bytesWrittenBackToBackQueueBehindEachOther() throws Exception {
        try (PacedByteLink link = new PacedByteLink(115_200)) {
            link.batteryOutput().write(REPLY);
            link.batteryOutput().write(REPLY); // the line is still busy with the first: this one waits its turn
            readFully(link.inverterInput(), 2 * REPLY.length);

            List<FrameTiming> frames = link.replies();
            assertThat(frames).hasSize(2);
            FrameTiming first = frames.get(0);
            FrameTiming second = frames.get(1);
            assertThat(second.cid2()).as("RTN of the reply").isZero();
            assertThat(second.address()).isEqualTo(0x02);
            assertThat(second.wireEndNanos() - first.wireEndNanos()).isEqualTo(REPLY.length * BYTE_NANOS_115200);
            assertThat(second.deliveredNanos()).isGreaterThanOrEqualTo(second.wireEndNanos());
            assertThat(first.deliveredNanos()).isGreaterThanOrEqualTo(first.wireEndNanos());
        }
    }

    @Test
    void bothDirectionsAreIndependentAndBytesOutsideFramesAreCounted() throws Exception {
        try (PacedByteLink link = new PacedByteLink(1_152_000)) {
            link.inverterOutput().write("xy".getBytes(StandardCharsets.US_ASCII)); // line noise before a frame
            link.inverterOutput().write(REQUEST);
            link.batteryOutput().write(REPLY);

            assertThat(readFully(link.batteryInput(), REQUEST.length + 2)).startsWith('x', 'y');
            assertThat(readFully(link.inverterInput(), REPLY.length)).isEqualTo(REPLY);
            assertThat(link.requests()).extracting(FrameTiming::bytes).containsExactly(REQUEST.length);
            assertThat(link.replies()).extracting(FrameTiming::bytes).containsExactly(REPLY.length);
            assertThat(link.strayBytes()).isEqualTo(2);
            assertThat(link.awaitRequests(0x42, 1, TimeUnit.SECONDS.toNanos(5))).isTrue();
            assertThat(link.awaitRequests(0x44, 1, TimeUnit.MILLISECONDS.toNanos(1))).isFalse();
        }
    }

    @Test
    void closeEndsAReaderWaitingOnAnIdleLineAndRefusesWrites() throws Exception {
        PacedByteLink link = new PacedByteLink(115_200);
        CountDownLatch reading = new CountDownLatch(1);
        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
            reading.countDown();
            try {
                return link.inverterInput().read(new byte[16], 0, 16);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
        link.close();

        assertThat(read.get(10, TimeUnit.SECONDS)).as("end of stream").isEqualTo(-1);
        assertThatThrownBy(() -> link.batteryOutput().write(REPLY)).isInstanceOf(IOException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void aBadBaudRateIsRefused() {
        assertThatThrownBy(() -> new PacedByteLink(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baud");
    }

    private static org.assertj.core.data.Offset<Double> within(double d) {
        return org.assertj.core.data.Offset.offset(d);
    }

    private static byte[] readFully(InputStream in, int length) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64];
        while (out.size() < length) {
            int n = in.read(buffer, 0, Math.min(buffer.length, length - out.size()));
            if (n < 0) {
                throw new IOException("end of stream after " + out.size() + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
