package io.pylon4j.samples.cli;

import io.pylon4j.driver.json.JsonWriter;
import io.pylon4j.can.PylonCanCodec;
import io.pylon4j.transport.replay.LogLineReader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * One run of {@code pylon decode} once its options are read: the log's lines through a {@link LogDecoder} to JSON
 * Lines on standard output, and the one line of a file that cannot be read. Nothing of picocli is referenced here, so
 * that {@link FastStart} can run it without loading the command line's model ({@link DecodeCommand} is the picocli
 * command around it).
 */
final class DecodeRun {

    private DecodeRun() {
    }

    /**
     * Decodes {@code file} ({@code -} for standard input) to {@link System#out}: the whole command once its options
     * are read, shared by {@link DecodeCommand} and {@link FastStart}, which runs it without building the command line.
     *
     * @param file the log to decode, or {@code -} for standard input
     * @param canCodec how CAN frames are read (the {@code --inverter}'s profile), made at the first CAN frame
     * @param err where the one line of a file that cannot be read goes
     * @return the exit status: 0, 1 when a line could not be decoded, 2 when the file cannot be read
     */
    static int decodeFile(String file, Supplier<PylonCanCodec> canCodec, PrintWriter err) {
        InputStream in;
        try {
            in = "-".equals(file) ? System.in : open(Path.of(file));
        } catch (CannotOpen e) {
            err.println("pylon decode: " + e.getMessage());
            err.flush();
            return 2;
        } catch (InvalidPathException e) {
            err.println("pylon decode: not a file name: " + file + " (" + e.getReason() + ")");
            err.flush();
            return 2;
        }
        // System.out (whatever the caller set it to) in 64 KiB writes: its own buffer is 128 bytes, auto-flushed
        OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
        try (LogLineReader reader = new LogLineReader(in)) {
            boolean ok = decode(reader::readLine, new LogDecoder(canCodec), json -> json.drainTo(out));
            out.flush();
            return ok ? 0 : 1;
        } catch (IOException e) {
            // a read that failed half-way: the lines before it are printed (decode drained them), then this line
            flushQuietly(out);
            err.println("pylon decode: cannot read " + ("-".equals(file) ? "standard input" : file) + ": "
                    + describe(e));
            err.flush();
            return 2;
        }
    }

    /** Why a file cannot be decoded, as one line (no stack trace): the cases a user meets, named. */
    private static final class CannotOpen extends Exception {
        CannotOpen(String message) {
            super(message, null, false, false);
        }
    }

    private static InputStream open(Path path) throws CannotOpen {
        if (Files.isDirectory(path)) {
            throw new CannotOpen(path + " is a directory, not a log file");
        }
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new CannotOpen("no such file: " + path);
        } catch (AccessDeniedException e) {
            throw new CannotOpen("cannot read " + path + ": permission denied");
        } catch (IOException e) {
            throw new CannotOpen("cannot read " + path + ": " + describe(e));
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static void flushQuietly(OutputStream out) {
        try {
            out.flush();
        } catch (IOException ignored) {
            // System.out does not throw; nothing more to say about a stream that cannot take the output
        }
    }

    /** Where decoded lines go when the writer's buffer is drained. */
    @FunctionalInterface
    interface Sink {
        void drain(JsonWriter json) throws IOException;
    }

    /** Where the lines come from: the next one, or null at the end. */
    @FunctionalInterface
    interface Lines {
        LogLineReader.Line next() throws IOException;
    }

    /**
     * Lines decoded per call of {@link LineLoop#decodeBatch()}. The JIT compiles a method once it has been called
     * often enough, but a loop it is already running only after {@code Tier3BackEdgeThreshold} turns (60,000): one
     * loop over all the lines would run interpreted through any log shorter than that, paying the interpreter on every
     * line of the logs users decode (thousands of lines). Called every 16 lines, the loop is compiled as a method after
     * about 2,000 (benchmarks/README.md, "a measure with low variance"; {@code DecodeWarmUpTest}).
     */
    static final int BATCH_LINES = 16;

    /**
     * Decodes every line {@code in} gives to {@code out}, draining the JSON in 32 KiB steps.
     *
     * @return true when every frame line decoded
     */
    static boolean decode(Lines in, LogDecoder decoder, Sink out) throws IOException {
        LineLoop loop = new LineLoop(in, decoder, out);
        while (loop.decodeBatch()) {
            // each call decodes up to BATCH_LINES lines
        }
        decoder.finish(loop.json);
        out.drain(loop.json);
        return loop.ok;
    }

    /** The state of one {@link #decode} between batches of lines. */
    private static final class LineLoop {
        final Lines in;
        final LogDecoder decoder;
        final Sink out;
        final JsonWriter json = new JsonWriter();
        boolean ok = true;

        LineLoop(Lines in, LogDecoder decoder, Sink out) {
            this.in = in;
            this.decoder = decoder;
            this.out = out;
        }

        /** Decodes up to {@link #BATCH_LINES} lines; false once the lines have ended. */
        boolean decodeBatch() throws IOException {
            for (int i = 0; i < BATCH_LINES; i++) {
                LogLineReader.Line line;
                try {
                    line = in.next();
                } catch (IOException e) {
                    out.drain(json); // what was decoded before the failure still prints
                    throw e;
                }
                if (line == null) {
                    return false;
                }
                ok &= decoder.decodeLine(line, json);
                if (json.buffered() > 1 << 15) {
                    out.drain(json);
                }
            }
            return true;
        }
    }

}
