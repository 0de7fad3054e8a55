package io.pylon4j.samples.cli;

import io.pylon4j.driver.json.JsonWriter;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pylon4j.can.CanProfile;
import io.pylon4j.can.PylonCanCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Fuzzes the line decoder of {@code pylon decode} and {@code pylon dump}, {@link LogDecoder}: a log of any lines, CAN
 * (every {@link CanProfile}) and RS485 {@code ~…} lines mixed with anything. Nothing may escape it, and the output
 * keeps the decode contract: exactly one JSON object on one line for every line that is not blank or a {@code #}
 * comment, each starting {@code {"bus":"} and holding no raw control character.
 *
 * <p>Lines are drawn from a few real shapes (RS485 requests and replies from {@code docs/captures/}, candump lines)
 * and mutated, so the fuzzer reaches the decoders behind the line readers; the rest are free text.
 */
class LogDecoderFuzz {

    private static final String[] SHAPES = {
            "~2002464FC0048520FCB2", // 0x4F request with INFO (Tomcat42)
            "~20024642E00202FD33", // 0x42 request, worked example 1
            "~20024600B01402D002B79800FAFF06C0F92D", // 0x92 reply, worked example 2
            "-> ~20024692E00202FD2D", "<- ~200246000000FDB2",
            "(1700000000.000000) can0 351#1402C012C012C201", "  can0  359   [7]  00 00 00 00 0A 50 4E",
            "351 | 48 02 00 05 00 05 AE 01 | H....... | note", "ID: 351 Buffer: 14 2 C0 12 C0 12 C2 1 - V1.2",
            "$ python3 main.py", " times: 3", "# comment", ""};

    @FuzzTest(maxDuration = "10m")
    void decode(FuzzedDataProvider data) {
        CanProfile profile = new CanProfile(data.pickValue(CanProfile.Frames370And371.values()),
                data.pickValue(CanProfile.AlarmPairPolarity.values()),
                data.pickValue(CanProfile.VoltageResolution.values()),
                data.pickValue(CanProfile.EnergyResolution.values()),
                data.pickValue(CanProfile.InverterFrames.values()));
        StringBuilder log = new StringBuilder();
        int lines = data.consumeInt(1, 20);
        for (int i = 0; i < lines && data.remainingBytes() > 0; i++) {
            String shape = data.consumeBoolean() ? data.pickValue(SHAPES) : "";
            log.append(shape).append(data.consumeString(data.consumeInt(0, 64))).append('\n');
        }
        String text = log.toString();

        LogDecoder decoder = new LogDecoder(new PylonCanCodec(profile));
        JsonWriter json = new JsonWriter();
        long expected = 0;
        try (BufferedReader in = new BufferedReader(new StringReader(text))) {
            String line;
            while ((line = in.readLine()) != null) {
                decoder.decodeLine(line, json);
                int start = 0; // blank and comment lines print nothing: as LogDecoder skips white space
                while (start < line.length() && Character.isWhitespace(line.charAt(start))) {
                    start++;
                }
                if (start < line.length() && line.charAt(start) != '#') {
                    expected++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        decoder.finish(json);

        List<String> out = json.peek().lines().toList();
        if (out.size() != expected) {
            throw new IllegalStateException(out.size() + " output lines for " + expected + " frame lines:\n" + text
                    + "\n---\n" + json.peek());
        }
        for (String o : out) {
            if (!o.startsWith("{\"bus\":\"") || !o.endsWith("}") || o.chars().anyMatch(c -> c < 0x20)) {
                throw new IllegalStateException("not one JSON object: " + o);
            }
        }
    }
}
