package io.pylon4j.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.CanFrame;
import io.pylon4j.transport.contract.Threads;
import io.pylon4j.transport.stream.StreamTransports;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening and closing many JDK-only transports leaves no thread of theirs behind. */
class TransportThreadLeakTest {

    @TempDir
    Path dir;

    @Test
    void noPylonThreadOutlivesItsTransport() throws Exception {
        Path log = Files.writeString(dir.resolve("x.log"), "(1.000000) can0 351#01\n", StandardCharsets.UTF_8);
        Transports transports = Transports.fromServiceLoader();
        for (int round = 0; round < 10; round++) {
            List<Transport> open = new ArrayList<>();
            open.add(transports.can("virtual:leak"));
            open.add(transports.can("virtual:leak"));
            open.add(transports.byteStream("virtual:leak"));
            open.add(transports.can("replay:" + log + "?pace=fast"));
            PipedInputStream in = new PipedInputStream();
            PipedOutputStream feed = new PipedOutputStream(in);
            open.add(StreamTransports.of(in, new java.io.ByteArrayOutputStream(), "pipe"));
            for (Transport t : open) {
                t.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
            ((CanTransport) open.get(0)).send(CanFrame.ofHex(0x351, "01"));
            feed.write(1);
            for (Transport t : open) {
                t.close();
            }
            feed.close();
        }
        assertThat(Threads.alive("pylon4j-", Duration.ofSeconds(10))).isEmpty();
    }
}
