package io.pylon4j.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, point 8: every {@code mosquitto_pub} and {@code mosquitto_sub} example of {@code docs/mqtt.md}, run as
 * written with Debian's {@code mosquitto-clients} against a real Mosquitto and a real bridge with commands on, fed by
 * a simulated bank. Only the broker's host and port are replaced (and a TLS example's {@code --cafile}, by this test's
 * throw-away CA); the doc's examples use site {@code home} and bank {@code bank1}, which the bridge here publishes.
 * Each command must be acknowledged on its {@code cap/state} with what now applies, each reading example must print
 * the bank's retained state, every field a command may have must appear in an example, and an example these tests
 * cannot parse fails them.
 */
class MqttDocsExamplesTest {

    private static final Path DOC = Path.of("../docs/mqtt.md");
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String BASE = "pylon4j/home/" + BridgeRig.BANK;

    @RegisterExtension
    final BridgeRig rig = new BridgeRig();
    @TempDir
    Path dir;

    private static MqttBridgeOptions home() {
        return MqttBridgeOptions.defaults().withSite("home").withAllowCommands(true)
                .withIntervals(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    private static List<DocExamples.Example> examples() throws IOException {
        return DocExamples.extract(Files.readString(DOC));
    }

    @Test
    void everyPlainExampleRunsAgainstMosquittoAndTheBridge() throws Exception {
        List<DocExamples.Example> plain = examples().stream().filter(e -> !e.has("--cafile")).toList();
        List<DocExamples.Example> commands = plain.stream().filter(e -> e.program().equals("mosquitto_pub")).toList();
        TreeSet<String> withoutExample = new TreeSet<>(CapCommand.FIELDS);
        commands.forEach(e -> withoutExample.removeAll(MiniJson.object(e.option("-m")).keySet()));
        assertThat(withoutExample).as("command fields the bridge accepts that no mosquitto_pub example shows")
                .isEmpty();
        assertThat(plain).filteredOn(e -> e.program().equals("mosquitto_sub")).as("a mosquitto_sub example")
                .isNotEmpty();

        rig.bridge(home());
        try (MqttRecorder caps = rig.subscribe(BASE + "/cap/state")) {
            Map<String, Object> uncapped = published(caps.await(BASE + "/cap/state",
                    s -> s.contains("\"outcome\":\"none\""), WAIT));
            try (MqttRecorder r = rig.subscribe(BASE + "/state")) {
                r.await(BASE + "/state", s -> MiniJson.at(MiniJson.object(s), "measurements.socPercent") != null,
                        WAIT);
            }
            for (DocExamples.Example e : plain) {
                if (e.program().equals("mosquitto_pub")) {
                    command(e, caps, uncapped);
                } else {
                    read(e);
                }
            }
        }
    }

    @Test
    void theTlsExampleReadsTheBankFromASecuredBroker() throws Exception {
        List<DocExamples.Example> tls = examples().stream().filter(e -> e.has("--cafile")).toList();
        assertThat(tls).as("the TLS reading example").isNotEmpty();
        for (DocExamples.Example e : tls) {
            assertThat(e.program()).as(e.toString()).isEqualTo("mosquitto_sub");
            String user = e.option("-u");
            String password = e.option("-P");
            assertThat(user).as(e + ": a secured broker lets no one in anonymously").isNotNull();
            TestPki pki = TestPki.create(Files.createDirectories(dir.resolve("pki-" + e.line())));
            MosquittoBroker secured = rig.restartSecured(pki, user, password);
            rig.bridge(home(), MqttBroker.parse(secured.uri()).withCaFile(pki.caFile())
                    .withCredentials(user, password));
            read(e, pki);
            rig.bridge().close();
        }
    }

    @Test
    void anExampleTheTestsCannotRunOrACommandFieldWithoutExampleFails() {
        String block = "```\n%s\n```\n";
        assertThatThrownBy(() -> DocExamples.extract(block.formatted("mosquitto_pub -h h -t 'a/b' -x 1 -m '{}'")))
                .hasMessageContaining("option '-x'").hasMessageContaining("line 2");
        assertThatThrownBy(() -> DocExamples.extract(block.formatted("mosquitto_sub -h h -t 'a/#")))
                .hasMessageContaining("unclosed quote");
        assertThatThrownBy(() -> DocExamples.extract(block.formatted("mosquitto_sub -h h -t a/b | jq .")))
                .hasMessageContaining("only pipe");
        assertThatThrownBy(() -> DocExamples.extract(block.formatted("mosquitto_pub -h h -t a/b")))
                .hasMessageContaining("no message");
        List<DocExamples.Example> parsed = DocExamples.extract(block.formatted(
                "mosquitto_pub -h 127.0.0.1 -t 'x/cap/set' \\\n  -m '{\"clear\": 1}'\nmosquitto_sub -h h -t 'x/#' -v"));
        assertThat(parsed).extracting(DocExamples.Example::program).containsExactly("mosquitto_pub", "mosquitto_sub");
        assertThat(parsed.get(0).option("-m")).isEqualTo("{\"clear\": 1}");
    }

    /** Runs a command example and checks its acknowledgement against what it asked for. */
    private void command(DocExamples.Example e, MqttRecorder caps, Map<String, Object> uncapped) throws Exception {
        int before = caps.messages().size();
        Run run = run(e, null, null);
        assertThat(run.exit()).as(e + ": " + run.output()).isZero();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (caps.messages().size() == before && System.nanoTime() - deadline < 0) {
            Thread.sleep(20);
        }
        assertThat(caps.messages().size()).as(e + ": no acknowledgement on " + BASE + "/cap/state within " + WAIT)
                .isGreaterThan(before);
        String ackText = caps.messages().get(caps.messages().size() - 1).payload();
        Map<String, Object> ack = MiniJson.object(ackText);
        Map<String, Object> asked = MiniJson.object(e.option("-m"));
        boolean clear = asked.containsKey("clear");
        assertThat(ack.get("outcome")).as(e + ": " + ackText).isEqualTo(clear ? "cleared" : "applied");
        assertThat(ack.get("expiresAt") != null).as(e + ": expiresAt in " + ackText).isEqualTo(!clear);
        for (String side : List.of("Charge", "Discharge")) {
            Object cap = asked.get("max" + side + "CurrentAmps");
            assertThat(ack.get("max" + side + "CurrentAmps")).as(e + ": " + ackText).isEqualTo(cap);
            // what now applies: the stricter of the battery's limit and the cap; an unnamed side is uncapped
            String limit = Character.toLowerCase(side.charAt(0)) + side.substring(1) + "CurrentLimitAmps";
            double battery = (Double) uncapped.get(limit);
            double expected = cap == null ? battery : Math.min(battery, (Double) cap);
            assertThat(published(ackText).get(limit)).as(e + ": " + ackText).isEqualTo(expected);
        }
    }

    private static Map<String, Object> published(String capState) {
        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) MiniJson.object(capState).get("published");
        return p;
    }

    private void read(DocExamples.Example e) throws Exception {
        read(e, null);
    }

    /** Runs a reading example and checks that it printed the bank's retained state (or cap state). */
    private void read(DocExamples.Example e, TestPki pki) throws Exception {
        String filter = e.option("-t");
        boolean capState = filter.equals(BASE + "/cap/state");
        assertThat(capState || matches(filter, BASE + "/state")).as(e + ": reads neither the bank's state nor its"
                + " cap state").isTrue();
        String wanted = capState ? BASE + "/cap/state" : BASE + "/state";
        Run run = run(e, pki, e.has("-v") ? line -> line.startsWith(wanted + " ") : null);
        String payload;
        if (e.has("-v")) {
            payload = run.output().lines().filter(l -> l.startsWith(wanted + " ")).findFirst()
                    .map(l -> l.substring(wanted.length() + 1)).orElse(null);
            assertThat(payload).as(e + ": no line '" + wanted + " {…}' in: " + run.output()).isNotNull();
        } else {
            assertThat(run.exit()).as(e + ": " + run.output()).isZero();
            payload = run.output();
        }
        Map<String, Object> json = MiniJson.object(payload);
        if (capState) {
            assertThat(json.get("outcome")).as(e + ": " + payload).isIn("none", "applied", "cleared", "expired",
                    "rejected");
            // the fields the doc shows under the example are there
            Matcher key = Pattern.compile("\"(\\w+)\":").matcher(String.join("\n", e.shown()));
            List<String> shownKeys = new ArrayList<>();
            while (key.find()) {
                shownKeys.add(key.group(1));
            }
            assertThat(shownKeys).as(e + ": the doc's sample output").isNotEmpty();
            assertThat(payload).as(e + ": the fields the doc shows").contains(
                    shownKeys.stream().map(k -> "\"" + k + "\":").toList());
        } else {
            assertThat(json.get("bankId")).as(e + ": " + payload).isEqualTo(BridgeRig.BANK);
            assertThat(MiniJson.at(json, "measurements.socPercent")).as(e + ": " + payload).isInstanceOf(Double.class);
        }
    }

    /** Whether MQTT topic filter {@code filter} matches {@code topic}. */
    private static boolean matches(String filter, String topic) {
        String[] f = filter.split("/");
        String[] t = topic.split("/");
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true;
            }
            if (i >= t.length || !(f[i].equals("+") || f[i].equals(t[i]))) {
                return false;
            }
        }
        return f.length == t.length;
    }

    private record Run(int exit, String output) {
    }

    /**
     * Runs the example with this test's broker host and port (and CA) instead of the doc's. With {@code until}, reads
     * its output until a line satisfies it and then stops it (a subscriber without {@code -C} runs for ever).
     */
    private Run run(DocExamples.Example e, TestPki pki, java.util.function.Predicate<String> until) throws Exception {
        List<String> argv = new ArrayList<>(List.of(MosquittoBroker.require(e.program(), "mosquitto-clients")
                .toString()));
        for (Map.Entry<String, String> o : e.options().entrySet()) {
            argv.add(o.getKey());
            String value = switch (o.getKey()) {
                case "-h" -> "127.0.0.1";
                case "-p" -> String.valueOf(rig.broker().port());
                case "--cafile" -> pki.caFile().toString();
                default -> o.getValue();
            };
            if (!value.isEmpty()) {
                argv.add(value);
            }
        }
        if (!e.has("-p")) {
            argv.addAll(List.of("-p", String.valueOf(rig.broker().port())));
        }
        List<ProcessBuilder> pipeline = new ArrayList<>(List.of(new ProcessBuilder(argv)));
        e.pipe().ifPresent(p -> pipeline.add(new ProcessBuilder(p)));
        pipeline.get(0).redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("stderr.txt").toFile()));
        List<Process> processes = ProcessBuilder.startPipeline(pipeline);
        Process last = processes.get(processes.size() - 1);
        try {
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                StringBuilder out = new StringBuilder();
                try (BufferedReader r = new BufferedReader(new InputStreamReader(last.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        out.append(line).append('\n');
                        if (until != null && until.test(line)) {
                            break;
                        }
                    }
                } catch (IOException stopped) {
                    // the process was stopped: what was read is the output
                }
                return out.toString();
            });
            String out;
            try {
                out = output.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException slow) {
                processes.forEach(Process::destroy);
                out = output.get(5, TimeUnit.SECONDS);
                String err = Files.exists(dir.resolve("stderr.txt")) ? Files.readString(dir.resolve("stderr.txt")) : "";
                return new Run(-1, out + "\n(stopped after " + WAIT + "; stderr: " + err + ")");
            }
            if (until != null) {
                processes.forEach(Process::destroy);
            }
            for (Process p : processes) {
                p.waitFor(10, TimeUnit.SECONDS);
            }
            int exit = until != null ? 0 : processes.stream().mapToInt(Process::exitValue).max().orElse(0);
            String err = Files.exists(dir.resolve("stderr.txt")) ? Files.readString(dir.resolve("stderr.txt")) : "";
            return new Run(exit, exit == 0 ? out : out + "\nstderr: " + err);
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
    }
}
