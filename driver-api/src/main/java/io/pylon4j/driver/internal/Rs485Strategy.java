package io.pylon4j.driver.internal;

import io.pylon4j.driver.DriverCounters;
import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.FieldStamp;
import io.pylon4j.driver.InverterProfile;
import io.pylon4j.driver.Source;
import io.pylon4j.driver.internal.Rs485GroupAggregator.BankValues;
import io.pylon4j.rs485.AnalogValues;
import io.pylon4j.rs485.ChargeDischargeManagement;
import io.pylon4j.rs485.Rejection;
import io.pylon4j.rs485.Rs485Response;
import io.pylon4j.rs485.exchange.Rs485Exchange;
import io.pylon4j.rs485.exchange.Rs485Exchange.Action;
import io.pylon4j.rs485.exchange.Rs485Exchange.Discarded;
import io.pylon4j.rs485.exchange.Rs485Exchange.Event;
import io.pylon4j.rs485.exchange.Rs485Exchange.GiveUp;
import io.pylon4j.rs485.exchange.Rs485Exchange.Replied;
import io.pylon4j.rs485.exchange.Rs485Exchange.Transmit;
import io.pylon4j.rs485.exchange.Rs485Exchange.Wait;
import io.pylon4j.transport.ByteListener;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.TransportException;
import io.pylon4j.transport.time.Moment;
import io.pylon4j.transport.time.Scheduler;
import io.pylon4j.transport.time.TimeSource;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The RS485 protocol strategy: wires the poll's parts to the link, the timer and the model. No thread is owned and
 * nothing blocks.
 *
 * <ul>
 *   <li>{@link Rs485Poll}, the poll schedule as a state machine: what is asked next, silent groups, static info
 *       read again after a reconnect or a recovery ({@link InverterProfile#rs485PollInterval()} between cycles);</li>
 *   <li>{@link Rs485Exchange} (in {@code protocol-rs485}): one request in flight, its
 *       {@link InverterProfile#rs485ResponseTimeout()} and {@link InverterProfile#rs485Retries()}, waiting up to
 *       {@link #MAX_REPLY_WIRE_TIME} while a reply is still arriving, matching the reply to its request, and after a
 *       timeout a quiet guard of a quarter of the timeout in which a late reply is discarded (docs/safety.md);</li>
 *   <li>{@link Rs485ReplyMapper}: each reply's per-module values (0x42, 0x44, 0x92, 0x93, 0x96, keyed by RS485
 *       address, unique across groups) and bank info (0x51, 0x47), to the model as it arrives;</li>
 *   <li>{@link Rs485GroupAggregator}: the bank's values when the cycle ends, from this cycle's replies (module count,
 *       measurements, limits merged over groups, request flags).</li>
 * </ul>
 * A request unanswered in all its attempts is given up for this cycle (counted; a missing reply is not fatal,
 * docs/protocol.md §2.3). A cycle still running when the next is due is not overlapped. No cycle starts while the link
 * is not connected.
 *
 * <p>No idle line of our own making: while requests are queued, a reply's next request is written as soon as the
 * reply is decoded, and the reply is applied to the model after that write (replies still reach the model in order).
 *
 * <p>Where it runs: when the caller's scheduler is on the system clock and the transport offers its I/O thread's
 * scheduler ({@link ByteStreamTransport#ioScheduler()}, an event loop), cycles start and timeouts fall there, so a
 * cycle's first write needs no hand-over between threads; their starts are aligned to a 10 ms tick, so that
 * the cycles of many banks due within the same tick start from one wake-up ({@link Rs485Timing}). The response timeout is one re-armed
 * deadline ({@link Rs485ResponseTimer}). On a virtual clock everything stays on the caller's scheduler, as before.
 *
 * <p>Thread-safety: every entry point synchronises on this object; model calls under it never block.
 */
public final class Rs485Strategy implements ByteListener {

    /** The longest a request's wait is extended while its reply is still arriving (about 4.3 s). */
    public static final Duration MAX_REPLY_WIRE_TIME = Rs485Exchange.MAX_REPLY_WIRE_TIME;

    private final ByteStreamTransport transport;
    private final BankModel model;
    private final InverterProfile profile;
    private final TimeSource time;
    private final DriverMetrics metrics;
    private final Rs485Poll poll;
    private final Rs485Exchange exchange;
    private Scheduler.Cancellable cycleTask;
    private Rs485ResponseTimer timeout;
    private boolean closed;
    private long resyncBase;
    /** A decoded reply not yet applied to the model: its next request went out first (see onReplied). */
    private final PendingReply pending;
    private final Consumer<Event> onEvent = this::onEvent; // made once: onBytes runs per reply
    private volatile boolean answered;
    /**
     * Whether the link reconnected since the last cycle started ({@link #linkReconnected()}). Volatile, not under
     * this object's lock: the driver says so from the transport's I/O thread, which must not block
     * ({@link io.pylon4j.transport.ConnectionStateListener}), and this lock is held around {@code transport.write}.
     */
    private volatile boolean reconnected;

    public Rs485Strategy(ByteStreamTransport transport, BankModel model, DriverOptions options, DriverMetrics metrics) {
        this.transport = transport;
        this.model = model;
        this.profile = options.profile();
        this.time = options.time();
        this.metrics = metrics;
        this.poll = new Rs485Poll(options.rs485Groups(), options.rs485PerModuleLimits());
        this.pending = new PendingReply(model, this::apply);
        this.exchange = new Rs485Exchange(new Rs485Exchange.Settings(profile.rs485ResponseTimeout(),
                profile.rs485Retries(), MAX_REPLY_WIRE_TIME, profile.rs485ResponseTimeout().dividedBy(4)));
        transport.addByteListener(this);
    }

    public synchronized void start(Scheduler s) {
        Scheduler timers = Rs485Timing.timers(s, transport);
        timeout = new Rs485ResponseTimer(timers, System::nanoTime, this::onWakeup);
        cycleTask = timers.scheduleAtFixedRate(this::startCycle, Rs485Timing.firstCycleDelay(timers),
                profile.rs485PollInterval());
    }

    public synchronized void close() {
        closed = true;
        if (cycleTask != null) {
            cycleTask.close();
        }
        if (timeout != null) {
            timeout.close();
        }
        poll.close();
        transport.removeByteListener(this);
    }

    /**
     * The link came up again after having been up (the driver's reconnect, {@link DriverCounters#reconnects()}): the
     * other end may now be another bank, or the same one changed, so the next cycle reads the static info again.
     */
    public void linkReconnected() {
        reconnected = true;
    }

    /** Whether any valid reply has been received (used by baud-rate detection). */
    public boolean answered() {
        return answered;
    }

    synchronized void startCycle() {
        if (closed || exchange.inFlight().isPresent()) {
            return;
        }
        boolean reread = reconnected;
        if (poll.startCycle(transport.state() == ConnectionState.CONNECTED, model.status().supervisionState(),
                reread)) {
            if (reread) {
                reconnected = false;
            }
            metrics.rs485Cycles.increment();
            sendNext();
        }
    }

    private void sendNext() {
        Rs485Poll.Next next = poll.next();
        if (next instanceof Rs485Poll.Ask ask) {
            transmit(exchange.send(ask.request(), ask.probe() ? 0 : profile.rs485Retries()));
        } else if (next instanceof Rs485Poll.CycleDone done) {
            BankValues bank = Rs485GroupAggregator.aggregate(done.groups(), model.policy());
            Moment at = time.now();
            model.batch(() -> publish(bank, at)); // the bank's values of a cycle as one snapshot
        }
    }

    private void transmit(Transmit t) {
        metrics.rs485Requests.increment();
        // the timer first: a transport may deliver the reply before write returns
        arm(t.timeout(), t.timer());
        try {
            transport.write(t.bytes());
        } catch (TransportException e) {
            // the link is down: the timeout treats it as an unanswered request
        }
    }

    private void arm(Duration delay, long timer) {
        timeout.arm(delay, timer);
    }

    private synchronized void onWakeup(long number) {
        if (!closed) {
            timeout.expired(number).ifPresent(this::onTimeout);
        }
    }

    private void onTimeout(long timer) {
        Action action = exchange.onTimeout(timer, this::onEvent);
        countResyncs();
        if (action instanceof Wait w) {
            arm(w.timeout(), w.timer()); // the reply is on its way: wait for it rather than talk over it
            return;
        }
        if (action instanceof Transmit t) {
            poll.watch(model.status().supervisionState());
            metrics.rs485Retries.increment();
            transmit(t);
        } else if (action instanceof GiveUp g) {
            poll.watch(model.status().supervisionState());
            metrics.rs485Timeouts.increment();
            Rs485GroupSilence.GaveUp gave = poll.onGiveUp(g.request());
            metrics.rs485RequestsSkipped.add(gave.skipped());
            gave.silenced().ifPresent(silenced -> Rs485GroupSilence.silenced(model, metrics, silenced, g.request(),
                    g.attempts(), time.now()));
            sendNext(); // the cycle goes on with the other groups, or ends without the silent one
        }
    }

    @Override
    public synchronized void onBytes(byte[] buffer, int offset, int length, long receivedNanoTime) {
        if (closed) {
            return;
        }
        exchange.onBytes(buffer, offset, length, onEvent);
        countResyncs();
    }

    private void countResyncs() {
        long discarded = exchange.readerCounters().bytesDiscarded();
        metrics.rs485Resyncs.add(discarded - resyncBase);
        resyncBase = discarded;
    }

    private void onEvent(Event event) {
        if (event instanceof Discarded d) {
            metrics.rs485BadFrames.increment(); // broken, late, unasked, or not the reply
            switch (d.reason()) {
                case LATE, UNASKED -> metrics.rs485LateReplies.increment(); // after its timeout: never the answer
                case NOT_THE_REPLY -> metrics.rs485RepliesNotMatchingRequest.increment(); // another ADR, layout
                case BROKEN_FRAME -> {
                    if (d.isChecksumError()) {
                        metrics.rs485ChecksumErrors.increment(); // CHKSUM or LCHKSUM (docs/protocol.md §2.2)
                    }
                }
            }
        } else if (event instanceof Replied r) {
            onReplied(r);
        }
    }

    private void onReplied(Replied r) {
        pending.applyIfAny(); // an earlier reply first, if this one came in while its next request was being written
        timeout.disarm();
        answered = true;
        Rs485Response response = r.response();
        Moment at = time.now();
        if (poll.onAnswered(r.request())) {
            Rs485GroupSilence.back(model, metrics, r.request(), at); // its modules rejoin with this cycle's replies
        }
        // The line is idle from the moment a reply's last byte is read, so the next request goes out first and the
        // reply reaches the model (and the events) while the request is on the wire: applying it took longer than
        // the write (benchmarks/README.md, "RS485 poll cycle against wire time"). With nothing else queued, the
        // reply is applied first: applying may queue 0x93/0x96, and the cycle's bank values come from the applied
        // replies. What applying queues goes to the tail either way. Should the transport hand over the next reply
        // within write, applyIfAny() at the top keeps the replies in order.
        pending.hold(response, at); // applied as one batch: one snapshot for the whole reply
        if (poll.queueEmpty()) {
            pending.applyIfAny();
            sendNext();
        } else {
            sendNext();
            pending.applyIfAny();
        }
    }

    private void apply(Rs485Response response, Moment at) {
        if (response instanceof Rejection) {
            metrics.rs485Rejections.increment();
            return;
        }
        metrics.rs485Replies.increment();
        for (Rs485ReplyMapper.Input in : Rs485ReplyMapper.map(response, model.policy().plausibility())) {
            if (in instanceof Rs485ReplyMapper.ModuleInput m) {
                model.onModuleDetails(Source.RS485, m.details(), at);
            } else if (in instanceof Rs485ReplyMapper.AlarmsInput a) {
                model.onAlarms(Source.RS485, a.channel(), a.active(), at);
            } else if (in instanceof Rs485ReplyMapper.AlarmStatesInput a) {
                model.onModuleAlarmStates(Source.RS485, a.states(new FieldStamp(at, Source.RS485)), at);
            } else if (in instanceof Rs485ReplyMapper.BankInfoInput b) {
                model.onBankInfo(Source.RS485, b.info(), at);
            } else if (in instanceof Rs485ReplyMapper.Implausible) {
                metrics.implausibleValues.increment(); // counts as missing: the bank info keeps what it had
            }
        }
        if (response instanceof AnalogValues a) {
            for (int gone : poll.onWholeStack(a)) {
                // a module that left must not stay in the table with its last values, nor keep its alarms raised
                model.onAlarms(Source.RS485, Rs485ReplyMapper.alarmChannel(gone), Set.of(), at);
                model.onModuleLeft(Source.RS485, gone, at);
            }
        } else if (response instanceof ChargeDischargeManagement c) {
            poll.onLimits(c); // the bank's limits are derived at the cycle's end
        }
    }

    /** Publishes the bank's values of a cycle (see {@link Rs485GroupAggregator} for the rules). */
    private void publish(BankValues bank, Moment at) {
        metrics.implausibleValues.add(bank.implausibleGroups());
        bank.measurements().ifPresent(m -> {
            model.onMeasurements(Source.RS485, m, at);
            model.onModuleCount(Source.RS485, bank.moduleCount().orElseThrow(), at);
        });
        if (bank.limits().isPresent()) {
            // the groups passed one by one; their sum, lowest CVL and highest cut-off must pass together too
            if (!model.onLimits(Source.RS485, bank.limits().get(), at)) {
                metrics.implausibleValues.increment();
            }
        } else if (bank.rejected().isPresent()) {
            model.onImplausibleLimits(Source.RS485, bank.rejected().get(), at);
        }
        bank.flags().ifPresent(f -> model.onRequestFlags(Source.RS485, f, at));
    }
}
