package io.pylon4j.driver;

import io.pylon4j.rs485.AlarmInfo;
import io.pylon4j.rs485.AlarmInfoRequest;
import io.pylon4j.rs485.AnalogValues;
import io.pylon4j.rs485.AnalogValuesRequest;
import io.pylon4j.rs485.ChargeDischargeManagement;
import io.pylon4j.rs485.ChargeDischargeManagementRequest;
import io.pylon4j.rs485.ManufacturerInfoRequest;
import io.pylon4j.rs485.ModuleAlarm;
import io.pylon4j.rs485.ModuleAnalog;
import io.pylon4j.rs485.ReadResult;
import io.pylon4j.rs485.Rejection;
import io.pylon4j.rs485.Rs485Address;
import io.pylon4j.rs485.Rs485Codec;
import io.pylon4j.rs485.Rs485Exception;
import io.pylon4j.rs485.Rs485FrameReader;
import io.pylon4j.rs485.Rs485Request;
import io.pylon4j.rs485.Rs485Response;
import io.pylon4j.rs485.SerialNumber;
import io.pylon4j.rs485.SerialNumberRequest;
import io.pylon4j.rs485.SoftwareVersion;
import io.pylon4j.rs485.SoftwareVersionRequest;
import io.pylon4j.rs485.SystemParametersRequest;
import io.pylon4j.transport.ByteListener;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.TransportException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The RS485 protocol strategy: a non-blocking request/response state machine driven by the scheduler (cycle start,
 * response timeouts) and the transport's byte listener (replies). One request is in flight at a time; no thread is
 * owned and nothing blocks.
 *
 * <p>Schedule: on the first cycle 0x51 and 0x47 to the master; after the first whole-stack 0x42 names the modules,
 * 0x93 and 0x96 once per module. Every cycle ({@link InverterProfile#rs485PollInterval()}): 0x42 whole stack, 0x44
 * whole stack, 0x92 to the master. A request unanswered after {@link InverterProfile#rs485ResponseTimeout()} is
 * repeated up to {@link InverterProfile#rs485Retries()} times, then given up for this cycle (counted; a missing reply
 * is not fatal, facts §2.3). A cycle that is still running when the next is due is not overlapped: the next one
 * starts on the following tick. No cycle starts while the link is not connected.
 *
 * <p>Thread-safety: every entry point synchronises on this object; model calls under it never block.
 */
final class Rs485Strategy implements ByteListener {

    private final ByteStreamTransport transport;
    private final BankModel model;
    private final InverterProfile profile;
    private final Clock clock;
    private final DriverMetrics metrics;
    private final int group;
    private final int master;
    private final Rs485FrameReader reader = new Rs485FrameReader();
    private final ArrayDeque<Rs485Request> queue = new ArrayDeque<>();
    private Scheduler scheduler;
    private Scheduler.Cancellable cycleTask;
    private Scheduler.Cancellable timeout;
    private Rs485Request inFlight;
    private int attempt;
    private boolean startupQueued;
    private boolean modulesQueried;
    /** Modules in the newest whole-stack 0x42 reply; 0 until one arrived. */
    private int stackModules;
    private boolean closed;
    private long resyncBase;
    private volatile boolean answered;

    Rs485Strategy(ByteStreamTransport transport, BankModel model, DriverOptions options, DriverMetrics metrics) {
        this.transport = transport;
        this.model = model;
        this.profile = options.profile();
        this.clock = options.clock();
        this.metrics = metrics;
        this.group = options.rs485Group();
        this.master = Rs485Address.master(group);
        transport.addByteListener(this);
    }

    synchronized void start(Scheduler s) {
        this.scheduler = s;
        cycleTask = s.scheduleAtFixedRate(this::startCycle, java.time.Duration.ZERO, profile.rs485PollInterval());
    }

    synchronized void close() {
        closed = true;
        if (cycleTask != null) {
            cycleTask.close();
        }
        cancelTimeout();
        queue.clear();
        inFlight = null;
        transport.removeByteListener(this);
    }

    /** Whether any valid reply has been received (used by baud-rate detection). */
    boolean answered() {
        return answered;
    }

    synchronized void startCycle() {
        if (closed || inFlight != null || !queue.isEmpty()) {
            return; // the previous cycle is still running
        }
        if (transport.state() != io.pylon4j.transport.ConnectionState.CONNECTED) {
            return; // nothing to ask while the link is down; supervision reports the silence
        }
        metrics.rs485Cycles.increment();
        if (!startupQueued) {
            startupQueued = true;
            queue.add(new ManufacturerInfoRequest(master));
            queue.add(new SystemParametersRequest(master));
        }
        queue.add(AnalogValuesRequest.wholeStack(group));
        queue.add(AlarmInfoRequest.wholeStack(group));
        queue.add(ChargeDischargeManagementRequest.of(master));
        sendNext();
    }

    private void sendNext() {
        inFlight = queue.poll();
        attempt = 0;
        if (inFlight != null) {
            transmit();
        }
    }

    private void transmit() {
        metrics.rs485Requests.increment();
        // the timer first: a transport may deliver the reply before write returns
        timeout = scheduler.schedule(this::onTimeout, profile.rs485ResponseTimeout());
        try {
            transport.write(inFlight.toFrame().encode());
        } catch (TransportException e) {
            // the link is down: the timeout treats it as an unanswered request
        }
    }

    private void cancelTimeout() {
        if (timeout != null) {
            timeout.close();
            timeout = null;
        }
    }

    private synchronized void onTimeout() {
        if (closed || inFlight == null) {
            return;
        }
        timeout = null;
        if (attempt < profile.rs485Retries()) {
            attempt++;
            metrics.rs485Retries.increment();
            transmit();
        } else {
            metrics.rs485Timeouts.increment();
            sendNext();
        }
    }

    @Override
    public synchronized void onBytes(byte[] buffer, int offset, int length, long receivedNanoTime) {
        if (closed) {
            return;
        }
        reader.push(buffer, offset, length, this::onResult);
        long discarded = reader.counters().bytesDiscarded();
        metrics.rs485Resyncs.add(discarded - resyncBase);
        resyncBase = discarded;
    }

    private void onResult(ReadResult result) {
        if (!(result instanceof ReadResult.Frame f)) {
            metrics.rs485BadFrames.increment();
            return;
        }
        if (inFlight == null) {
            metrics.rs485BadFrames.increment(); // unasked, or late after a give-up
            return;
        }
        Rs485Response response;
        try {
            response = Rs485Codec.decodeResponse(inFlight, f.frame());
        } catch (Rs485Exception e) {
            metrics.rs485BadFrames.increment(); // wait for the timeout: a retry may get a good one
            return;
        }
        cancelTimeout();
        answered = true;
        apply(response, clock.instant());
        sendNext();
    }

    private void apply(Rs485Response response, Instant at) {
        if (response instanceof Rejection) {
            metrics.rs485Rejections.increment();
            return;
        }
        metrics.rs485Replies.increment();
        if (response instanceof AnalogValues a) {
            applyAnalog(a, at);
        } else if (response instanceof AlarmInfo a) {
            List<ModuleAlarm> modules = a.modules();
            for (int i = 0; i < modules.size(); i++) {
                ModuleAlarm m = modules.get(i);
                model.onAlarms(Source.RS485, "0x44@" + moduleAddress(a.isWholeStack(), a.address(), i),
                        AlarmMapping.rs485AlarmInfo(m.cellStates(), m.temperatureStates(), m.chargeCurrentState(),
                                m.moduleVoltageState(), m.dischargeCurrentState(), m.status1(), m.status4(),
                                m.status5()), at);
            }
        } else if (response instanceof ChargeDischargeManagement c) {
            // 0x92 answers for the one module addressed (facts §2.5.6: US2000B-Plus 25 A, UP2500 55.5 A — module
            // figures), while the bank's limit is that figure times the modules online, as the CAN master reports
            // in 0x351. Scale by the newest whole-stack module count; until one is known, publish nothing rather
            // than a module's figure as the bank's (which, merged with CAN, would overwrite the bank's own value).
            if (stackModules > 0) {
                model.onLimits(Source.RS485, Limits.normalised(c.chargeVoltageLimitVolts(),
                        c.chargeCurrentLimitAmps() * stackModules, c.dischargeCurrentLimitAmps() * stackModules,
                        OptionalDouble.of(c.dischargeVoltageLimitVolts())), at);
            }
            model.onRequestFlags(Source.RS485, RequestFlags.fromBits(c.status() & 0xFF), at);
        } else if (response instanceof SerialNumber s) {
            model.onModuleDetails(Source.RS485,
                    ModuleDetails.builder(s.address()).serialNumber(s.serialNumber().strip()).build(), at);
        } else if (response instanceof SoftwareVersion v) {
            model.onModuleDetails(Source.RS485, ModuleDetails.builder(v.address())
                    .manufacturerVersion(v.manufacturerVersionText()).mainlineVersion(v.mainlineVersionText())
                    .build(), at);
        }
        // 0x51, 0x47: read and counted; nothing in the model holds them yet
    }

    private int moduleAddress(boolean wholeStack, int replyAddress, int index) {
        return wholeStack ? Rs485Address.of(group, index + 1) : replyAddress;
    }

    private void applyAnalog(AnalogValues a, Instant at) {
        List<ModuleAnalog> modules = a.modules();
        if (modules.isEmpty()) {
            return;
        }
        double voltage = 0;
        double current = 0;
        double remaining = 0;
        double total = 0;
        double maxTemp = Double.NEGATIVE_INFINITY;
        List<Integer> addresses = new ArrayList<>(modules.size());
        for (int i = 0; i < modules.size(); i++) {
            ModuleAnalog m = modules.get(i);
            int adr = moduleAddress(a.isWholeStack(), a.address(), i);
            addresses.add(adr);
            List<Double> cells = new ArrayList<>(m.cellCount());
            for (double v : m.cellVoltagesVolts()) {
                cells.add(v);
            }
            List<Double> temps = new ArrayList<>(m.temperatureCount());
            for (double t : m.temperaturesCelsius()) {
                temps.add(t);
                maxTemp = Math.max(maxTemp, t);
            }
            model.onModuleDetails(Source.RS485, ModuleDetails.builder(adr).cellVoltagesVolts(cells)
                    .temperaturesCelsius(temps).currentAmps(m.currentAmps()).voltageVolts(m.voltageVolts())
                    .remainingCapacityAh(m.remainingCapacityAmpHours()).totalCapacityAh(m.totalCapacityAmpHours())
                    .cycles(m.cycles()).build(), at);
            voltage += m.voltageVolts();
            current += m.currentAmps();
            remaining += m.remainingCapacityAmpHours();
            total += m.totalCapacityAmpHours();
        }
        Measurements.Builder b = Measurements.builder().voltageVolts(voltage / modules.size()).currentAmps(current);
        if (total > 0) {
            b.socPercent(Math.min(100.0, 100.0 * remaining / total));
        }
        if (maxTemp != Double.NEGATIVE_INFINITY) {
            b.temperatureCelsius(maxTemp);
        }
        model.onMeasurements(Source.RS485, b.build(), at);
        if (a.isWholeStack()) {
            stackModules = modules.size();
            model.onModuleCount(Source.RS485, modules.size(), at);
            if (!modulesQueried) {
                modulesQueried = true;
                for (int adr : addresses) {
                    queue.add(SerialNumberRequest.of(adr));
                    queue.add(SoftwareVersionRequest.of(adr));
                }
            }
        }
    }
}
