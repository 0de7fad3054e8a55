package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pylon4j.driver.json.JsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * How many bytes {@code pylon decode} allocates per RS485 line once its classes are loaded: the lines of
 * {@code benchmarks/decode-vs-python.sh} (the 22 frame lines of a real US2000B-Plus capture). Allocation is a count,
 * not a time, so it is the same on a loaded machine: fewer bytes a line is fewer fresh pages and less for the
 * interpreter and C1 to do while a log of thousands of lines is decoded (benchmarks/README.md, "third pass").
 */
class DecodeAllocationTest {

    /** The frame of a capture line, without its "->"/"<-" mark: as the benchmark script's sed extracts it. */
    private static final Pattern FRAME_LINE = Pattern.compile("^ *[-<>]* *(~[0-9A-F]{12,}) *$");

    /**
     * 398 bytes a line before the third pass: {@code ReturnCode.of}, {@code AlarmFlag.setIn} and
     * {@code ManagementStatusFlag.setIn} each copied their enum's {@code values()} array per reply, and
     * {@code LogDecoder} made an iterator over its empty list of held lines per line; 330 after.
     */
    private static final double MAX_BYTES_PER_LINE = 360;

    @Test
    void anRs485LineAllocatesAtMost360BytesOnceWarm() throws IOException {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "this JVM does not count a thread's allocated bytes");
        List<String> frames = frameLines();
        assertThat(frames).hasSize(22);

        assertThat(decodeRepeatedly(frames, 100)).as("every line decodes").isTrue(); // loads every class on the path
        long start = threads.getCurrentThreadAllocatedBytes();
        boolean decoded = decodeRepeatedly(frames, 100);
        double perLine = (threads.getCurrentThreadAllocatedBytes() - start) / (100.0 * frames.size());

        assertThat(decoded).as("every line decodes").isTrue();
        assertThat(perLine).as("bytes allocated per decoded RS485 line").isLessThanOrEqualTo(MAX_BYTES_PER_LINE);
    }

    /**
     * Decodes the frames {@code times} times over with a new decoder, the JSON drained per line (nothing else allocated
     * in the loop: no assertion there); whether every line decoded.
     */
    private static boolean decodeRepeatedly(List<String> frames, int times) throws IOException {
        LogDecoder decoder = new LogDecoder();
        JsonWriter json = new JsonWriter();
        OutputStream nowhere = OutputStream.nullOutputStream();
        boolean ok = true;
        for (int i = 0; i < times; i++) {
            for (String frame : frames) {
                ok &= decoder.decodeLine(frame, json);
                json.drainTo(nowhere);
            }
        }
        return ok;
    }

    private static List<String> frameLines() throws IOException {
        return Files.readAllLines(SharedCaptures.file("rs485-tomcat42-lowlevel-us2000b.txt")).stream()
                .map(FRAME_LINE::matcher).filter(Matcher::matches).map(m -> m.group(1)).toList();
    }
}
