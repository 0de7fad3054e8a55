package io.pylon4j.benchmarks.scale;

import static io.pylon4j.benchmarks.scale.ReportFigures.daemon;

import io.pylon4j.can.CanFrame;
import io.pylon4j.driver.BankEvent;
import io.pylon4j.driver.DriverCounters;
import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.EventSubscription;
import io.pylon4j.driver.InverterProfile;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.transport.time.Scheduler;
import io.pylon4j.driver.SupervisionState;
import io.pylon4j.driver.SupervisionTicker;
import io.pylon4j.simulator.ModulePreset;
import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.simulator.frontend.CanFrameSet;
import io.pylon4j.simulator.frontend.CanFrameSetGenerator;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.TransportException;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.Transports;
import io.pylon4j.transport.virtual.VirtualCanBus;
import io.pylon4j.transport.time.TimeSource;
import io.pylon4j.transport.virtual.VirtualTransportProvider;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The scale benchmark of issue #7 item 6: one JVM supervising many simulated RS485 banks over loopback TCP and CAN
 * banks on in-memory buses, each polled or fed at 1 Hz, measuring heap per bank, CPU share, threads and event
 * latency from frame to listener. A plain {@code main}, not JMH: it measures a steady state over a minute, not an
 * operation.
 *
 * <pre>{@code
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.pylon4j.benchmarks.scale.ScaleBenchmark \
 *     --rs485-banks 1000 --can-banks 100 --seconds 60 --warmup 15 [--modules 4]
 * }</pre>
 *
 * <p><b>Battery side.</b> RS485: a child JVM ({@link ScaleBankServer}, same {@code java} and class path) serves
 * every bank on its own loopback port from one selector thread, so its work stays out of this JVM's figures; it is
 * killed when the benchmark ends, also on failure (try-finally and a shutdown hook), and ends by itself when this
 * JVM's end closes its standard input. CAN: a {@link SimulatedBank} per bank in this JVM, fed at 1 Hz through the
 * simulator's {@link CanFrameSetGenerator} by one scheduler thread; its threads are named
 * {@code pylon4j-bench-battery-…} and their CPU is reported apart from the driver's.
 *
 * <p><b>Driver side.</b> {@code PylonDriver.rs485} over the Netty {@code tcp:} transport (one event loop thread for
 * all connections) and {@code PylonDriver.can} on {@code virtual:} bus members; every driver shares one
 * two-thread scheduled executor, one {@link Scheduler}, one single-thread event executor and one
 * {@link SupervisionTicker}, with a 1 s RS485 poll interval. Start-ups are staggered across the first second.
 *
 * <p><b>Latency.</b> The drivers run on a {@link NanoClock}, so an event's {@code at()} is the {@code nanoTime} at
 * which the driver applied a frame. A listener of the benchmark's own on each transport (added before the driver's)
 * records when each frame arrived (RS485: the chunk that carries its CR; CAN: the bus's receive time, which is the
 * send time); the event listener pairs each measurement event with the newest frame at or before its {@code at()}
 * and records {@code nanoTime() − arrival}: decode, model, event queue and the hop to the event thread.
 */
public final class ScaleBenchmark {

    private ScaleBenchmark() {
    }

    /**
     * What to run.
     *
     * @param rs485Banks   RS485 banks (0 to 20,000; one TCP port each in the child)
     * @param canBanks     CAN banks (0 to 2,000; one virtual bus each)
     * @param modules      modules per bank (1 to 14)
     * @param warmup       from the start of the set-up to the measurement window (the set-up happens inside it)
     * @param measure      the measurement window
     * @param setupTimeout how long the child's start, the connections and the first FRESH of every bank may take
     * @param events       where events are delivered: {@code "thread"} on one {@code ThreadPoolExecutor} thread, or
     *                     {@code "direct"} on the I/O thread that decoded the frame ({@code Runnable::run}): not how an
     *                     application should run the driver (a slow listener would stall the link), but it shows how
     *                     much the hop to another thread costs
     * @param timerThreads the threads of the drivers' shared {@code ScheduledThreadPoolExecutor} (1, the default, as
     *                     the driver's own scheduler and the CLI have; 2 was the set-up until 2026-12-08)
     */
    record Config(int rs485Banks, int canBanks, int modules, Duration warmup, Duration measure,
                  Duration setupTimeout, String events, int timerThreads) {

        /** One shared timer thread. */
        Config(int rs485Banks, int canBanks, int modules, Duration warmup, Duration measure, Duration setupTimeout,
               String events) {
            this(rs485Banks, canBanks, modules, warmup, measure, setupTimeout, events, 1);
        }

        Config {
            if (timerThreads < 1 || timerThreads > 8) {
                throw new IllegalArgumentException("--timer-threads must be 1..8: " + timerThreads);
            }
            if (!List.of("thread", "direct").contains(events)) {
                throw new IllegalArgumentException("--events must be thread or direct: " + events);
            }
            if (rs485Banks < 0 || rs485Banks > 20_000 || canBanks < 0 || canBanks > 2_000
                    || rs485Banks + canBanks == 0) {
                throw new IllegalArgumentException("need 0..20000 RS485 banks and 0..2000 CAN banks, not both 0: "
                        + rs485Banks + ", " + canBanks);
            }
            if (modules < 1 || modules > 14) {
                throw new IllegalArgumentException("modules must be 1..14: " + modules);
            }
            if (warmup.isNegative() || measure.isNegative() || measure.isZero() || setupTimeout.isNegative()
                    || setupTimeout.isZero()) {
                throw new IllegalArgumentException("warm-up ≥ 0, measurement and set-up timeout > 0");
            }
        }

        static Config fromArgs(String[] args) {
            Map<String, String> o = parseOptions(args, List.of("--rs485-banks", "--can-banks", "--modules",
                    "--seconds", "--warmup", "--setup-timeout", "--events", "--timer-threads"));
            String events = o.getOrDefault("--events", "thread");
            return new Config(Integer.parseInt(o.getOrDefault("--rs485-banks", "1000")),
                    Integer.parseInt(o.getOrDefault("--can-banks", "100")),
                    Integer.parseInt(o.getOrDefault("--modules", "4")),
                    Duration.ofSeconds(Long.parseLong(o.getOrDefault("--warmup", "15"))),
                    Duration.ofSeconds(Long.parseLong(o.getOrDefault("--seconds", "60"))),
                    Duration.ofSeconds(Long.parseLong(o.getOrDefault("--setup-timeout", "120"))),
                    events, Integer.parseInt(o.getOrDefault("--timer-threads", "1")));
        }

        boolean directEvents() {
            return events.equals("direct");
        }
    }

    /** Runs the benchmark and prints the Markdown table; exit status 1 if a bank was not FRESH at the end. */
    public static void main(String[] args) throws Exception {
        Config config;
        try {
            config = Config.fromArgs(args);
        } catch (IllegalArgumentException e) {
            System.err.println("scale benchmark: " + e.getMessage());
            System.err.println("usage: ScaleBenchmark [--rs485-banks 1000] [--can-banks 100] [--modules 4] "
                    + "[--seconds 60] [--warmup 15] [--setup-timeout 120] [--events thread|direct] "
                    + "[--timer-threads 1]");
            System.exit(2);
            return;
        }
        ScaleReport report = run(config);
        System.out.println(report.toMarkdown());
        System.out.println("shared timer threads: " + config.timerThreads());
        if (!report.allFresh()) {
            System.exit(1);
        }
    }

    /** Runs one benchmark; everything it started is stopped when it returns or throws. */
    static ScaleReport run(Config config) throws Exception {
        try (Run run = new Run(config)) {
            return run.execute();
        }
    }

    /**
     * {@code --name value} pairs; rejects names not in {@code known} and a name without a value.
     *
     * @throws IllegalArgumentException with the offending argument
     */
    static Map<String, String> parseOptions(String[] args, List<String> known) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option '" + name + "'; known: " + known);
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException("option " + name + " needs a value");
            }
            options.put(name, args[++i]);
        }
        return options;
    }

    /** The newest few frame arrival times per bank, written by the bank's I/O thread, read by the event thread. */
    static final class ArrivalRing {
        private static final int SLOTS = 8;
        private final AtomicLongArray times;
        private final int[] next; // each bank's index is written by that bank's I/O thread only

        ArrivalRing(int banks) {
            times = new AtomicLongArray(Math.max(1, banks) * SLOTS);
            next = new int[Math.max(1, banks)];
            for (int i = 0; i < times.length(); i++) {
                times.set(i, Long.MIN_VALUE);
            }
        }

        void record(int bank, long nanoTime) {
            int slot = next[bank];
            times.set(bank * SLOTS + slot, nanoTime);
            next[bank] = (slot + 1) % SLOTS;
        }

        /** The newest arrival at or before {@code nanoTime} (by difference: nanoTime may wrap), or MIN_VALUE. */
        long latestAtOrBefore(int bank, long nanoTime) {
            long best = Long.MIN_VALUE;
            long bestAge = Long.MAX_VALUE;
            for (int s = 0; s < SLOTS; s++) {
                long t = times.get(bank * SLOTS + s);
                if (t == Long.MIN_VALUE) {
                    continue;
                }
                long age = nanoTime - t;
                if (age >= 0 && age < bestAge) {
                    bestAge = age;
                    best = t;
                }
            }
            return best;
        }
    }

    /** One run: owns every thread, transport, driver and the child process it starts. */
    private static final class Run implements AutoCloseable {
        private static final String BATTERY_PREFIX = "pylon4j-bench-battery";

        private final Config config;
        private final NanoClock clock = new NanoClock();
        private final ScheduledThreadPoolExecutor timers;
        private final ThreadPoolExecutor events;
        private final ScheduledThreadPoolExecutor feeder;
        private final Scheduler scheduler;
        private final SupervisionTicker ticker;
        private final InverterProfile profile = InverterProfile.GENERIC_PYLON.toBuilder()
                .rs485PollInterval(Duration.ofSeconds(1)).build();
        private final ArrivalRing rs485Arrivals;
        private final ArrivalRing canArrivals;
        private final LatencyHistogram rs485Latency = new LatencyHistogram();
        private final LatencyHistogram canLatency = new LatencyHistogram();
        private final LatencyHistogram rs485Apply = new LatencyHistogram();
        private final LatencyHistogram canApply = new LatencyHistogram();
        private final LongAdder eventsInWindow = new LongAdder();
        private final CountDownLatch rs485Fresh;
        private final CountDownLatch canFresh;
        private volatile boolean measuring;

        private Process child;
        private Thread childHook;
        private Thread childReader;
        private Transports transports;
        private final List<ByteStreamTransport> tcps = new ArrayList<>();
        private final List<PylonDriver> rs485Drivers = new ArrayList<>();
        /** All CAN buses from one provider, so that their members share its delivery threads (per name prefix). */
        private final VirtualTransportProvider virtual = new VirtualTransportProvider();
        private final List<VirtualCanBus> buses = new ArrayList<>();
        private final List<CanTransport> canBattery = new ArrayList<>();
        private final List<SimulatedBank> canBanks = new ArrayList<>();
        private final List<CanTransport> canMembers = new ArrayList<>();
        private final List<PylonDriver> canDrivers = new ArrayList<>();
        private final List<EventSubscription> subscriptions = new ArrayList<>();

        Run(Config config) {
            this.config = config;
            AtomicInteger timerThreads = new AtomicInteger();
            // one thread, as the driver's own scheduler (DriverThreads) and the CLI: at scale it runs only the
            // supervision ticker and the CAN keep-alives (RS485 timers run on the I/O loop), and a second thread
            // added STPE's leader/follower futex pair (benchmarks/README.md, "Scale", 2026-12-08)
            timers = new ScheduledThreadPoolExecutor(config.timerThreads(),
                    r -> daemon(r, "pylon4j-bench-timers-" + timerThreads.incrementAndGet()));
            timers.setRemoveOnCancelPolicy(true); // 3,000 response timeouts a second are cancelled by their reply
            events = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    r -> daemon(r, "pylon4j-bench-events"));
            feeder = new ScheduledThreadPoolExecutor(1, r -> daemon(r, BATTERY_PREFIX + "-can-feeder"));
            scheduler = Scheduler.of(timers);
            ticker = new SupervisionTicker((TimeSource) clock, scheduler);
            rs485Arrivals = new ArrivalRing(config.rs485Banks());
            canArrivals = new ArrivalRing(config.canBanks());
            rs485Fresh = new CountDownLatch(config.rs485Banks());
            canFresh = new CountDownLatch(config.canBanks());
        }

        ScaleReport execute() throws Exception {
            long start = System.nanoTime();
            List<Integer> ports = config.rs485Banks() > 0 ? startChild() : List.of();
            makeCanBatterySide();
            long heapBaseline = usedHeapAfterGc();
            openRs485(ports);
            await(rs485Fresh, "RS485 banks FRESH");
            long heapAfterRs485 = usedHeapAfterGc();
            openCan();
            await(canFresh, "CAN banks FRESH");
            long heapAfterCan = usedHeapAfterGc();

            long warmupLeft = config.warmup().toNanos() - (System.nanoTime() - start);
            if (warmupLeft > 0) {
                TimeUnit.NANOSECONDS.sleep(warmupLeft); // the warm-up is time passing, nothing to wait for
            }

            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Totals totals0 = totals();
            long handOffs0 = events.getTaskCount();
            long switches0 = VoluntarySwitches.ofEventThread();
            long ioAllocated0 = IoThreadAllocation.allocatedBytes();
            CpuWindow window = CpuWindow.open(this::childCpuNanos);
            measuring = true;
            TimeUnit.NANOSECONDS.sleep(config.measure().toNanos());
            measuring = false;
            Totals totals1 = totals();
            long handOffs1 = events.getTaskCount();
            long switches1 = VoluntarySwitches.ofEventThread();
            long ioAllocated1 = IoThreadAllocation.allocatedBytes();
            CpuWindow.Usage cpu = window.close();
            long windowNanos = cpu.nanos();

            Map<String, ThreadCpuTimes.Split> splitByGroup = cpu.byGroup(Run::group);
            Map<String, Double> byGroup = new TreeMap<>();
            double driver = 0;
            double driverUser = 0;
            double battery = 0;
            double other = 0;
            for (var e : splitByGroup.entrySet()) { // a group's name keeps its thread names' prefix
                String name = e.getKey();
                double percent = e.getValue().cpuPercent();
                byGroup.put(name, percent);
                if (name.startsWith(BATTERY_PREFIX)) {
                    battery += percent;
                } else if (name.startsWith("pylon4j-")) {
                    driver += percent;
                    driverUser += e.getValue().userPercent();
                } else {
                    other += percent;
                }
            }
            int driverThreads = 0;
            int driverVirtual = 0;
            int batteryThreads = 0;
            for (String name : cpu.threadsAfter().names().values()) {
                if (name.startsWith(BATTERY_PREFIX)) {
                    batteryThreads++;
                } else if (name.startsWith("pylon4j-virtual-")) {
                    driverVirtual++;
                } else if (name.startsWith("pylon4j-")) {
                    driverThreads++;
                }
            }
            int liveThreads = threads.getThreadCount();

            Map<String, Integer> rs485States = new TreeMap<>();
            Map<String, Integer> canStates = new TreeMap<>();
            List<String> notFresh = new ArrayList<>();
            states(rs485Drivers, rs485States, notFresh);
            states(canDrivers, canStates, notFresh);
            long dropped = subscriptions.stream().mapToLong(EventSubscription::droppedEvents).sum();
            long heapAtEnd = usedHeapAfterGc();
            double seconds = windowNanos / 1e9;
            long childPid = child == null ? 0 : child.pid();

            close();
            boolean childGone = child == null || !child.isAlive();
            List<String> left = new ArrayList<>();
            for (long id : threads.getAllThreadIds()) {
                var info = threads.getThreadInfo(id);
                if (info != null && info.getThreadName().startsWith("pylon4j-")) {
                    left.add(info.getThreadName());
                }
            }

            return new ScaleReport(config.rs485Banks(), config.canBanks(), config.modules(),
                    config.warmup().toMillis() / 1000.0, seconds, config.events(),
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), cpu.loadBefore(), cpu.loadAfter(), heapBaseline,
                    heapAfterRs485, heapAfterCan, heapAtEnd, cpu.processPercent(), driver,
                    driverUser, battery, other, cpu.othersPercent()[0], byGroup, splitByGroup, liveThreads, driverThreads,
                    driverVirtual, batteryThreads,
                    rs485Latency.summary(), canLatency.summary(), rs485Apply.summary(), canApply.summary(), rs485States, canStates,
                    notFresh.subList(0, Math.min(10, notFresh.size())),
                    (totals1.rs485Cycles - totals0.rs485Cycles) / seconds,
                    (totals1.rs485Requests - totals0.rs485Requests) / seconds,
                    (totals1.rs485Replies - totals0.rs485Replies) / seconds,
                    totals1.rs485Timeouts - totals0.rs485Timeouts, totals1.rs485Retries - totals0.rs485Retries,
                    totals1.rs485BadFrames - totals0.rs485BadFrames,
                    (totals1.canFrames - totals0.canFrames) / seconds, eventsInWindow.sum() / seconds,
                    (handOffs1 - handOffs0) / seconds,
                    switches0 < 0 || switches1 < 0 ? -1 : (switches1 - switches0) / seconds,
                    ioAllocated0 < 0 || ioAllocated1 < 0 ? -1 : (ioAllocated1 - ioAllocated0) / seconds, dropped,
                    childPid, childGone, left);
        }

        /** The child JVM's CPU time so far in ns, or -1 when there is none or the OS does not say. */
        private long childCpuNanos() {
            if (child == null) {
                return -1;
            }
            return child.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
        }

        /** A thread's group: its name without trailing numbers and bank names. */
        private static String group(String name) {
            if (name.startsWith(BATTERY_PREFIX + "-virtual-")) {
                return BATTERY_PREFIX + "-virtual-*";
            }
            if (name.startsWith("pylon4j-virtual-")) {
                return "pylon4j-virtual-*";
            }
            return name.replaceAll("-\\d+(-\\d+)?$", "-N");
        }

        private record Totals(long rs485Cycles, long rs485Requests, long rs485Replies, long rs485Timeouts,
                              long rs485Retries, long rs485BadFrames, long canFrames) {
        }

        private Totals totals() {
            long cycles = 0;
            long requests = 0;
            long replies = 0;
            long timeouts = 0;
            long retries = 0;
            long bad = 0;
            long can = 0;
            for (PylonDriver d : rs485Drivers) {
                DriverCounters c = d.counters();
                cycles += c.rs485Cycles();
                requests += c.rs485Requests();
                replies += c.rs485Replies();
                timeouts += c.rs485Timeouts();
                retries += c.rs485Retries();
                bad += c.rs485BadFrames();
            }
            for (PylonDriver d : canDrivers) {
                can += d.counters().canFrames();
            }
            return new Totals(cycles, requests, replies, timeouts, retries, bad, can);
        }

        private static void states(List<PylonDriver> drivers, Map<String, Integer> counts, List<String> notFresh) {
            for (PylonDriver d : drivers) {
                SupervisionState s = d.status().supervisionState();
                counts.merge(s.name(), 1, Integer::sum);
                if (s != SupervisionState.FRESH) {
                    notFresh.add(d.bankId() + " " + s);
                }
            }
        }

        private void await(CountDownLatch latch, String what) throws InterruptedException, TimeoutException {
            if (!latch.await(config.setupTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TimeoutException(what + ": " + latch.getCount() + " still missing after "
                        + config.setupTimeout());
            }
        }

        private static long usedHeapAfterGc() throws InterruptedException {
            Runtime rt = Runtime.getRuntime();
            long used = Long.MAX_VALUE;
            for (int i = 0; i < 4; i++) {
                System.gc();
                TimeUnit.MILLISECONDS.sleep(50); // let reference processing and a concurrent cycle settle
                used = Math.min(used, rt.totalMemory() - rt.freeMemory());
            }
            return used;
        }

        private List<Integer> startChild() throws IOException, InterruptedException, TimeoutException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    ScaleBankServer.class.getName(), "--banks", Integer.toString(config.rs485Banks()), "--modules",
                    Integer.toString(config.modules()));
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
            child = pb.start();
            Process started = child;
            childHook = new Thread(started::destroyForcibly, BATTERY_PREFIX + "-child-killer");
            Runtime.getRuntime().addShutdownHook(childHook);
            CompletableFuture<String> ready = new CompletableFuture<>();
            childReader = daemon(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(started.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.startsWith(ScaleBankServer.READY_PREFIX)) {
                            ready.complete(line);
                        }
                    }
                } catch (IOException e) {
                    ready.completeExceptionally(e);
                }
                // a no-op once ready; otherwise the child ended (its error went to our stderr) or closed its output
                ready.completeExceptionally(new IOException("the battery-side JVM ended its output before it was "
                        + "ready"));
            }, BATTERY_PREFIX + "-child-reader");
            childReader.start();
            String line;
            try {
                line = ready.get(config.setupTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw new IOException(e.getCause().getMessage(), e.getCause());
            }
            List<Integer> ports = Arrays.stream(line.substring(ScaleBankServer.READY_PREFIX.length()).split(","))
                    .map(Integer::valueOf).toList();
            if (ports.size() != config.rs485Banks()) {
                throw new IOException("the battery-side JVM announced " + ports.size() + " ports, not "
                        + config.rs485Banks());
            }
            return ports;
        }

        private DriverOptions options(String bankId) {
            return DriverOptions.builder(bankId).profile(profile).time(clock)
                    .eventExecutor(config.directEvents() ? Runnable::run : events)
                    .scheduler(scheduler).ticker(ticker).build();
        }

        private void listen(PylonDriver driver, int bank, ArrivalRing arrivals, LatencyHistogram latency,
                            LatencyHistogram apply, CountDownLatch fresh) {
            boolean[] counted = {false}; // touched only on the single event thread
            subscriptions.add(driver.addListener(event -> {
                if (!counted[0] && event instanceof BankEvent.SupervisionStateChanged s
                        && s.current() == SupervisionState.FRESH) {
                    counted[0] = true;
                    fresh.countDown();
                }
                if (!measuring) {
                    return;
                }
                eventsInWindow.increment();
                if (event instanceof BankEvent.MeasurementsUpdated m) {
                    long now = System.nanoTime();
                    long applied = clock.nanoTimeOf(m.at());
                    long arrival = arrivals.latestAtOrBefore(bank, applied);
                    latency.record(arrival == Long.MIN_VALUE ? -1 : now - arrival);
                    apply.record(arrival == Long.MIN_VALUE ? -1 : applied - arrival);
                }
            }));
        }

        private void openRs485(List<Integer> ports) throws Exception {
            transports = Transports.fromServiceLoader(); // one provider: one Netty event loop for every link
            List<CompletableFuture<Void>> opens = new ArrayList<>();
            for (int i = 0; i < ports.size(); i++) {
                int bank = i;
                ByteStreamTransport tcp = transports.byteStream("tcp:127.0.0.1:" + ports.get(i));
                tcps.add(tcp);
                // before the driver's listener: the arrival is recorded before the driver decodes the frame
                // (its cost lands on the Netty thread, so it looks at one byte: with one request in flight, a chunk
                // that completes a reply ends with its CR)
                tcp.addByteListener((buffer, offset, length, receivedNanoTime) -> {
                    if (buffer[offset + length - 1] == '\r') {
                        rs485Arrivals.record(bank, receivedNanoTime);
                    }
                });
                PylonDriver driver = PylonDriver.rs485(tcp, options("rs485-" + i));
                rs485Drivers.add(driver);
                listen(driver, i, rs485Arrivals, rs485Latency, rs485Apply, rs485Fresh);
                opens.add(tcp.open().toCompletableFuture());
            }
            CompletableFuture.allOf(opens.toArray(CompletableFuture[]::new))
                    .get(config.setupTimeout().toMillis(), TimeUnit.MILLISECONDS);
            stagger(rs485Drivers);
        }

        /** Starts each driver at its own offset within one second, so that polls do not all fire at once. */
        private void stagger(List<PylonDriver> drivers) {
            long step = Duration.ofSeconds(1).toNanos() / Math.max(1, drivers.size());
            for (int i = 0; i < drivers.size(); i++) {
                PylonDriver d = drivers.get(i);
                timers.schedule(() -> {
                    d.start();
                }, i * step, TimeUnit.NANOSECONDS);
            }
        }

        private void makeCanBatterySide() throws Exception {
            TransportOptions battery = TransportOptions.defaults().withThreadNamePrefix(BATTERY_PREFIX);
            List<CompletableFuture<Void>> opens = new ArrayList<>();
            for (int i = 0; i < config.canBanks(); i++) {
                VirtualCanBus bus = virtual.canBus("scale-can-" + i);
                buses.add(bus);
                CanTransport member = bus.newMember(battery, 64);
                canBattery.add(member);
                opens.add(member.open().toCompletableFuture());
                SimulatedBank bank = SimulatedBank.builder(ModulePreset.US3000C).modulesPerGroup(config.modules())
                        .stateOfCharge(60).seed(10_000L + i).build();
                bank.setCurrent(10.0); // values move every second, so every set carries a change to publish
                canBanks.add(bank);
            }
            CompletableFuture.allOf(opens.toArray(CompletableFuture[]::new))
                    .get(config.setupTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }

        private void openCan() throws Exception {
            List<CompletableFuture<Void>> opens = new ArrayList<>();
            for (int i = 0; i < config.canBanks(); i++) {
                int bank = i;
                CanTransport member = buses.get(i).newMember(); // the default virtual: endpoint member
                canMembers.add(member);
                member.addFrameListener((frame, receivedNanoTime) -> canArrivals.record(bank, receivedNanoTime));
                PylonDriver driver = PylonDriver.can(member, options("can-" + i));
                canDrivers.add(driver);
                listen(driver, i, canArrivals, canLatency, canApply, canFresh);
                opens.add(member.open().toCompletableFuture());
            }
            CompletableFuture.allOf(opens.toArray(CompletableFuture[]::new))
                    .get(config.setupTimeout().toMillis(), TimeUnit.MILLISECONDS);
            stagger(canDrivers);
            CanFrameSetGenerator generator = new CanFrameSetGenerator(CanFrameSet.PYLON_V12);
            long step = Duration.ofSeconds(1).toNanos() / Math.max(1, config.canBanks());
            for (int i = 0; i < config.canBanks(); i++) {
                SimulatedBank bank = canBanks.get(i);
                CanTransport out = canBattery.get(i);
                feeder.scheduleAtFixedRate(() -> feed(bank, out, generator), i * step,
                        Duration.ofSeconds(1).toNanos(), TimeUnit.NANOSECONDS);
            }
        }

        private static void feed(SimulatedBank bank, CanTransport out, CanFrameSetGenerator generator) {
            // a load that alternates between 10 and 12 A: 0x356 changes every set at its 0.1 A resolution, so every
            // set carries a measurement the driver publishes (a constant load changes nothing there for minutes)
            bank.setCurrent(bank.now().getEpochSecond() % 2 == 0 ? 10.0 : 12.0); // simulated time: +1 s a set
            List<CanFrame> frames = generator.frames(bank.advance(Duration.ofSeconds(1)));
            try {
                for (CanFrame f : frames) {
                    out.send(f);
                }
            } catch (TransportException e) {
                // closing: the driver's supervision would report the silence
            }
        }

        @Override
        public void close() {
            measuring = false;
            feeder.shutdownNow();
            for (PylonDriver d : rs485Drivers) {
                d.close();
            }
            for (PylonDriver d : canDrivers) {
                d.close();
            }
            rs485Drivers.clear(); // close() may run twice (execute, then try-with-resources)
            canDrivers.clear();
            tcps.forEach(ByteStreamTransport::close);
            tcps.clear();
            canMembers.forEach(CanTransport::close);
            canMembers.clear();
            canBattery.forEach(CanTransport::close);
            canBattery.clear();
            ticker.close();
            timers.shutdownNow();
            events.shutdownNow();
            if (child != null) {
                child.destroy();
                try {
                    if (!child.waitFor(5, TimeUnit.SECONDS)) {
                        child.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    child.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
                if (childHook != null) {
                    try {
                        Runtime.getRuntime().removeShutdownHook(childHook);
                    } catch (IllegalStateException e) {
                        // the JVM is shutting down: the hook runs anyway
                    }
                    childHook = null;
                }
            }
            if (childReader != null) {
                try {
                    childReader.join(5000); // ends at the child's end of output
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            try {
                timers.awaitTermination(5, TimeUnit.SECONDS);
                events.awaitTermination(5, TimeUnit.SECONDS);
                feeder.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
