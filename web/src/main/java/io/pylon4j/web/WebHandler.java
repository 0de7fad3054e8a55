package io.pylon4j.web;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.pylon4j.driver.commission.Expectations;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Every path the view serves, behind one gate: GET and HEAD only (405 otherwise: nothing can be commanded), a strict
 * Content-Security-Policy and no-sniff on every answer, static files from this jar and uPlot's WebJar, JSON from
 * the view, and the live stream handed to {@link SseHub}.
 */
final class WebHandler implements HttpHandler {

    /**
     * No inline script or style, nothing from another origin, no framing, no forms: the page's own files and its
     * own endpoints only, so a page served on a plant network cannot be made to load or send anything elsewhere.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /** uPlot's files inside its WebJar ({@code org.webjars.npm:uplot}). */
    static final String UPLOT_DIR = "META-INF/resources/webjars/uplot/1.6.30/";

    private static final String STATIC_DIR = "io/pylon4j/web/static/";

    /** Path → resource, content type. */
    private static final Map<String, String[]> FILES = Map.of(
            "/", new String[] {STATIC_DIR + "index.html", "text/html; charset=utf-8"},
            "/index.html", new String[] {STATIC_DIR + "index.html", "text/html; charset=utf-8"},
            "/app.js", new String[] {STATIC_DIR + "app.js", "text/javascript; charset=utf-8"},
            "/app.css", new String[] {STATIC_DIR + "app.css", "text/css; charset=utf-8"},
            "/uplot/uPlot.iife.min.js", new String[] {UPLOT_DIR + "dist/uPlot.iife.min.js",
                    "text/javascript; charset=utf-8"},
            "/uplot/uPlot.min.css", new String[] {UPLOT_DIR + "dist/uPlot.min.css", "text/css; charset=utf-8"},
            "/uplot/LICENSE", new String[] {UPLOT_DIR + "LICENSE", "text/plain; charset=utf-8"},
            "/favicon.svg", new String[] {STATIC_DIR + "favicon.svg", "image/svg+xml"});

    /** How long a quiet stream waits before a keep-alive comment (which also finds a page that went away). */
    private static final long KEEP_ALIVE_MILLIS = 15_000;

    /** The JSON documents and the stream's first message, from the view. */
    interface Source {
        String statusJson();

        String historyJson();

        /** The commissioning report judged with {@code expected}; evaluates, never changes anything. */
        String commissioningJson(Expectations expected);
    }

    private final Source source;
    private final SseHub hub;
    private final Expectations defaultExpectations;
    final AtomicLong requests = new AtomicLong();
    final AtomicLong methodNotAllowed = new AtomicLong();
    final AtomicLong notFound = new AtomicLong();
    final AtomicLong badRequests = new AtomicLong();

    WebHandler(Source source, SseHub hub, Expectations defaultExpectations) {
        this.source = source;
        this.hub = hub;
        this.defaultExpectations = defaultExpectations;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            Headers h = exchange.getResponseHeaders();
            h.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            h.set("X-Content-Type-Options", "nosniff");
            h.set("Referrer-Policy", "no-referrer");
            h.set("X-Frame-Options", "DENY");
            String method = exchange.getRequestMethod();
            boolean head = "HEAD".equals(method);
            if (!head && !"GET".equals(method)) {
                methodNotAllowed.incrementAndGet();
                h.set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8",
                        bytes("405 " + method + " not allowed: this view is read-only (GET, HEAD)\n"), false);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/api/status" -> json(exchange, source::statusJson, head);
                case "/api/history" -> json(exchange, source::historyJson, head);
                case "/api/commissioning" -> commissioning(exchange, head);
                case "/api/events" -> events(exchange, head);
                default -> file(exchange, path, head);
            }
        }
    }

    private void json(HttpExchange exchange, Supplier<String> body, boolean head) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, 200, "application/json", bytes(body.get()), head);
    }

    /** The checks with the expectations the query gives (over the view's defaults); a bad query is a 400. */
    private void commissioning(HttpExchange exchange, boolean head) throws IOException {
        Expectations expected;
        try {
            expected = CommissioningQuery.parse(exchange.getRequestURI().getRawQuery(), defaultExpectations);
        } catch (CommissioningQuery.BadQuery e) {
            badRequests.incrementAndGet();
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            send(exchange, 400, "text/plain; charset=utf-8", bytes("400 " + e.getMessage() + "\n"), head);
            return;
        }
        json(exchange, () -> source.commissioningJson(expected), head);
    }

    private void file(HttpExchange exchange, String path, boolean head) throws IOException {
        String[] file = FILES.get(path);
        byte[] body = file == null ? null : resource(file[0]);
        if (body == null) {
            notFound.incrementAndGet();
            send(exchange, 404, "text/plain; charset=utf-8", bytes("404 no such page: " + path + "\n"), head);
            return;
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        send(exchange, 200, file[1], body, head);
    }

    /** Serves one live stream until the page goes, the client is dropped or the view closes. */
    private void events(HttpExchange exchange, boolean head) throws IOException {
        Headers h = exchange.getResponseHeaders();
        h.set("Cache-Control", "no-store");
        if (head) {
            send(exchange, 200, "text/event-stream", new byte[0], true);
            return;
        }
        Optional<SseHub.Client> registered = hub.register();
        if (registered.isEmpty()) {
            h.set("Retry-After", "10");
            send(exchange, 503, "text/plain; charset=utf-8",
                    bytes("503 too many live pages connected; try again later\n"), false);
            return;
        }
        SseHub.Client client = registered.get();
        try {
            h.set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0); // chunked: one chunk per message
            OutputStream out = exchange.getResponseBody();
            // retry: the browser reconnects 2 s after a dropped stream; the first message is the status now
            write(out, "retry: 2000\n" + SseHub.message("status", source.statusJson()));
            while (true) {
                Optional<String> next = client.next(KEEP_ALIVE_MILLIS);
                if (next.isEmpty()) {
                    break;
                }
                write(out, next.get().isEmpty() ? ": keep-alive\n\n" : next.get());
            }
        } catch (IOException gone) {
            // the page went away (tab closed, network lost): nothing to tell it
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        } finally {
            hub.remove(client);
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(bytes(text));
        out.flush();
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body, boolean head)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        if (head) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = WebHandler.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
