/**
 * The gateway toward an inverter ({@code docs/gateway.md}).
 *
 * <table>
 *   <caption>what does what</caption>
 *   <tr><th>type</th><th>job</th><th>threads</th></tr>
 *   <tr><td>{@link io.pylon4j.gateway.BankSource}</td><td>what the gateway presents: a {@link
 *       io.pylon4j.gateway.BankView} each cycle ({@link io.pylon4j.gateway.DriverBankSource}, {@link
 *       io.pylon4j.gateway.CombinedBankSource}, {@link io.pylon4j.gateway.PushedBankSource})</td><td>none</td></tr>
 *   <tr><td>{@link io.pylon4j.gateway.BankCombiner}</td><td>several banks as one, by documented, conservative
 *       rules</td><td>none (pure)</td></tr>
 *   <tr><td>{@link io.pylon4j.gateway.SafetyGate}</td><td>what may be sent this cycle: nothing, the source's values,
 *       or the fail-safe values</td><td>none (pure)</td></tr>
 *   <tr><td>{@link io.pylon4j.gateway.KeepAliveWatch}</td><td>whether the inverter's keep-alive still
 *       arrives</td><td>none (pure)</td></tr>
 *   <tr><td>{@link io.pylon4j.gateway.CanFrameSetEncoder}</td><td>a view to a profile's CAN frames</td><td>none
 *       (pure)</td></tr>
 *   <tr><td>{@link io.pylon4j.gateway.CanGateway}</td><td>wires them to a CAN transport and a
 *       scheduler</td><td>the caller's {@link io.pylon4j.transport.time.Scheduler}</td></tr>
 * </table>
 *
 * <p>Every age and timeout is measured on the injected {@link io.pylon4j.transport.time.TimeSource}'s monotonic
 * reading.
 */
package io.pylon4j.gateway;
