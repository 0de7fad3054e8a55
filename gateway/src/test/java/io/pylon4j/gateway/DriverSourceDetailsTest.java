package io.pylon4j.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pylon4j.can.CanFrame;
import io.pylon4j.can.CanMessage;
import io.pylon4j.can.CellExtremes;
import io.pylon4j.can.MaxCellTemperatureId;
import io.pylon4j.can.MaxCellVoltageId;
import io.pylon4j.can.MinCellTemperatureId;
import io.pylon4j.can.MinCellVoltageId;
import io.pylon4j.can.PylonCanCodec;
import io.pylon4j.can.SerialNumberPart1;
import io.pylon4j.can.SerialNumberPart2;
import io.pylon4j.can.TextMessage;
import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.InverterProfile;
import io.pylon4j.driver.Limits;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.simulator.ModuleSnapshot;
import io.pylon4j.testing.ManualScheduler;
import io.pylon4j.transport.CanTransport;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Per-module and per-cell data from a driver source: the real simulator's RS485 side, read by a real RS485 driver
 * ({@link Rs485SourceRig}), presented by a Victron gateway on an in-memory CAN bus to a second real driver (the
 * inverter's ears) and a tap. The detail frames carry the simulated modules' own cells, and nothing the source does
 * not have.
 */
class DriverSourceDetailsTest {

    private static final PylonCanCodec CODEC = PylonCanCodec.standard();

    @Test
    void aVictronGatewayReadingAnRs485DriverSendsItsModulesCellExtremesNamesAndSerial() throws Exception {
        try (Rs485SourceRig rig = Rs485SourceRig.standalone()) {
            ManualScheduler gatewayTime = new ManualScheduler(rig.clock);
            CanTransport gatewaySide = rig.buses.canBus("inverter").newMember();
            CanTransport tap = rig.buses.canBus("inverter").newMember();
            List<CanFrame> tapped = new CopyOnWriteArrayList<>();
            tap.addFrameListener((f, t) -> tapped.add(f));
            PylonDriver ears = PylonDriver.can(rig.buses.canBus("inverter").newMember(), DriverOptions
                    .builder("ears").profile(InverterProfile.GENERIC_PYLON).time(rig.clock).scheduler(rig.driverTime)
                    .eventExecutor(Runnable::run).build());
            gatewaySide.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
            tap.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
            ears.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
            DriverBankSource source = new DriverBankSource(rig.driver, 100);
            try (CanGateway gateway = CanGateway.builder(source, gatewaySide, GatewayProfile.VICTRON)
                    .scheduler(gatewayTime).time(rig.clock).build()) {
                gateway.start();
                for (int i = 0; i < 3; i++) {
                    rig.pollCycle();
                    gatewayTime.advance(Duration.ofSeconds(1));
                    Rs485SourceRig.await(() -> tapped.size() >= gateway.counters().framesSent()
                            && ears.counters().canFrames() >= gateway.counters().framesSent(), "the gateway's frames");
                }
                assertThat(gateway.state()).isEqualTo(GatewayState.FORWARDING);
            } finally {
                ears.close();
                gatewaySide.close();
                tap.close();
            }

            List<ModuleSnapshot> modules = rig.bank.snapshot().modules();
            Expected e = Expected.of(modules);
            CellExtremes cells = (CellExtremes) newest(tapped, CellExtremes.ID).orElseThrow();
            assertThat(cells.minCellVoltageMilliVolts()).isEqualTo(e.minMillivolts);
            assertThat(cells.maxCellVoltageMilliVolts()).isEqualTo(e.maxMillivolts);
            assertThat(cells.minCellTemperatureKelvin()).isEqualTo(e.minKelvin);
            assertThat(cells.maxCellTemperatureKelvin()).isEqualTo(e.maxKelvin);
            assertThat(text(tapped, MinCellVoltageId.ID)).isEqualTo(e.minVoltageName);
            assertThat(text(tapped, MaxCellVoltageId.ID)).isEqualTo(e.maxVoltageName);
            assertThat(text(tapped, MinCellTemperatureId.ID)).isEqualTo(e.minTemperatureName);
            assertThat(text(tapped, MaxCellTemperatureId.ID)).isEqualTo(e.maxTemperatureName);
            String serial = masterSerial(rig);
            assertThat(text(tapped, SerialNumberPart1.ID) + text(tapped, SerialNumberPart2.ID)).isEqualTo(serial);
            Limits published = rig.driver.status().publishedLimits().asLimits();
            assertThat(ears.status().batteryLimits()).hasValueSatisfying(l ->
                    assertThat(l.chargeCurrentLimitAmps()).isEqualTo(published.chargeCurrentLimitAmps()));
        }
    }

    @Test
    void aModuleWhoseDetailsAreOlderThanTheMaximumAgeIsLeftOutWithItsCellsAndSerial() throws Exception {
        try (Rs485SourceRig rig = Rs485SourceRig.standalone()) {
            DriverBankSource source = new DriverBankSource(rig.driver, 100, Duration.ofSeconds(5));
            rig.pollCycle();
            BankView young = source.view();
            assertThat(young.details().modules()).containsOnlyKeys(2, 3, 4, 5);
            assertThat(young.details().moduleAges().values()).allMatch(a -> a.compareTo(Duration.ofSeconds(1)) <= 0);
            assertThat(young.details().bankInfo()).isPresent();
            assertThat(young.cells()).isPresent();
            assertThat(young.serialNumber()).isPresent();

            rig.bank.updateFaults(f -> f.withCommunicationLost(true));
            for (int i = 0; i < 6; i++) {
                rig.pollCycle();
            }

            BankView old = source.view();
            assertThat(old.details().modules()).isEmpty();
            assertThat(old.cells()).isEmpty();
            assertThat(old.serialNumber()).isEmpty();
        }
    }

    @Test
    void aCanDriverSourceHasNoModuleDetailsSoAVictronGatewaySendsNoDetailFrames() throws Exception {
        try (GatewayRig rig = new GatewayRig(1, GatewayProfile.VICTRON, false)) {
            rig.seconds(3);

            assertThat(rig.gateway.state()).isEqualTo(GatewayState.FORWARDING);
            for (int id = CellExtremes.ID; id <= SerialNumberPart2.ID; id++) {
                if (id <= MaxCellTemperatureId.ID || id >= SerialNumberPart1.ID) {
                    assertThat(rig.tapped(id)).as("0x%03X", id).isEmpty();
                }
            }
        }
    }

    @Test
    void anRs485DriverSourceAnswers0x60AsTheBankItselfDoesAndRefusesItWhenTheBankStopsAnswering() throws Exception {
        try (Rs485SourceRig rig = Rs485SourceRig.standalone()) {
            for (int i = 0; i < 3; i++) {
                rig.pollCycle();
            }
            io.pylon4j.rs485.SystemBasicInfoRequest request = new io.pylon4j.rs485.SystemBasicInfoRequest(2);
            // what the simulated bank itself answers to 0x60, decoded by pylon4j's codec
            var own = (io.pylon4j.rs485.SystemBasicInfo) io.pylon4j.rs485.Rs485Codec.decodeResponse(request,
                    new io.pylon4j.simulator.frontend.Rs485Responder().respond(request.toFrame(), rig.bank.snapshot())
                            .orElseThrow());
            Rs485ViewResponder responder = new Rs485ViewResponder();
            DriverBankSource source = new DriverBankSource(rig.driver, 100, Duration.ofSeconds(5));

            var answered = (io.pylon4j.rs485.SystemBasicInfo) io.pylon4j.rs485.Rs485Codec.decodeResponse(request,
                    responder.respond(request.toFrame(), source.view()).orElseThrow());
            assertThat(answered).isEqualTo(own);
            assertThat(answered.moduleCount()).isEqualTo(4);
            assertThat(answered.serialNumbers().get(0)).isEqualTo(masterSerial(rig));

            // the bank stops answering: once the modules' details are older than 5 s, 0x60 is refused, not repeated
            rig.bank.updateFaults(f -> f.withCommunicationLost(true));
            for (int i = 0; i < 6; i++) {
                rig.pollCycle();
            }
            BankView later = source.view();
            assertThat(later.details().modules()).isEmpty();
            assertThat(later.details().bankInfo()).as("the identity itself is kept").isPresent();
            assertThat(responder.respond(request.toFrame(), later).orElseThrow().cid2OrRtn()).isEqualTo(0x91);
        }
    }

    @Test
    void anRs485DriverSourceIsRefused0x61With04AndWithAnApplicationsExtrasAnswersTheBanksOwnExtremes()
            throws Exception {
        try (Rs485SourceRig rig = Rs485SourceRig.standalone()) {
            for (int i = 0; i < 3; i++) {
                rig.pollCycle();
            }
            io.pylon4j.rs485.SystemAnalogRequest request = new io.pylon4j.rs485.SystemAnalogRequest(2);
            Rs485ViewResponder responder = new Rs485ViewResponder();
            BankView v = new DriverBankSource(rig.driver, 100, Duration.ofSeconds(5)).view();
            assertThat(v.details().modules()).hasSize(v.modules());
            assertThat(responder.respond(request.toFrame(), v).orElseThrow().cid2OrRtn())
                    .as("complete fresh details, but no SOH, MOSFET or BMS temperatures").isEqualTo(0x04);

            // the simulated bank's own 0x61, decoded by pylon4j's codec
            var own = (io.pylon4j.rs485.SystemAnalog) io.pylon4j.rs485.Rs485Codec.decodeResponse(request,
                    new io.pylon4j.simulator.frontend.Rs485Responder().respond(request.toFrame(), rig.bank.snapshot())
                            .orElseThrow());
            SystemAnalogExtras.Sensor s = new SystemAnalogExtras.Sensor(30, 1, 1);
            BankView extended = v.withDetails(v.details().withSystemAnalog(
                    new SystemAnalogExtras(own.averageStateOfHealthPercent(), own.minimumStateOfHealthPercent(),
                            30, s, s, 30, s, s)));
            var answered = (io.pylon4j.rs485.SystemAnalog) io.pylon4j.rs485.Rs485Codec.decodeResponse(request,
                    responder.respond(request.toFrame(), extended).orElseThrow());
            assertThat(answered.maximumCellVoltage()).isEqualTo(own.maximumCellVoltage());
            assertThat(answered.minimumCellVoltage()).isEqualTo(own.minimumCellVoltage());
            assertThat(answered.maximumCellTemperature()).isEqualTo(own.maximumCellTemperature());
            assertThat(answered.minimumCellTemperature()).isEqualTo(own.minimumCellTemperature());
            assertThat(answered.averageCycles()).isEqualTo(own.averageCycles());
            assertThat(answered.maximumCycles()).isEqualTo(own.maximumCycles());
            assertThat(answered.stateOfChargePercent()).isCloseTo(own.stateOfChargePercent(), within(1));
            assertThat(answered.voltageMilliVolts()).isCloseTo(own.voltageMilliVolts(), within(50));
            assertThat(answered.currentCentiAmps()).isCloseTo(own.currentCentiAmps(), within(50));
        }
    }

    @Test
    void aCanDriverSourceIsRefused0x44And0x60With91And0x61With04ButAnswered0x63() throws Exception {
        try (GatewayRig rig = new GatewayRig(1, GatewayProfile.PYLON_V12, false)) {
            rig.seconds(3);
            BankView v = new DriverBankSource(rig.sources.get(0), 100).view();
            assertThat(v.state()).isEqualTo(SourceState.FRESH);
            assertThat(v.details().moduleAlarms()).isEmpty();

            Rs485ViewResponder responder = new Rs485ViewResponder();
            java.util.function.Function<io.pylon4j.rs485.Rs485Frame, Integer> rtn =
                    f -> responder.respond(f, v).orElseThrow().cid2OrRtn();
            assertThat(rtn.apply(new io.pylon4j.rs485.AlarmInfoRequest(2, 0xFF).toFrame())).isEqualTo(0x91);
            assertThat(rtn.apply(new io.pylon4j.rs485.SystemAnalogRequest(2).toFrame())).isEqualTo(0x04);
            assertThat(rtn.apply(io.pylon4j.rs485.Rs485Frame.of(io.pylon4j.rs485.Rs485Frame.PYLONTECH_VERSION, 2,
                    io.pylon4j.rs485.Command.CID1, 0x60))).as("no 0x51, no module serials").isEqualTo(0x91);
            assertThat(rtn.apply(new io.pylon4j.rs485.SystemChargeDischargeManagementRequest(2).toFrame()))
                    .isEqualTo(0x00);
        }
    }

    private static String masterSerial(Rs485SourceRig rig) {
        return rig.driver.status().modules().get(2).serialNumber().orElseThrow().strip();
    }

    private static Optional<CanMessage> newest(List<CanFrame> frames, int id) {
        CanMessage found = null;
        for (CanFrame f : frames) {
            if (f.id() == id) {
                found = CODEC.decode(f);
            }
        }
        return Optional.ofNullable(found);
    }

    private static String text(List<CanFrame> frames, int id) {
        return newest(frames, id).map(m -> ((TextMessage) m).text()).orElse("<none>");
    }

    /** The extremes computed from the simulator's own snapshot, modules at addresses 2, 3, … (one group). */
    private record Expected(int minMillivolts, int maxMillivolts, int minKelvin, int maxKelvin,
                            String minVoltageName, String maxVoltageName, String minTemperatureName,
                            String maxTemperatureName) {

        static Expected of(List<ModuleSnapshot> modules) {
            int minV = Integer.MAX_VALUE;
            int maxV = Integer.MIN_VALUE;
            int minT = Integer.MAX_VALUE;
            int maxT = Integer.MIN_VALUE;
            String minVName = null;
            String maxVName = null;
            String minTName = null;
            String maxTName = null;
            for (ModuleSnapshot m : modules) {
                int address = 2 + m.id().index();
                for (int c = 0; c < m.cellVoltagesMillivolts().size(); c++) {
                    int v = m.cellVoltagesMillivolts().get(c);
                    if (v < minV) {
                        minV = v;
                        minVName = String.format("M%02XC%d", address, c + 1);
                    }
                    if (v > maxV) {
                        maxV = v;
                        maxVName = String.format("M%02XC%d", address, c + 1);
                    }
                }
                for (int t = 0; t < m.cellTemperaturesDeciCelsius().size(); t++) {
                    int deci = m.cellTemperaturesDeciCelsius().get(t);
                    if (deci < minT) {
                        minT = deci;
                        minTName = String.format("M%02XT%d", address, t + 1);
                    }
                    if (deci > maxT) {
                        maxT = deci;
                        maxTName = String.format("M%02XT%d", address, t + 1);
                    }
                }
            }
            return new Expected(minV, maxV, (int) Math.round(minT / 10.0 + 273.15),
                    (int) Math.round(maxT / 10.0 + 273.15), minVName, maxVName, minTName, maxTName);
        }
    }
}
