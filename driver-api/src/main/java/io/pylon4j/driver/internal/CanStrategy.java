package io.pylon4j.driver.internal;

import io.pylon4j.can.AlarmsAndWarnings;
import io.pylon4j.can.BatteryMeasurements;
import io.pylon4j.can.CanCodecException;
import io.pylon4j.can.CanFrame;
import io.pylon4j.can.CanMessage;
import io.pylon4j.can.ChargeDischargeLimits;
import io.pylon4j.can.ChargeRequestFlags;
import io.pylon4j.can.InverterKeepAlive;
import io.pylon4j.can.ModuleCounts;
import io.pylon4j.can.ProtectionAndAlarmFlags;
import io.pylon4j.can.PylonCanCodec;
import io.pylon4j.can.StateOfChargeAndHealth;
import io.pylon4j.can.UnknownCanMessage;
import io.pylon4j.can.VictronIdentity;
import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.InverterMeasurement;
import io.pylon4j.driver.InverterMeasurementSource;
import io.pylon4j.driver.InverterProfile;
import io.pylon4j.driver.LimitPlausibility;
import io.pylon4j.driver.Measurements;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.driver.RequestFlags;
import io.pylon4j.driver.Source;
import io.pylon4j.transport.CanFrameListener;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.TransportException;
import io.pylon4j.transport.time.Scheduler;
import io.pylon4j.transport.time.TimeSource;
import java.time.Duration;

/**
 * The CAN protocol strategy: decodes the battery's frames on the transport's I/O thread and feeds the model (cheap,
 * never blocking), and sends the inverter's keep-alive from the scheduler. Package-private: {@link PylonDriver} is
 * the API.
 */
public final class CanStrategy implements CanFrameListener {

    private static final String CH_359 = "0x359";
    private static final String CH_35A = "0x35A";

    private final CanTransport transport;
    private final BankModel model;
    private final InverterProfile profile;
    private final PylonCanCodec codec;
    private final TimeSource time;
    private final DriverMetrics metrics;
    private final CanFrame keepAlive;
    private final CanFrame identity;
    private final InverterMeasurementSource measurements;
    private Scheduler.Cancellable keepAliveTask;

    public CanStrategy(CanTransport transport, BankModel model, DriverOptions options, DriverMetrics metrics) {
        this.transport = transport;
        this.model = model;
        this.profile = options.profile();
        this.codec = new PylonCanCodec(options.canProfile());
        this.time = options.time();
        this.metrics = metrics;
        this.keepAlive = codec.encode(InverterKeepAlive.ZEROS);
        this.identity = codec.encode(VictronIdentity.VICTRON);
        this.measurements = options.inverterMeasurements();
        transport.addFrameListener(this);
    }

    public void start(Scheduler scheduler) {
        Duration interval = profile.keepAliveInterval();
        if (!interval.isZero() && !profile.keepAliveAfterEachDataSet()) {
            keepAliveTask = scheduler.scheduleAtFixedRate(this::sendKeepAlive, Duration.ZERO, interval);
        }
    }

    public void close() {
        if (keepAliveTask != null) {
            keepAliveTask.close();
        }
        transport.removeFrameListener(this);
    }

    /**
     * One keep-alive round: 0x305 (8 × 00, or the inverter's measurement in SMA mode), then 0x307 in Victron mode;
     * skipped and counted while the link is down.
     */
    void sendKeepAlive() {
        if (transport.state() != ConnectionState.CONNECTED) {
            metrics.keepAlivesSkipped.increment();
            return;
        }
        try {
            transport.send(profile.keepAliveCarriesValues() ? keepAliveWithValues() : keepAlive);
            metrics.keepAlivesSent.increment();
            if (profile.sendsVictronIdentity()) {
                transport.send(identity);
                metrics.keepAlivesSent.increment();
            }
        } catch (TransportException e) {
            metrics.keepAlivesSkipped.increment(); // the link dropped between the check and the send
        }
    }

    /**
     * SMA's 0x305 with the caller's measurement (docs/protocol.md §1.4, [SMA] §6). With none, or a source that fails, the plain
     * 8 × 00 keep-alive: a keep-alive must go out every second whatever the application is doing (docs/protocol.md §1.4, §1.5),
     * and zeros are what every Pylon battery expects on 0x305. Both cases are counted (a failure: threw or returned
     * null; a miss: empty), so that an SMA installation whose inverter values never reach the battery shows it.
     */
    private CanFrame keepAliveWithValues() {
        java.util.Optional<InverterMeasurement> m;
        try {
            m = measurements.current();
        } catch (RuntimeException e) {
            metrics.inverterMeasurementFailures.increment();
            return keepAlive; // the caller's source failed; its measurement is missing, not the keep-alive
        }
        if (m == null) {
            metrics.inverterMeasurementFailures.increment(); // a broken source: Optional.empty() was meant
            return keepAlive;
        }
        if (m.isEmpty()) {
            metrics.inverterMeasurementsMissing.increment();
            return keepAlive;
        }
        try {
            return codec.encode(m.get().toSmaMeasurements());
        } catch (RuntimeException e) {
            metrics.inverterMeasurementFailures.increment(); // a value the frame cannot carry: zeros, not nothing
            return keepAlive;
        }
    }

    @Override
    public void onFrame(CanFrame frame, long receivedNanoTime) {
        metrics.canFrames.increment();
        CanMessage message;
        try {
            message = codec.decode(frame);
        } catch (CanCodecException e) {
            metrics.canMalformed.increment();
            return;
        }
        var at = time.now();
        if (message instanceof ChargeDischargeLimits l) {
            if (!model.onLimits(Source.CAN, LimitPlausibility.limitsOf(l), LimitPlausibility.invalidFields(l), at)) {
                metrics.implausibleValues.increment();
            }
            if (profile.keepAliveAfterEachDataSet()) {
                sendKeepAlive();
            }
        } else if (message instanceof StateOfChargeAndHealth s) {
            Measurements.Builder b = Measurements.builder().socPercent(s.socPercent());
            s.soh().ifPresent(b::sohPercent);
            model.onMeasurements(Source.CAN, b.build(), at);
        } else if (message instanceof BatteryMeasurements m) {
            // a 4- or 5-byte 0x356 carries no temperature: the model keeps the last one (and its age), not a 0 °C
            Measurements.Builder b = Measurements.builder().voltageVolts(m.voltageVolts()).currentAmps(m.currentAmps());
            m.temperatureCelsius().ifPresent(b::temperatureCelsius);
            model.onMeasurements(Source.CAN, b.build(), at);
        } else if (message instanceof ProtectionAndAlarmFlags p) {
            int f = p.flags();
            model.onAlarms(Source.CAN, CH_359,
                    AlarmMapping.can359(f & 0xFF, (f >>> 8) & 0xFF, (f >>> 16) & 0xFF, (f >>> 24) & 0xFF), at);
            if (p.hasModuleCount()) { // a 4-byte 0x359 carries flags only: no count, not a count of 0
                model.onModuleCount(Source.CAN, p.moduleCount(), at);
            }
        } else if (message instanceof AlarmsAndWarnings a) {
            model.onAlarms(Source.CAN, CH_35A,
                    AlarmMapping.can35A(a.states(), model.channelAlarms(Source.CAN, CH_35A)), at);
        } else if (message instanceof ChargeRequestFlags r) {
            model.onRequestFlags(Source.CAN, RequestFlags.fromBits(r.flags() & 0xFF), at);
        } else if (message instanceof ModuleCounts c) {
            model.onModuleCount(Source.CAN, c.modulesOnline(), at);
        } else if (message instanceof UnknownCanMessage) {
            metrics.canUnknown.increment();
        }
        // anything else is known but carries nothing the model holds (names, energy counters, inverter frames)
    }
}
