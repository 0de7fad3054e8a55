/**
 * A live web view of a driver, for an installer's phone or an EMS's own page: {@link io.pylon4j.web.PylonWebView}
 * (start, address, counters, close), its {@link io.pylon4j.web.WebViewOptions} and
 * {@link io.pylon4j.web.WebViewCounters}. Endpoints, security defaults and embedding: {@code docs/web.md}.
 */
package io.pylon4j.web;
