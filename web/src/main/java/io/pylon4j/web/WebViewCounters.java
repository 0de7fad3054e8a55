package io.pylon4j.web;

/**
 * What a {@link PylonWebView} served and refused, for its own page and for monitoring: nothing is refused or dropped
 * without being counted here.
 *
 * @param requests            HTTP requests answered (every status)
 * @param methodNotAllowed    requests refused with 405 (anything but GET and HEAD: the view is read-only)
 * @param notFound            requests for a path the view does not serve (404)
 * @param sseClients          live pages connected now
 * @param sseClientsRejected  live pages refused with 503 because {@link WebViewOptions#maxSseClients()} were connected
 * @param sseClientsDropped   live pages dropped because their queue was full (a page, or its network, too slow)
 * @param requestsShed        requests the view's threads could not take (its bounded queue was full); the connection
 *                            is closed unanswered
 * @param samples             status samples taken since the view started
 * @param canFramesOverwritten bank CAN frames the single-CAN-master check's one-minute window let go early because it
 *                            was full (a device flooding the bus); 0 on a healthy bus and for an RS485 bank
 * @param badRequests         requests refused with 400: commissioning expectations the view does not take (an
 *                            unknown or repeated parameter, a number out of range)
 */
public record WebViewCounters(long requests, long methodNotAllowed, long notFound, int sseClients,
                              long sseClientsRejected, long sseClientsDropped, long requestsShed, long samples,
                              long canFramesOverwritten, long badRequests) {
}
