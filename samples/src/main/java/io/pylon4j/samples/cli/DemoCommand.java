package io.pylon4j.samples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code pylon demo}: shows what pylon4j does with no hardware attached.
 *
 * <p>Until the simulator and the driver exist it decodes a bundled capture of a real Pylontech US5000 bank.
 */
@Command(name = "demo", description = "Decode a bundled capture of a real Pylontech bank (no hardware needed).")
final class DemoCommand implements Callable<Integer> {

    static final String CAPTURE = "/io/pylon4j/samples/demo/us5000-setfirelabs.log";

    @Override
    public Integer call() throws IOException {
        try (InputStream capture = DemoCommand.class.getResourceAsStream(CAPTURE)) {
            if (capture == null) {
                throw new IllegalStateException("the bundled capture " + CAPTURE + " is missing from the build");
            }
            Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
            out.write("# pylon demo: a real Pylontech US5000 bank's CAN frames (Setfire Labs capture), decoded\n");
            boolean ok = DecodeCommand.decode(
                    new BufferedReader(new InputStreamReader(capture, StandardCharsets.UTF_8)), out);
            out.flush();
            return ok ? 0 : 1;
        }
    }
}
