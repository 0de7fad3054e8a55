/**
 * A live, read-only web view of one {@link io.pylon4j.driver.PylonDriver}: {@link io.pylon4j.web.PylonWebView}
 * serves a page (bank state, limits with provenance, plots, modules, alarms, counters) and JSON endpoints on the
 * JDK's HTTP server, with live updates as Server-Sent Events. Loopback and GET/HEAD only unless told otherwise.
 */
module io.pylon4j.web {
    requires transitive io.pylon4j.driver;
    requires jdk.httpserver;
    // uPlot's WebJar (org.webjars.npm:uplot), whose files the page serves: required so that on the module path it is
    // resolved with this module, with no --add-modules. It is an automatic module named after its jar, uplot-1.6.30.jar
    // (it declares no Automatic-Module-Name); WebModulePathTest pins the name. It has no packages: nothing is read.
    requires uplot;

    exports io.pylon4j.web;
}
