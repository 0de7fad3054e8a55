/**
 * A simulated Pylontech low-voltage bank, battery side: {@link io.pylon4j.simulator.SimulatedBank} holds groups of
 * modules made from a {@link io.pylon4j.simulator.ModulePreset}, advances them through simulated time under a
 * {@link io.pylon4j.simulator.LoadProfile}, and publishes immutable {@link io.pylon4j.simulator.BankSnapshot}s with
 * what the master reports on CAN and every module's {@link io.pylon4j.simulator.ModuleSnapshot} for RS485.
 *
 * <p>The model holds plain values: SI units in method names, wire-friendly integers (mV, mAh, 0.1 A, 0.1 °C) in the
 * snapshots; current limits are magnitudes. It knows no codec types: the protocol front ends translate. It reads no
 * wall clock and draws randomness only from an injected, seeded generator, so every run is reproducible. Faults are
 * switched by explicit calls ({@link io.pylon4j.simulator.SimulatedBank}, {@link io.pylon4j.simulator.FaultSettings}).
 *
 * <h2>What the front ends read</h2>
 * <table>
 *   <caption>Messages and the snapshot values they carry</caption>
 *   <tr><th>message</th><th>from</th><th>conversion</th></tr>
 *   <tr><td>CAN 0x351</td><td>{@code BankSnapshot.limits()}; a second source from
 *       {@code FaultSettings.secondMaster()}</td><td>CVL mV → 0.1 V truncated (53250 → 532), DVL rounded up (44950 → 450); currents 0.1 A,
 *       DCL positive, saturated to the s16 range</td></tr>
 *   <tr><td>CAN 0x355</td><td>{@code stateOfChargePercent()}, {@code stateOfHealthPercent()}</td><td>1 %</td></tr>
 *   <tr><td>CAN 0x356</td><td>{@code voltageMillivolts()}, {@code currentDeciAmps()},
 *       {@code averageTemperatureDeciCelsius()}</td><td>voltage mV → 0.01 V, to the nearest</td></tr>
 *   <tr><td>CAN 0x359</td><td>{@code protections()}, {@code alarms()} ({@code canByte()}, {@code canBit()}),
 *       {@code modulesOnline()}</td><td>then 'P', 'N'</td></tr>
 *   <tr><td>CAN 0x35C</td><td>{@code requests().toByte()}</td><td>byte 1 = 0</td></tr>
 *   <tr><td>RS485 0x42</td><td>per {@link io.pylon4j.simulator.ModuleSnapshot}: cells, temperatures, current,
 *       voltage, remaining/total capacity, cycles</td><td>temperatures + 2731 (0.1 K); capacity fields by the
 *       65 Ah rule of docs/protocol.md §2.5.3</td></tr>
 *   <tr><td>RS485 0x44</td><td>{@code limitStates()}, {@code protections()}, MOSFET flags,
 *       {@code effectiveChargeCurrent()}, {@code effectiveDischargeCurrent()}, {@code fullyCharged()}</td>
 *       <td>state codes via {@code LimitState.code()}</td></tr>
 *   <tr><td>RS485 0x47</td><td>{@code BankSnapshot.preset().systemParameters()}</td><td>temperatures + 2731,
 *       discharge current negated</td></tr>
 *   <tr><td>RS485 0x92</td><td>{@code ModuleSnapshot.limits()}, {@code ModuleSnapshot.requests().toByte()}</td>
 *       <td>DCL negated</td></tr>
 * </table>
 * Offline modules ({@code online() == false}) should not answer; {@code FaultSettings} says whether to send at all,
 * at which baud rate, with what checksum, noise and delay.
 *
 * <h2>Front ends</h2>
 * The CAN and RS485 front ends that put this model on the wire, with the wire faults, are in
 * {@code io.pylon4j.simulator.frontend}; this package stays free of codec and transport types.
 *
 * <p>Threading: a bank may be changed and read from any thread; readers get immutable snapshots without locking.
 */
package io.pylon4j.simulator;
