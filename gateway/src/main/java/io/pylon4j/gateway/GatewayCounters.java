package io.pylon4j.gateway;

/**
 * What a {@link CanGateway} has done since it started: one consistent snapshot.
 *
 * @param cycles           cycles run
 * @param cyclesForwarded  cycles that sent the source's values
 * @param cyclesFailSafe   cycles that sent the fail-safe values
 * @param cyclesWithheld   cycles that sent nothing (waiting for data, or silent)
 * @param framesSent       frames handed to the transport
 * @param sendFailures     frames the transport refused (the link is down: counted, retried next cycle)
 * @param sourceFailures   cycles whose source threw (counted as a stale source, never a crash)
 * @param keepAlivesSeen   keep-alive frames received from the inverter
 * @param keepAliveLosses  times the keep-alive was declared lost
 * @param cyclesSkipped    runs left out because they came less than half a cycle after the previous one: a scheduler
 *                         catching up after a stall would otherwise send sets back to back (SMA forbids less than
 *                         200 ms between them, docs/protocol.md §1.5)
 */
public record GatewayCounters(long cycles, long cyclesForwarded, long cyclesFailSafe, long cyclesWithheld,
                              long framesSent, long sendFailures, long sourceFailures, long keepAlivesSeen,
                              long keepAliveLosses, long cyclesSkipped) {
}
