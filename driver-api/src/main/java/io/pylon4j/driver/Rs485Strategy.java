package io.pylon4j.driver;

import io.pylon4j.rs485.AlarmInfo;
import io.pylon4j.rs485.AlarmInfoRequest;
import io.pylon4j.rs485.AnalogValues;
import io.pylon4j.rs485.AnalogValuesRequest;
import io.pylon4j.rs485.ChargeDischargeManagement;
import io.pylon4j.rs485.ChargeDischargeManagementRequest;
import io.pylon4j.rs485.ChecksumMismatchException;
import io.pylon4j.rs485.LengthChecksumException;
import io.pylon4j.rs485.ManufacturerInfo;
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
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.TransportException;

import io.pylon4j.transport.time.Moment;
import io.pylon4j.transport.time.Scheduler;
import io.pylon4j.transport.time.TimeSource;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The RS485 protocol strategy: a non-blocking request/response state machine driven by the scheduler (cycle start,
 * response timeouts) and the transport's byte listener (replies). One request is in flight at a time; no thread is
 * owned and nothing blocks.
 *
 * <p>Schedule. On the first cycle 0x51 and 0x47 to the first group's master (0x51 names the bank's master model
 * wherever it is asked, docs/protocol.md §2.3), asked again when that group comes back from silence and
 * after a reconnect or a recovery (below). Every cycle ({@link InverterProfile#rs485PollInterval()}), for each group of
 * {@link DriverOptions#rs485Groups()} in turn: 0x42 whole stack, 0x44 whole stack, 0x92 to the master, and with
 * {@link DriverOptions#rs485PerModuleLimits()} 0x92 to each slave the group's newest whole-stack 0x42 named. When a
 * group's whole-stack 0x42 first names its modules, and again whenever its module count changes (a module dropped out
 * or was replaced), 0x93 and 0x96 are asked of each of its modules. A request unanswered after
 * {@link InverterProfile#rs485ResponseTimeout()} is repeated up to {@link InverterProfile#rs485Retries()} times, then
 * given up for this cycle (counted; a missing reply is not fatal, docs/protocol.md §2.3). A reply still arriving when the timeout
 * falls (bytes of an unfinished frame came in since the wait began or was last extended) is waited for, one more
 * timeout at a time, up to {@link #MAX_REPLY_WIRE_TIME} in all: at 9600 baud (DIP switch 1, docs/protocol.md §2.1) a 16-module
 * whole-stack 0x42 reply is about 1,900 bytes, two seconds on the wire, and a retry written into it would collide with
 * it on the half-duplex bus. A cycle that is still running when
 * the next is due is not overlapped: the next one starts on the following tick. No cycle starts while the link is not
 * connected.
 *
 * <p>Silent groups. A group that answered nothing in its previous cycle (its master switched off, a cable out) is only
 * probed: its first request is sent once, without retries, and when that goes unanswered the group's other requests
 * are dropped for this cycle. Otherwise one dead group would cost every cycle (1 + retries) × timeout per request,
 * and the other groups' limits would go stale waiting for it. A group that answers anything is polled in full again,
 * and its modules are read again (0x93, 0x96), and for the first group the bank info (0x51, 0x47): they may have been
 * swapped or updated while it was silent. A group that answers
 * only some commands (a US2000C stack answered only the single-module 0x42, docs/protocol.md §2.3) is never treated as silent.
 * The requests dropped this way are counted ({@link DriverCounters#rs485RequestsSkipped()}).
 *
 * <p>Static info read again. After the link reconnects, and after the bank recovers from {@link SupervisionState#LOST},
 * the next cycle asks 0x51 and 0x47 again and every group's modules 0x93 and 0x96 again (after its whole-stack 0x42):
 * while nothing was heard another battery may have been plugged in, a module swapped for one of the same count, or
 * the firmware updated. (A bank that went LOST because it fell silent is read again as a silent group coming back,
 * above, in the cycle it answers; this rule covers a bank that kept answering but without limits.) A serial, version or
 * bank info that differs reaches listeners as
 * {@link BankEvent.ModuleDetailsUpdated} or {@link BankEvent.BankInfoUpdated}; one that does not, as nothing. LOST is
 * seen when a cycle starts or a request times out (a LOST bank is quiet, so its requests time out).
 *
 * <p>What reaches the model. Per-module values (0x42 blocks, 0x44 alarms, 0x92, 0x93, 0x96) as each reply arrives,
 * keyed by RS485 address (unique across groups). Bank values when the cycle ends, from the replies of this cycle:
 * <ul>
 *   <li>module count = the sum of the modules in each group's whole-stack 0x42 reply;</li>
 *   <li>measurements: voltage = the mean module voltage (modules and groups are in parallel), current = the sum,
 *       state of charge = remaining ÷ total capacity over all modules, temperature = the highest;</li>
 *   <li>limits: a master's 0x92 is one module's figure (docs/protocol.md §2.5.6), so a group's limit is that figure times the
 *       modules of its newest whole-stack 0x42, as a CAN master reports the bank's in 0x351. Groups are joined in
 *       parallel on one DC bus, so the bank's current limits are the <b>sum</b> of the groups' (each group carries its
 *       own share), its charge voltage limit the <b>lowest</b> and its discharge (cut-off) voltage limit the
 *       <b>highest</b> of the groups' (the only values safe for every group). No public source documents how an
 *       LV-Hub combines groups; this is the conservative reading of the single-group rule. A group whose master did
 *       not answer 0x92 this cycle contributes nothing (its share is unknown, so it is not counted on), and so does
 *       one whose 0x92 fails the plausibility gate ({@link LimitPlausibility}, counted); the merged limits pass the
 *       gate again in the model;</li>
 *   <li>request flags: charge and discharge enable only if every answering group enables them; force-charge and
 *       full-charge requests if any group asks.</li>
 * </ul>
 * Until a group's module count is known its 0x92 is not published as a limit (a module's figure as the bank's would,
 * merged with CAN, overwrite the bank's own value). A module beyond position 14 of a group has no RS485 address
 * (docs/protocol.md §2.3: the position is one nibble): it counts in the bank's totals but gets no {@link ModuleDetails}.
 *
 * <p>No idle line of our own making: while requests are queued, a reply's next request is written as soon as the
 * reply is decoded, and the reply is applied to the model after that write (replies still reach the model in order).
 *
 * <p>Thread-safety: every entry point synchronises on this object; model calls under it never block.
 */
final class Rs485Strategy implements ByteListener {

    /**
     * The longest a request's wait is extended while its reply is still arriving: the longest frame the LENGTH field
     * allows (4113 bytes, {@link io.pylon4j.rs485.Rs485FrameCodec#MAX_FRAME_LENGTH}) at 9600 baud, 10 bits a byte
     * (docs/protocol.md §2.1), about 4.3 s. A line that babbles an endless frame cannot hold the poll beyond it.
     */
    static final Duration MAX_REPLY_WIRE_TIME =
            Duration.ofNanos(io.pylon4j.rs485.Rs485FrameCodec.MAX_FRAME_LENGTH * 10L * 1_000_000_000L / 9600);

    private final ByteStreamTransport transport;
    private final BankModel model;
    private final InverterProfile profile;
    private final TimeSource time;
    private final DriverMetrics metrics;
    private final int firstMaster;
    private final boolean perModuleLimits;
    /** Per polled group, in the order polled. */
    private final Map<Integer, GroupState> groups = new LinkedHashMap<>();
    private final Rs485FrameReader reader = new Rs485FrameReader();
    private final ArrayDeque<Rs485Request> queue = new ArrayDeque<>();
    private Scheduler scheduler;
    private Scheduler.Cancellable cycleTask;
    private Scheduler.Cancellable timeout;
    /** Whether bytes of an unfinished frame arrived since the current wait began or was last extended. */
    private boolean replyArriving;
    /** How long the current request's wait has been extended for a reply still arriving. */
    private Duration waitExtended = Duration.ZERO;
    private Rs485Request inFlight;
    private int attempt;
    private boolean startupQueued;
    /** A cycle's requests are queued or in flight; its bank values are published when the last one is done. */
    private boolean cycleOpen;
    private boolean closed;
    private long resyncBase;
    /** A decoded reply not yet applied to the model: its next request went out first (see onResult). */
    private Runnable pendingApply;
    private volatile boolean answered;
    /**
     * Whether the link reconnected since the last cycle started ({@link #linkReconnected()}). Volatile, not under
     * this object's lock: the driver says so from the transport's I/O thread, which must not block
     * ({@link io.pylon4j.transport.ConnectionStateListener}), and this lock is held around {@code transport.write}.
     */
    private volatile boolean reconnected;
    /** Whether LOST was seen since static info was last asked for. */
    private boolean lostSeen;
    /** Whether the next cycle asks 0x51, 0x47 and every module's 0x93, 0x96 again (reconnect, recovery). */
    private boolean rereadStatic;

    /** What one group reported: its newest module count, and this cycle's replies. */
    private static final class GroupState {
        final int group;
        final int master;
        /** Modules in the newest whole-stack 0x42 reply; 0 until one arrived. */
        int modules;
        /** The module count whose modules were last asked 0x93/0x96; -1 before the first. */
        int identifiedModules = -1;
        /** This cycle's whole-stack 0x42 reply, or null. */
        AnalogValues analog;
        /** This cycle's 0x92 reply from the master, or null. */
        ChargeDischargeManagement limits;
        /** Whether any request to this group was answered this cycle. */
        boolean answeredThisCycle;
        /** Whether the group answered nothing in its previous cycle: it is probed, not polled. */
        boolean silent;
        /** The module addresses in the newest whole-stack 0x42 reply. */
        Set<Integer> present = Set.of();

        GroupState(int group) {
            this.group = group;
            this.master = Rs485Address.master(group);
        }
    }

    Rs485Strategy(ByteStreamTransport transport, BankModel model, DriverOptions options, DriverMetrics metrics) {
        this.transport = transport;
        this.model = model;
        this.profile = options.profile();
        this.time = options.time();
        this.metrics = metrics;
        for (int g : options.rs485Groups()) {
            groups.put(g, new GroupState(g));
        }
        this.firstMaster = Rs485Address.master(options.rs485Group());
        this.perModuleLimits = options.rs485PerModuleLimits();
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

    /**
     * The link came up again after having been up (the driver's reconnect, {@link DriverCounters#reconnects()}): the
     * other end may now be another bank, or the same one changed, so the next cycle reads the static info again.
     */
    void linkReconnected() {
        reconnected = true;
    }

    /** Notes LOST, and a recovery from it, as seen now (see the class comment). */
    private void watchSupervision() {
        if (model.status().supervisionState() == SupervisionState.LOST) {
            lostSeen = true;
        } else if (lostSeen) {
            lostSeen = false;
            rereadStatic = true;
        }
    }

    /** Whether any valid reply has been received (used by baud-rate detection). */
    boolean answered() {
        return answered;
    }

    synchronized void startCycle() {
        if (closed || inFlight != null || !queue.isEmpty()) {
            return; // the previous cycle is still running
        }
        watchSupervision();
        if (transport.state() != ConnectionState.CONNECTED) {
            return; // nothing to ask while the link is down; supervision reports the silence
        }
        metrics.rs485Cycles.increment();
        if (reconnected) {
            reconnected = false;
            rereadStatic = true;
        }
        if (rereadStatic) {
            rereadStatic = false;
            startupQueued = false; // 0x51 and 0x47 below
            for (GroupState g : groups.values()) {
                g.identifiedModules = -1; // 0x93 and 0x96 of each module after its group's next whole-stack 0x42
            }
        }
        if (!startupQueued) {
            startupQueued = true;
            queue.add(new ManufacturerInfoRequest(firstMaster));
            queue.add(new SystemParametersRequest(firstMaster));
        }
        for (GroupState g : groups.values()) {
            g.analog = null;
            g.limits = null;
            g.answeredThisCycle = false;
            queue.add(AnalogValuesRequest.wholeStack(g.group));
            queue.add(AlarmInfoRequest.wholeStack(g.group));
            queue.add(ChargeDischargeManagementRequest.of(g.master));
            if (perModuleLimits) {
                for (int battery = 2; battery <= Math.min(g.modules, Rs485Address.MAX_BATTERY); battery++) {
                    queue.add(ChargeDischargeManagementRequest.of(Rs485Address.of(g.group, battery)));
                }
            }
        }
        cycleOpen = true;
        sendNext();
    }

    private void sendNext() {
        inFlight = queue.poll();
        attempt = 0;
        if (inFlight != null) {
            transmit();
        } else if (cycleOpen) {
            cycleOpen = false;
            Moment at = time.now();
            model.batch(() -> finishCycle(at)); // the bank's values of a cycle as one snapshot
        }
    }

    private void transmit() {
        metrics.rs485Requests.increment();
        replyArriving = false;
        waitExtended = Duration.ZERO;
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
        if (replyArriving && reader.pendingBytes() > 0 && waitExtended.compareTo(MAX_REPLY_WIRE_TIME) < 0) {
            // the reply is on its way (a slow baud rate, a long stack): wait for it rather than talk over it
            replyArriving = false;
            waitExtended = waitExtended.plus(profile.rs485ResponseTimeout());
            timeout = scheduler.schedule(this::onTimeout, profile.rs485ResponseTimeout());
            return;
        }
        watchSupervision();
        GroupState g = groupOf(inFlight.address());
        boolean probing = g != null && g.silent;
        if (attempt < (probing ? 0 : profile.rs485Retries())) {
            attempt++;
            metrics.rs485Retries.increment();
            transmit();
        } else {
            metrics.rs485Timeouts.increment();
            if (probing) {
                int queued = queue.size();
                queue.removeIf(r -> groupOf(r.address()) == g); // still silent: nothing else to ask it this cycle
                metrics.rs485RequestsSkipped.add(queued - queue.size());
            }
            sendNext();
        }
    }

    @Override
    public synchronized void onBytes(byte[] buffer, int offset, int length, long receivedNanoTime) {
        if (closed) {
            return;
        }
        reader.push(buffer, offset, length, this::onResult);
        if (inFlight != null && reader.pendingBytes() > 0) {
            replyArriving = true; // part of a frame: see onTimeout
        }
        long discarded = reader.counters().bytesDiscarded();
        metrics.rs485Resyncs.add(discarded - resyncBase);
        resyncBase = discarded;
    }

    private void onResult(ReadResult result) {
        if (!(result instanceof ReadResult.Frame f)) {
            metrics.rs485BadFrames.increment();
            Rs485Exception error = ((ReadResult.Failure) result).error();
            if (error instanceof ChecksumMismatchException || error instanceof LengthChecksumException) {
                metrics.rs485ChecksumErrors.increment(); // CHKSUM or LCHKSUM (docs/protocol.md §2.2): noise, termination
            }
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
        applyPending(); // an earlier reply first, if this one came in while its next request was being written
        cancelTimeout();
        answered = true;
        GroupState g = groupOf(inFlight.address());
        if (g != null) {
            g.answeredThisCycle = true;
            if (g.silent) {
                g.silent = false;
                g.identifiedModules = -1; // back after silence: its modules may have been swapped meanwhile
                if (g.master == firstMaster) {
                    // the bank was off when 0x51/0x47 were asked, or was switched off and on (another bank, new
                    // firmware): ask again now that it answers
                    queue.add(new ManufacturerInfoRequest(firstMaster));
                    queue.add(new SystemParametersRequest(firstMaster));
                }
                lostSeen = false; // a LOST bank was silent: read again here, not once more next cycle
            }
        }
        Moment at = time.now();
        if (queue.isEmpty()) {
            // nothing else to ask yet: applying may queue 0x93/0x96, and the cycle's bank values come from the
            // applied replies, so this reply is applied before sendNext looks at the queue
            model.batch(() -> apply(response, at)); // one snapshot for the whole reply, not one per module
            sendNext();
        } else {
            // The line is idle from the moment a reply's last byte is read, so the next request goes out first and
            // the reply reaches the model (and the events) while the request is on the wire: applying it took longer
            // than the write (benchmarks/README.md, "RS485 poll cycle against wire time"). What applying may queue
            // (0x93/0x96) goes to the tail either way. Should the transport hand over the next reply within write,
            // applyPending() at the top of onResult keeps the replies in order.
            pendingApply = () -> model.batch(() -> apply(response, at));
            sendNext();
            applyPending();
        }
    }

    /** Applies the reply whose next request was sent before it was applied, if any. */
    private void applyPending() {
        Runnable p = pendingApply;
        if (p != null) {
            pendingApply = null;
            p.run();
        }
    }

    private void apply(Rs485Response response, Moment at) {
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
                int adr = moduleAddress(a.isWholeStack(), a.address(), i);
                if (adr < 0) {
                    continue; // no address, so no channel of its own (see the class comment)
                }
                ModuleAlarm m = modules.get(i);
                model.onAlarms(Source.RS485, "0x44@" + adr,
                        AlarmMapping.rs485AlarmInfo(m.cellStates(), m.temperatureStates(), m.chargeCurrentState(),
                                m.moduleVoltageState(), m.dischargeCurrentState(), m.status1(), m.status4(),
                                m.status5()), at);
            }
        } else if (response instanceof ChargeDischargeManagement c) {
            // the module's own figures, whoever asked; the bank's limits are derived at the cycle's end
            model.onModuleDetails(Source.RS485, ModuleDetails.builder(c.address()).limits(c.chargeVoltageLimitVolts(),
                    c.dischargeVoltageLimitVolts(), c.chargeCurrentLimitAmps(), c.dischargeCurrentLimitAmps())
                    .build(), at);
            GroupState g = masterOf(c.address());
            if (g != null) {
                g.limits = c;
            }
        } else if (response instanceof SerialNumber s) {
            model.onModuleDetails(Source.RS485,
                    ModuleDetails.builder(s.address()).serialNumber(s.serialNumber().strip()).build(), at);
        } else if (response instanceof SoftwareVersion v) {
            model.onModuleDetails(Source.RS485, ModuleDetails.builder(v.address())
                    .manufacturerVersion(v.manufacturerVersionText()).mainlineVersion(v.mainlineVersionText())
                    .build(), at);
        } else if (response instanceof ManufacturerInfo i) {
            model.onBankInfo(Source.RS485, BankInfo.ofManufacturerInfo(i.deviceName().strip(),
                    i.manufacturerName().strip(), i.softwareVersionText()), at);
        } else if (response instanceof io.pylon4j.rs485.SystemParameters p) {
            if (implausibility(p).isPresent()) {
                metrics.implausibleValues.increment(); // counts as missing: the bank info keeps what it had
                return;
            }
            model.onBankInfo(Source.RS485, BankInfo.ofSystemParameters(new BankInfo.SystemParameters(
                    p.cellHighVoltageLimitVolts(), p.cellLowVoltageLimitVolts(), p.cellUnderVoltageLimitVolts(),
                    p.chargeHighTemperatureLimitCelsius(), p.chargeLowTemperatureLimitCelsius(),
                    Math.abs(p.chargeCurrentLimitAmps()), p.moduleHighVoltageLimitVolts(),
                    p.moduleLowVoltageLimitVolts(), p.moduleUnderVoltageLimitVolts(),
                    p.dischargeHighTemperatureLimitCelsius(), p.dischargeLowTemperatureLimitCelsius(),
                    Math.abs(p.dischargeCurrentLimitAmps()))), at);
        }
    }

    /** The polled group an address belongs to, or null. */
    private GroupState groupOf(int address) {
        return Rs485Address.isBattery(address) ? groups.get(Rs485Address.groupOf(address)) : null;
    }

    /** The polled group whose master has {@code address}, or null. */
    private GroupState masterOf(int address) {
        for (GroupState g : groups.values()) {
            if (g.master == address) {
                return g;
            }
        }
        return null;
    }

    /** The address of block {@code index} of a reply, or -1 if that module has none (position beyond 14). */
    private static int moduleAddress(boolean wholeStack, int replyAddress, int index) {
        if (!wholeStack) {
            return replyAddress;
        }
        if (!Rs485Address.isBattery(replyAddress) || index + 1 > Rs485Address.MAX_BATTERY) {
            return -1;
        }
        return Rs485Address.of(Rs485Address.groupOf(replyAddress), index + 1);
    }

    private void applyAnalog(AnalogValues a, Moment at) {
        List<ModuleAnalog> modules = a.modules();
        if (modules.isEmpty()) {
            return;
        }
        List<Integer> addresses = new ArrayList<>(modules.size());
        for (int i = 0; i < modules.size(); i++) {
            ModuleAnalog m = modules.get(i);
            int adr = moduleAddress(a.isWholeStack(), a.address(), i);
            if (adr < 0) {
                continue;
            }
            addresses.add(adr);
            List<Double> cells = new ArrayList<>(m.cellCount());
            for (double v : m.cellVoltagesVolts()) {
                cells.add(v);
            }
            List<Double> temps = new ArrayList<>(m.temperatureCount());
            for (double t : m.temperaturesCelsius()) {
                temps.add(t);
            }
            model.onModuleDetails(Source.RS485, ModuleDetails.builder(adr).cellVoltagesVolts(cells)
                    .temperaturesCelsius(temps).currentAmps(m.currentAmps()).voltageVolts(m.voltageVolts())
                    .remainingCapacityAh(m.remainingCapacityAmpHours()).totalCapacityAh(m.totalCapacityAmpHours())
                    .cycles(m.cycles()).build(), at);
        }
        GroupState g = a.isWholeStack() ? masterOf(a.address()) : null;
        if (g == null) {
            return; // a single module's reply says nothing about the stack
        }
        g.analog = a;
        g.modules = modules.size();
        for (int gone : g.present) {
            if (!addresses.contains(gone)) {
                // a module that left must not stay in the table with its last values, nor keep its alarms raised
                model.onAlarms(Source.RS485, "0x44@" + gone, Set.of(), at);
                model.onModuleLeft(Source.RS485, gone, at);
            }
        }
        g.present = Set.copyOf(addresses);
        if (g.identifiedModules != g.modules) {
            // first sight of the group, or a module dropped out or was replaced: (re)read who is there
            g.identifiedModules = g.modules;
            for (int adr : addresses) {
                queue.add(SerialNumberRequest.of(adr));
                queue.add(SoftwareVersionRequest.of(adr));
            }
        }
    }

    /**
     * Why a group master's 0x92 is implausible as the limits of its {@code modules} modules (the module's figure times
     * the count, as published), or empty. Wire values meaning "invalid" (docs/protocol.md §1.5) are never scaled.
     */
    private Optional<String> implausibility(ChargeDischargeManagement c, int modules) {
        EnumSet<LimitPlausibility.Field> invalid = EnumSet.noneOf(LimitPlausibility.Field.class);
        if (c.chargeVoltageLimitMilliVolts() == LimitPlausibility.INVALID_U16) {
            invalid.add(LimitPlausibility.Field.CVL);
        }
        if (c.dischargeVoltageLimitMilliVolts() == LimitPlausibility.INVALID_U16) {
            invalid.add(LimitPlausibility.Field.DVL);
        }
        if (c.chargeCurrentLimitDeciAmps() == LimitPlausibility.INVALID_S16) {
            invalid.add(LimitPlausibility.Field.CCL);
        }
        if (c.dischargeCurrentLimitDeciAmps() == LimitPlausibility.INVALID_S16) {
            invalid.add(LimitPlausibility.Field.DCL);
        }
        Limits scaled = Limits.normalised(c.chargeVoltageLimitVolts(), Math.abs(c.chargeCurrentLimitAmps()) * modules,
                Math.abs(c.dischargeCurrentLimitAmps()) * modules, OptionalDouble.of(c.dischargeVoltageLimitVolts()));
        return model.policy().implausibility(scaled, invalid, OptionalInt.of(modules));
    }

    /**
     * Why a 0x47 reply cannot be trusted, or empty: a field carrying a wire value meaning "invalid" (docs/protocol.md
     * §1.5), a module voltage limit outside the plausible window, or a maximum current above one module's rating.
     */
    private Optional<String> implausibility(io.pylon4j.rs485.SystemParameters p) {
        LimitPlausibility bounds = model.policy().plausibility();
        List<String> why = new ArrayList<>(1);
        // the cell limits are signed on the wire, the module limits unsigned (docs/protocol.md §2.5.5, as the codec reads)
        if (p.cellHighVoltageLimitMilliVolts() == LimitPlausibility.INVALID_S16
                || p.cellLowVoltageLimitMilliVolts() == LimitPlausibility.INVALID_S16
                || p.cellUnderVoltageLimitMilliVolts() == LimitPlausibility.INVALID_S16
                || p.moduleHighVoltageLimitMilliVolts() == LimitPlausibility.INVALID_U16
                || p.moduleLowVoltageLimitMilliVolts() == LimitPlausibility.INVALID_U16
                || p.moduleUnderVoltageLimitMilliVolts() == LimitPlausibility.INVALID_U16) {
            why.add("a voltage limit is its wire value for \"invalid\"");
        }
        if (p.chargeCurrentLimitDeciAmps() == LimitPlausibility.INVALID_S16
                || p.dischargeCurrentLimitDeciAmps() == LimitPlausibility.INVALID_S16) {
            why.add("a current limit is its wire value for \"invalid\"");
        }
        if (why.isEmpty()) {
            double high = p.moduleHighVoltageLimitVolts();
            if (high < bounds.minVolts() || high > bounds.maxVolts()) {
                why.add("module high-voltage limit " + LimitPolicy.num(high) + " V outside "
                        + LimitPolicy.num(bounds.minVolts()) + "–" + LimitPolicy.num(bounds.maxVolts()) + " V");
            }
        }
        return why.isEmpty() ? Optional.empty() : Optional.of("0x47 from the battery is implausible: "
                + String.join("; ", why));
    }

    /** Publishes the bank's values from this cycle's replies (see the class comment for the rules). */
    private void finishCycle(Moment at) {
        int moduleCount = 0;
        int analogGroups = 0;
        double voltage = 0;
        double current = 0;
        double remaining = 0;
        double total = 0;
        double maxTemp = Double.NEGATIVE_INFINITY;
        double cvl = Double.POSITIVE_INFINITY;
        double dvl = Double.NEGATIVE_INFINITY;
        double ccl = 0;
        double dcl = 0;
        int limitGroups = 0;
        List<String> rejected = new ArrayList<>(0);
        int allFlags = 0xFF;
        int anyFlags = 0;
        int flagGroups = 0;
        for (GroupState g : groups.values()) {
            g.silent = !g.answeredThisCycle;
            if (g.analog != null) {
                analogGroups++;
                for (ModuleAnalog m : g.analog.modules()) {
                    moduleCount++;
                    voltage += m.voltageVolts();
                    current += m.currentAmps();
                    remaining += m.remainingCapacityAmpHours();
                    total += m.totalCapacityAmpHours();
                    for (double t : m.temperaturesCelsius()) {
                        maxTemp = Math.max(maxTemp, t);
                    }
                }
            }
            ChargeDischargeManagement c = g.limits;
            if (c != null) {
                flagGroups++;
                allFlags &= c.status();
                anyFlags |= c.status();
                Optional<String> implausible = g.modules > 0 ? implausibility(c, g.modules) : Optional.empty();
                if (implausible.isPresent()) {
                    // counts as a group that did not answer 0x92: its share is not counted on
                    metrics.implausibleValues.increment();
                    rejected.add(groups.size() > 1 ? "group " + g.group + ": " + implausible.get() : implausible.get());
                } else if (g.modules > 0) {
                    limitGroups++;
                    cvl = Math.min(cvl, c.chargeVoltageLimitVolts());
                    dvl = Math.max(dvl, c.dischargeVoltageLimitVolts());
                    ccl += Math.abs(c.chargeCurrentLimitAmps()) * g.modules;
                    dcl += Math.abs(c.dischargeCurrentLimitAmps()) * g.modules;
                }
            }
        }
        if (analogGroups > 0 && moduleCount > 0) {
            Measurements.Builder b = Measurements.builder().voltageVolts(voltage / moduleCount).currentAmps(current);
            if (total > 0) {
                b.socPercent(Math.min(100.0, 100.0 * remaining / total));
            }
            if (maxTemp != Double.NEGATIVE_INFINITY) {
                b.temperatureCelsius(maxTemp);
            }
            model.onMeasurements(Source.RS485, b.build(), at);
            model.onModuleCount(Source.RS485, moduleCount, at);
        }
        if (limitGroups > 0) {
            // the groups passed one by one; their sum, lowest CVL and highest cut-off must pass together too
            if (!model.onLimits(Source.RS485, Limits.normalised(cvl, ccl, dcl, OptionalDouble.of(dvl)), at)) {
                metrics.implausibleValues.increment();
            }
        } else if (!rejected.isEmpty()) {
            model.onImplausibleLimits(Source.RS485, String.join("; ", rejected), at);
        }
        if (flagGroups > 0) {
            // enables only if every group enables; requests if any group requests
            model.onRequestFlags(Source.RS485, RequestFlags.fromBits((allFlags & 0xC0) | (anyFlags & 0x38)), at);
        }
    }
}
