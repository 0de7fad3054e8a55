package io.pylon4j.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.virtual.VirtualTransportProvider;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server side over real loopback HTTP: method gate, CSP, loopback default, SSE cap, files, JSON. */
class WebViewServerTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private CanTransport can;
    private PylonDriver driver; // never started: the view shows a bank with no data yet, which is enough here
    private PylonWebView view;

    @BeforeEach
    void driver() {
        can = new VirtualTransportProvider().canBus("web-test").newMember();
        driver = PylonDriver.can(can, DriverOptions.builder("web-test").build());
    }

    @AfterEach
    void close() {
        if (view != null) {
            view.close();
        }
        driver.close();
        can.close();
    }

    @Test
    void bindsLoopbackByDefault() {
        view = PylonWebView.start(driver, WebViewOptions.defaults());
        assertTrue(view.address().getAddress().isLoopbackAddress(), view.address().toString());
        assertTrue(view.address().getPort() > 0);
    }

    @Test
    void answersOnlyGetAndHeadWith405ForTheRest() throws Exception {
        view = PylonWebView.start(driver, WebViewOptions.defaults());
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
            HttpResponse<String> r = http.send(request("/api/status").method(method,
                    HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, r.statusCode(), method);
            assertEquals("GET, HEAD", r.headers().firstValue("Allow").orElse(""), method);
        }
        HttpResponse<String> head = http.send(request("/api/status").method("HEAD",
                HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, head.statusCode());
        assertEquals(5, view.counters().methodNotAllowed());
    }

    @Test
    void everyAnswerCarriesAStrictContentSecurityPolicy() throws Exception {
        view = PylonWebView.start(driver, WebViewOptions.defaults());
        for (String path : List.of("/", "/app.js", "/api/status", "/api/history", "/no-such-page")) {
            HttpResponse<String> r = get(path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("default-src 'none'"), path + ": " + csp);
            assertTrue(csp.contains("script-src 'self'"), path + ": " + csp);
            assertFalse(csp.contains("unsafe"), path + ": " + csp);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
        }
        // the page itself has no inline script or style for the policy to forbid
        String page = get("/").body();
        assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)").matcher(page).find(), "inline <script> in the page");
        assertFalse(page.contains("style="), "inline style in the page");
        assertFalse(page.contains("http://") || page.contains("https://"), "the page names another origin");
    }

    @Test
    void servesUplotFromItsWebJar() throws Exception {
        view = PylonWebView.start(driver, WebViewOptions.defaults());
        HttpResponse<String> js = get("/uplot/uPlot.iife.min.js");
        assertEquals(200, js.statusCode());
        assertTrue(js.body().contains("uPlot"), "not uPlot");
        assertTrue(js.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertEquals(200, get("/uplot/uPlot.min.css").statusCode());
        assertEquals(404, get("/uplot/../../module-info.class").statusCode());
        assertEquals(404, get("/io/pylon4j/web/PylonWebView.class").statusCode());
    }

    @Test
    void statusAndHistoryAreJson() throws Exception {
        view = PylonWebView.start(driver, WebViewOptions.defaults().withSamplePeriod(Duration.ofMillis(20)));
        waitFor(() -> view.counters().samples() >= 3);
        String status = get("/api/status").body();
        assertTrue(status.startsWith("{\"status\":{\"bankId\":\"web-test\""), status);
        assertTrue(status.contains("\"counters\":{\"canFrames\":0"), status);
        assertTrue(status.contains("\"web\":{\"requests\":"), status);
        String history = get("/api/history").body();
        assertTrue(history.startsWith("{\"t\":["), history);
        assertTrue(history.contains("\"chargeCurrentLimitAmps\":[0,0,0"), history); // fail-safe: no data, no charge
    }

    @Test
    void capsLivePagesAndAnswersTheNextWith503() throws Exception {
        view = PylonWebView.start(driver, WebViewOptions.defaults().withMaxSseClients(2));
        List<InputStream> streams = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                HttpResponse<InputStream> r = http.send(request("/api/events").build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                assertEquals(200, r.statusCode());
                assertEquals("text/event-stream", r.headers().firstValue("Content-Type").orElse(""));
                streams.add(r.body());
                String first = firstEvent(r.body());
                assertTrue(first.startsWith("retry: 2000\nevent: status\ndata: {\"status\":"), first);
            }
            waitFor(() -> view.counters().sseClients() == 2);
            // the body as a stream: if the cap failed, a 200 stream never ends and the test must fail, not hang
            HttpResponse<InputStream> third = http.send(request("/api/events").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            streams.add(third.body());
            assertEquals(503, third.statusCode());
            assertEquals(1, view.counters().sseClientsRejected());
        } finally {
            for (InputStream s : streams) {
                s.close();
            }
        }
    }

    @Test
    void aPortInUseIsAClearError() {
        view = PylonWebView.start(driver, WebViewOptions.defaults());
        InetSocketAddress taken = new InetSocketAddress(InetAddress.getLoopbackAddress(), view.address().getPort());
        var e = org.junit.jupiter.api.Assertions.assertThrows(java.io.UncheckedIOException.class,
                () -> PylonWebView.start(driver, taken));
        assertTrue(e.getMessage().startsWith("cannot serve the web view on "), e.getMessage());
    }

    private static String firstEvent(InputStream in) throws Exception {
        StringBuilder text = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            text.append((char) c);
            if (text.indexOf("\n\n", text.indexOf("data:")) > 0 && text.indexOf("data:") >= 0) {
                break;
            }
        }
        return new String(text.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(view.url()).resolve(path)).timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not reached within 10 s");
            Thread.sleep(10);
        }
    }
}
