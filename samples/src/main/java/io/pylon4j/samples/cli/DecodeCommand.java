package io.pylon4j.samples.cli;

import io.pylon4j.can.CanProfile;
import io.pylon4j.can.PylonCanCodec;
import io.pylon4j.transport.replay.LogLineReader;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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
 *
 * <p>Any bytes are read ({@link LogLineReader}): what is not UTF-8 is replaced by U+FFFD, so the line it is in reads
 * as an error (or a comment) and the lines around it decode; a line longer than 64 KiB is one error line holding its
 * start, read through without being held. A file that cannot be opened or read (missing, a directory, permission
 * denied, an I/O error half-way, after the lines read so far) is one line on standard error and exit status 2.
 */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Decode CAN (candump text or log) and RS485 (~…) lines to JSON Lines.",
                "Exit status 1 when any line could not be decoded, 2 when the file cannot be read",
                "(missing, a directory, permission denied, a read error)."})
final class DecodeCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "FILE", defaultValue = "-",
            description = "The log to decode; '-' (the default) reads standard input.")
    String file;

    @Option(names = "--inverter", paramLabel = "NAME", defaultValue = "generic-pylon",
            description = {"Read the CAN frames where sources disagree as a bank talking to this inverter sends them:"
                    + " generic-pylon, deye, sofar (real Pylontech hardware), victron (0x370/0x371 as ASCII names),"
                    + " sma (Victron names, SMA 0x305 values), sol-ark (0x356 voltage in 0.1 V); any case."
                    + " See docs/json-can.md."})
    String inverter;

    /** The name this option had before all commands said {@code --inverter} ({@code pylontech} is still known). */
    @Option(names = "--can-profile", paramLabel = "NAME", hidden = true)
    String legacyCanProfile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CanProfile canProfile;
        try {
            canProfile = Vocabulary.canProfile(Vocabulary.inverter(
                    legacyCanProfile != null ? legacyCanProfile : inverter));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return DecodeRun.decodeFile(file, () -> new PylonCanCodec(canProfile), spec.commandLine().getErr());
    }

    /**
     * Decodes every line of {@code in} to {@code out} (lines already in memory: for tests).
     *
     * @return true when every frame line decoded
     */
    static boolean decode(BufferedReader in, Writer out) throws IOException {
        return DecodeRun.decode(() -> {
            String line = in.readLine();
            return line == null ? null : new LogLineReader.Line(line, line.length() + 1L, false, false);
        }, new LogDecoder(), json -> json.drainTo(out));
    }

    /** Decodes a whole log held in memory (for tests and benchmarks). */
    static String decodeToString(String log) {
        StringBuilder out = new StringBuilder();
        try {
            java.io.StringWriter writer = new java.io.StringWriter();
            LogLineReader reader = new LogLineReader(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)));
            DecodeRun.decode(reader::readLine, new LogDecoder(), json -> json.drainTo(writer));
            out.append(writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
