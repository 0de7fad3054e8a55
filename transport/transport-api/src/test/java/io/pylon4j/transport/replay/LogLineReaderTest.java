package io.pylon4j.transport.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link LogLineReader}: any bytes, bounded lines, every line end, nothing held beyond the cap. */
class LogLineReaderTest {

    private static List<LogLineReader.Line> readAll(LogLineReader reader) throws IOException {
        List<LogLineReader.Line> lines = new ArrayList<>();
        LogLineReader.Line line;
        while ((line = reader.readLine()) != null) {
            lines.add(line);
        }
        return lines;
    }

    private static List<LogLineReader.Line> readAll(byte[] bytes, int maxLineBytes) throws IOException {
        return readAll(new LogLineReader(new ByteArrayInputStream(bytes), maxLineBytes));
    }

    @Test
    void aLatin1ByteIsReplacedInItsLineAndTheLinesAroundItAreUntouched() throws IOException {
        byte[] log = "(1.0) can0 351#1402\n# 25\u00B0C by the bank\n(2.0) can0 355#5800\n"
                .getBytes(StandardCharsets.ISO_8859_1);

        List<LogLineReader.Line> lines = readAll(log, LogLineReader.DEFAULT_MAX_LINE_BYTES);

        assertThat(lines).extracting(LogLineReader.Line::text)
                .containsExactly("(1.0) can0 351#1402", "# 25\uFFFDC by the bank", "(2.0) can0 355#5800");
        assertThat(lines).extracting(LogLineReader.Line::malformed).containsExactly(false, true, false);
        assertThat(lines).extracting(LogLineReader.Line::lengthBytes).containsExactly(20L, 19L, 20L);
    }

    @Test
    void validUtf8IsNotMalformed() throws IOException {
        List<LogLineReader.Line> lines = readAll("# 25 \u00B0C \uFFFD\n".getBytes(StandardCharsets.UTF_8), 64);

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.text()).isEqualTo("# 25 \u00B0C \uFFFD");
            assertThat(line.malformed()).isFalse();
        });
    }

    @Test
    void aLineLongerThanTheCapKeepsItsStartCountsAllItsBytesAndTheNextLineIsWhole() throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        log.write("x".repeat(100_000).getBytes(StandardCharsets.US_ASCII));
        log.write("\nnext\n".getBytes(StandardCharsets.US_ASCII));

        List<LogLineReader.Line> lines = readAll(log.toByteArray(), 1000);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).text()).isEqualTo("x".repeat(1000));
        assertThat(lines.get(0).truncated()).isTrue();
        assertThat(lines.get(0).lengthBytes()).isEqualTo(100_001);
        assertThat(lines.get(1)).isEqualTo(new LogLineReader.Line("next", 5, false, false));
    }

    @Test
    void aCapThroughAMultiByteCharacterIsNotAMalformedLine() throws IOException {
        // "ab°°…": the cap of 4 bytes falls inside the second '°' (2 bytes each)
        byte[] log = ("ab" + "\u00B0".repeat(10) + "\n").getBytes(StandardCharsets.UTF_8);

        LogLineReader.Line line = readAll(log, 5).get(0);

        assertThat(line.text()).isEqualTo("ab\u00B0");
        assertThat(line.truncated()).isTrue();
        assertThat(line.malformed()).isFalse();
    }

    @Test
    void lineEndsAreLfCrLfAndLoneCrAndALastLineNeedsNone() throws IOException {
        byte[] log = "a\nb\r\nc\rd".getBytes(StandardCharsets.US_ASCII);

        List<LogLineReader.Line> lines = readAll(log, 64);

        assertThat(lines).extracting(LogLineReader.Line::text).containsExactly("a", "b", "c", "d");
        assertThat(lines).extracting(LogLineReader.Line::lengthBytes).containsExactly(2L, 3L, 2L, 1L);
    }

    @Test
    void aCrLfSplitBetweenTwoReadsIsOneLineEnd() throws IOException {
        // a stream that hands out one byte per read: every CR LF straddles two reads
        byte[] bytes = "one\r\ntwo\r\n\r\nthree".getBytes(StandardCharsets.US_ASCII);
        InputStream trickle = new InputStream() {
            private int next;

            @Override
            public int read() {
                return next < bytes.length ? bytes[next++] : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (next == bytes.length) {
                    return -1;
                }
                b[off] = bytes[next++];
                return 1;
            }
        };

        List<LogLineReader.Line> lines = readAll(new LogLineReader(trickle, 64));

        assertThat(lines).extracting(LogLineReader.Line::text).containsExactly("one", "two", "", "three");
        assertThat(lines.stream().mapToLong(LogLineReader.Line::lengthBytes).sum()).isEqualTo(bytes.length);
    }

    @Test
    void anEmptyInputHasNoLines() throws IOException {
        assertThat(readAll(new byte[0], 64)).isEmpty();
    }

    @Test
    void aHundredMegabyteLineIsReadThroughWithOneCappedBuffer() throws IOException {
        long size = 100L << 20;
        InputStream endless = new InputStream() { // 100 MB of 'A' and a line end, generated, never held
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'A' : left == -1 ? '\n' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return left-- == 0 ? endOfLine(b, off) : -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'A');
                left -= n;
                return n;
            }

            private int endOfLine(byte[] b, int off) {
                b[off] = '\n';
                return 1;
            }
        };

        List<LogLineReader.Line> lines = readAll(new LogLineReader(endless));

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.lengthBytes()).isEqualTo(size + 1);
            assertThat(line.truncated()).isTrue();
            assertThat(line.text()).hasSize(LogLineReader.DEFAULT_MAX_LINE_BYTES);
        });
    }
}
