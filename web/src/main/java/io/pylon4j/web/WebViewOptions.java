package io.pylon4j.web;

import io.pylon4j.driver.commission.Expectations;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link PylonWebView} listens and how much it may hold. Every bound is a count, so the memory a view uses is
 * fixed however many browsers connect: at most {@code maxSseClients} live pages, each with at most
 * {@code clientQueueMessages} updates waiting (a page that reads slower is dropped and counted), and a history of
 * {@code historySamples} samples taken every {@code samplePeriod}.
 *
 * @param address             where to listen; {@link #defaults()} is the loopback address, port 0 (any free port)
 * @param maxSseClients       live pages ({@code /api/events}) served at once, ≥ 1; one more is answered 503
 * @param clientQueueMessages updates queued for one page before it counts as too slow and is dropped, ≥ 1
 * @param historySamples      samples kept for the plots ({@code /api/history}), ≥ 1; 3,600 at 1 s is the last hour
 * @param samplePeriod        how often the status is sampled and pushed to the pages, ≥ 10 ms
 * @param expectations        what the installer expects of the bank, for the commissioning checks run from the page
 *                            when its form leaves a value out; {@link Expectations#NONE} in {@link #defaults()}
 */
public record WebViewOptions(InetSocketAddress address, int maxSseClients, int clientQueueMessages,
                             int historySamples, Duration samplePeriod,
                             Expectations expectations) {

    /**
     * Checks every bound.
     *
     * @param address             where to listen
     * @param maxSseClients       live pages served at once, ≥ 1
     * @param clientQueueMessages updates queued for one page before it is dropped, ≥ 1
     * @param historySamples      samples kept for the plots, ≥ 1
     * @param samplePeriod        how often the status is sampled and pushed, ≥ 10 ms
     * @param expectations        the commissioning checks' default expectations
     * @throws IllegalArgumentException if a bound is out of range
     */
    public WebViewOptions {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(samplePeriod, "samplePeriod");
        Objects.requireNonNull(expectations, "expectations");
        if (maxSseClients < 1 || clientQueueMessages < 1 || historySamples < 1) {
            throw new IllegalArgumentException("maxSseClients, clientQueueMessages and historySamples must be ≥ 1: "
                    + maxSseClients + ", " + clientQueueMessages + ", " + historySamples);
        }
        if (samplePeriod.toMillis() < 10) {
            throw new IllegalArgumentException("samplePeriod must be at least 10 ms, not " + samplePeriod);
        }
    }

    /**
     * Loopback on any free port, 8 live pages, 16 queued updates each, the last hour at one sample a second, no
     * expectations.
     *
     * @return the defaults
     */
    public static WebViewOptions defaults() {
        return new WebViewOptions(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8, 16, 3600,
                Duration.ofSeconds(1), Expectations.NONE);
    }

    /**
     * These options listening on {@code value} instead.
     *
     * @param value where to listen (a non-loopback address exposes the view to the network)
     * @return the changed options
     */
    public WebViewOptions withAddress(InetSocketAddress value) {
        return new WebViewOptions(value, maxSseClients, clientQueueMessages, historySamples, samplePeriod,
                expectations);
    }

    /**
     * These options with another cap on live pages.
     *
     * @param value live pages served at once, ≥ 1
     * @return the changed options
     */
    public WebViewOptions withMaxSseClients(int value) {
        return new WebViewOptions(address, value, clientQueueMessages, historySamples, samplePeriod, expectations);
    }

    /**
     * These options with another per-page queue bound.
     *
     * @param value updates queued for one page before it is dropped, ≥ 1
     * @return the changed options
     */
    public WebViewOptions withClientQueueMessages(int value) {
        return new WebViewOptions(address, maxSseClients, value, historySamples, samplePeriod, expectations);
    }

    /**
     * These options with another history length.
     *
     * @param value samples kept, ≥ 1
     * @return the changed options
     */
    public WebViewOptions withHistorySamples(int value) {
        return new WebViewOptions(address, maxSseClients, clientQueueMessages, value, samplePeriod, expectations);
    }

    /**
     * These options with another sample period.
     *
     * @param value how often the status is sampled and pushed, ≥ 10 ms
     * @return the changed options
     */
    public WebViewOptions withSamplePeriod(Duration value) {
        return new WebViewOptions(address, maxSseClients, clientQueueMessages, historySamples, value, expectations);
    }

    /**
     * These options with the installer's expectations for the commissioning checks run from the page (the page's
     * form replaces them one value at a time, for one request).
     *
     * @param value what the installer expects: module count, groups, module type's current figure, new modules
     * @return the changed options
     */
    public WebViewOptions withExpectations(Expectations value) {
        return new WebViewOptions(address, maxSseClients, clientQueueMessages, historySamples, samplePeriod, value);
    }
}
