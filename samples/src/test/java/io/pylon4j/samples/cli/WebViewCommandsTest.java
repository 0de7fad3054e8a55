package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.transport.Transports;
import io.pylon4j.transport.replay.ReplayTransportProvider;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code pylon demo --http} and {@code pylon monitor --http}, run in-process: the page's JSON is served while the
 * command runs, on loopback by default, read-only, and the command still ends after {@code --seconds}.
 */
class WebViewCommandsTest {

    private static final Pattern URL = Pattern.compile("# web view: (http://\\S+/)");

    @TempDir
    Path dir;

    @Test
    void demoServesTheWebViewOnLoopbackWhileItRuns() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> new CommandLine(new DemoCommand())
                .setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute("--http", "0", "--seconds", "3"));
        String url = awaitUrl(out, status);
        assertThat(url).startsWith("http://127.0.0.1:");
        String json = get(url + "api/status", "GET");
        assertThat(json).startsWith("{\"status\":{\"bankId\":\"demo-bank\"").contains("\"counters\":");
        assertThat(get(url + "api/status", "POST")).isEqualTo("405");
        // the page's checks judge the demo's bank against what the demo knows of it, 4 US3000C, with an empty form
        assertThat(get(url + "api/commissioning", "GET")).startsWith("{\"expectations\":{\"modules\":4,"
                + "\"groups\":1,\"moduleChargeAmps\":37.0,\"newModules\":[]},");
        assertThat(status.get(60, TimeUnit.SECONDS)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("runs 3 s (--seconds)");
    }

    @Test
    void monitorServesTheWebViewAndStopsAfterSeconds() throws Exception {
        Path capture = dir.resolve("us5000.log");
        try (InputStream in = WebViewCommandsTest.class.getResourceAsStream(DemoCommand.CAPTURE)) {
            Files.write(capture, in.readAllBytes());
        }
        MonitorCommand command = new MonitorCommand();
        command.transports = new Transports(List.of(new ReplayTransportProvider()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> new CommandLine(command)
                .setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("--can", "replay:" + capture + "?pace=fast", "--plain", "--http", "127.0.0.1:0",
                        "--seconds", "2"));
        String url = awaitUrl(out, status);
        assertThat(get(url + "api/history", "GET")).startsWith("{\"t\":[");
        assertThat(status.get(60, TimeUnit.SECONDS)).as(err.toString()).isZero();
    }

    @Test
    void httpTakesAPortOrAHostAndPort() {
        CommandLine cli = new CommandLine(new DemoCommand());
        InetSocketAddress port = HttpAddress.parse(cli, "8080");
        assertThat(port.getAddress().isLoopbackAddress()).isTrue();
        assertThat(port.getPort()).isEqualTo(8080);
        assertThat(HttpAddress.parse(cli, "0.0.0.0:80").getAddress().isAnyLocalAddress()).isTrue();
        assertThat(HttpAddress.parse(cli, "[::1]:9").getAddress().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
        assertThatThrownBy(() -> HttpAddress.parse(cli, "localhost:http"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("[HOST:]PORT");
        assertThatThrownBy(() -> HttpAddress.parse(cli, "70000"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("0-65535");
    }

    /** Waits for the command's "# web view: URL" line. */
    private static String awaitUrl(StringWriter out, CompletableFuture<Integer> status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Matcher m = URL.matcher(out.toString());
            if (m.find()) {
                return m.group(1);
            }
            assertThat(status).as("the command ended without serving: " + out).isNotDone();
            Thread.sleep(20);
        }
        throw new AssertionError("no '# web view:' line within 30 s: " + out);
    }

    /** The body of a 200, or the status code as text. */
    private static String get(String url, String method) throws Exception {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(5000);
        c.setReadTimeout(10000);
        try {
            if (c.getResponseCode() != 200) {
                return String.valueOf(c.getResponseCode());
            }
            try (InputStream in = c.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            c.disconnect();
        }
    }
}
