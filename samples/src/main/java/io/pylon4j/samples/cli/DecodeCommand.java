package io.pylon4j.samples.cli;

import io.pylon4j.can.CanProfile;
import io.pylon4j.can.PylonCanCodec;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pylon decode [FILE|-]}: one JSON object per frame line of a CAN or RS485 log, in input order.
 *
 * <p>Blank lines and lines starting with {@code #} are skipped; every other line prints exactly one object, either
 * the decoded frame or {@code {"bus":…,"error":…,"input":…}}. The exit status is 1 when any line failed.
 */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Decode CAN (candump text or log) and RS485 (~…) lines to JSON Lines.",
                "Exit status 1 when any line could not be decoded, 2 when the file cannot be read."})
final class DecodeCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "FILE", defaultValue = "-",
            description = "The log to decode; '-' (the default) reads standard input.")
    String file;

    @Option(names = "--can-profile", paramLabel = "NAME", defaultValue = "pylontech",
            description = {"How to read the CAN frames where sources disagree: pylontech (real Pylontech hardware,"
                    + " the default), victron (0x370/0x371 as ASCII names), sma (Victron names, SMA 0x305 values),"
                    + " sol-ark (0x356 voltage in 0.1 V). See docs/json-can.md."})
    String canProfile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PylonCanCodec canCodec;
        try {
            canCodec = new PylonCanCodec(CanProfile.named(canProfile));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Reader in;
        try {
            in = "-".equals(file)
                    ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
                    : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            System.err.println("pylon decode: no such file: " + file);
            return 2;
        } catch (IOException e) {
            System.err.println("pylon decode: cannot read " + file + ": " + e);
            return 2;
        }
        try (in) {
            // System.out (whatever the caller set it to) in 64 KiB writes: its own buffer is 128 bytes, auto-flushed
            OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
            boolean ok = decode(new BufferedReader(in, 1 << 16), new LogDecoder(canCodec), json -> json.drainTo(out));
            out.flush();
            return ok ? 0 : 1;
        }
    }

    /**
     * Decodes every line of {@code in} to {@code out}.
     *
     * @return true when every frame line decoded
     */
    static boolean decode(BufferedReader in, Writer out) throws IOException {
        return decode(in, new LogDecoder(), json -> json.drainTo(out));
    }

    /** Where decoded lines go when the writer's buffer is drained. */
    @FunctionalInterface
    interface Sink {
        void drain(JsonWriter json) throws IOException;
    }

    private static boolean decode(BufferedReader in, LogDecoder decoder, Sink out) throws IOException {
        JsonWriter json = new JsonWriter();
        boolean ok = true;
        String line;
        while ((line = in.readLine()) != null) {
            ok &= decoder.decodeLine(line, json);
            if (json.buffered() > 1 << 15) {
                out.drain(json);
            }
        }
        decoder.finish(json);
        out.drain(json);
        return ok;
    }

    /** Decodes a whole log held in memory (for tests and benchmarks). */
    static String decodeToString(String log) {
        StringBuilder out = new StringBuilder();
        try {
            java.io.StringWriter writer = new java.io.StringWriter();
            decode(new BufferedReader(new java.io.StringReader(log)), writer);
            out.append(writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
