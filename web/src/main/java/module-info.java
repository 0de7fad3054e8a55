/**
 * A live, read-only web view of one {@link io.pylon4j.driver.PylonDriver}: {@link io.pylon4j.web.PylonWebView}
 * serves a page (bank state, limits with provenance, plots, modules, alarms, counters) and JSON endpoints on the
 * JDK's HTTP server, with live updates as Server-Sent Events. Loopback and GET/HEAD only unless told otherwise.
 */
module io.pylon4j.web {
    requires transitive io.pylon4j.driver;
    requires jdk.httpserver;

    exports io.pylon4j.web;
}
