package io.pylon4j.samples.cli;

import io.pylon4j.driver.PylonDriver;
import io.pylon4j.driver.commission.Expectations;
import io.pylon4j.web.PylonWebView;
import io.pylon4j.web.WebViewOptions;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import picocli.CommandLine;

/**
 * The {@code --http [HOST:]PORT} option of {@code pylon demo} and {@code pylon monitor}: where the web view listens
 * ({@code docs/web.md}). Without a host it is loopback only; {@code 0.0.0.0:8080} (or {@code [::]:8080}) exposes the
 * read-only page to the network, which the user must ask for.
 */
final class HttpAddress {

    private HttpAddress() {
    }

    /** Parses {@code [HOST:]PORT}; {@code [v6]:PORT} for an IPv6 host. */
    static InetSocketAddress parse(CommandLine cli, String value) {
        int colon = value.lastIndexOf(':');
        String host = colon < 0 ? null : value.substring(0, colon);
        String port = value.substring(colon + 1);
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            p = -1;
        }
        if (p < 0 || p > 65535) {
            throw new CommandLine.ParameterException(cli, "--http wants [HOST:]PORT with a port 0-65535, not '"
                    + value + "'");
        }
        if (host == null || host.isEmpty()) {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), p);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), p);
        } catch (UnknownHostException e) {
            throw new CommandLine.ParameterException(cli, "--http: unknown host '" + host + "'");
        }
    }

    /** Starts the view of {@code driver} on {@code value} and says where it is; a port in use is a clear error. */
    static PylonWebView serve(CommandLine cli, String value, PylonDriver driver, PrintWriter out) {
        return serve(cli, value, driver, out, Expectations.NONE);
    }

    /** As above, with the installer's expectations the page's commissioning checks use when its form is empty. */
    static PylonWebView serve(CommandLine cli, String value, PylonDriver driver, PrintWriter out,
                              Expectations expected) {
        InetSocketAddress address = parse(cli, value);
        try {
            PylonWebView view = PylonWebView.start(driver, WebViewOptions.defaults().withAddress(address)
                    .withExpectations(expected));
            out.println("# web view: " + view.url() + (address.getAddress().isLoopbackAddress() ? ""
                    : " (reachable from the network: read-only)"));
            out.flush();
            return view;
        } catch (UncheckedIOException e) {
            throw new CommandLine.ParameterException(cli, "--http " + value + ": " + e.getMessage(), e);
        }
    }
}
