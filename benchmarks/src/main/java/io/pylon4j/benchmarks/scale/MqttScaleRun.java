package io.pylon4j.benchmarks.scale;

import static io.pylon4j.benchmarks.scale.ReportFigures.daemon;

import io.pylon4j.driver.BankEvent;
import io.pylon4j.driver.DriverCounters;
import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.SupervisionTicker;
import io.pylon4j.driver.InverterProfile;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.driver.SupervisionState;
import io.pylon4j.mqtt.BridgeCounters;
import io.pylon4j.mqtt.MqttBridgeOptions;
import io.pylon4j.mqtt.MqttBroker;
import io.pylon4j.mqtt.PylonMqttBridge;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.Transports;
import io.pylon4j.transport.time.Scheduler;
import io.pylon4j.transport.time.TimeSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One {@link MqttScaleBenchmark} run: owns the broker, the battery-side child JVM, the drivers and their shared
 * threads, the bridge and the subscriber, and stops them all at {@link #close()} (twice is harmless).
 */
final class MqttScaleRun implements AutoCloseable {

    private final MqttScaleBenchmark.Config config;
    private final ScheduledThreadPoolExecutor timers;
    private final ThreadPoolExecutor events;
    private final Scheduler scheduler;
    /** One supervision task for all the banks, as in the scale benchmark: not a ticker per driver. */
    private final SupervisionTicker ticker;
    private final InverterProfile profile = InverterProfile.GENERIC_PYLON.toBuilder()
            .rs485PollInterval(Duration.ofSeconds(1)).build();
    private final ScaleBenchmark.ArrivalRing arrivals;
    private final CountDownLatch fresh;
    private final List<ByteStreamTransport> tcps = new ArrayList<>();
    private final List<PylonDriver> drivers = new ArrayList<>();
    private MosquittoProcess broker;
    private BankServerChild child;
    private MqttSubscriber subscriber;
    private PylonMqttBridge bridge;

    MqttScaleRun(MqttScaleBenchmark.Config config) {
        this.config = config;
        AtomicInteger timerThreads = new AtomicInteger();
        timers = new ScheduledThreadPoolExecutor(2, r -> daemon(r, "pylon4j-bench-timers-"
                + timerThreads.incrementAndGet()));
        timers.setRemoveOnCancelPolicy(true); // thousands of response timeouts a second are cancelled by the reply
        events = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> daemon(r, "pylon4j-bench-events"));
        scheduler = Scheduler.of(timers);
        ticker = new SupervisionTicker(TimeSource.system(), scheduler);
        arrivals = new ScaleBenchmark.ArrivalRing(config.banks());
        fresh = new CountDownLatch(config.banks());
    }

    MqttScaleReport execute() throws Exception {
        long start = System.nanoTime();
        broker = MosquittoProcess.start();
        child = BankServerChild.start(config.banks(), config.modules(), config.setupTimeout());
        List<Integer> ports = child.ports();
        MqttBridgeOptions options = MqttBridgeOptions.defaults().withSite(MqttScaleBenchmark.SITE)
                .withIntervals(config.minInterval(), Duration.ofSeconds(5).compareTo(config.minInterval()) < 0
                        ? config.minInterval() : Duration.ofSeconds(5), Duration.ofSeconds(30));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ports.size(); i++) {
            index.put(bankId(i), i);
        }
        subscriber = new MqttSubscriber(broker.port(), options.prefix() + "/" + options.site(), index, arrivals);
        long heapBaseline = usedHeapAfterGc();
        openDrivers(ports);
        if (!fresh.await(config.setupTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException("banks FRESH: " + fresh.getCount() + " still missing after "
                    + config.setupTimeout());
        }
        long heapDrivers = usedHeapAfterGc();
        bridge = PylonMqttBridge.builder(options).broker(new MqttBroker("127.0.0.1", broker.port(), false,
                Optional.empty(), Optional.empty())).build();
        for (int i = 0; i < drivers.size(); i++) {
            bridge.addBank(bankId(i), drivers.get(i));
        }
        bridge.start();
        long warmupLeft = config.warmup().toNanos() - (System.nanoTime() - start);
        if (warmupLeft > 0) {
            TimeUnit.NANOSECONDS.sleep(warmupLeft); // the warm-up is time passing, nothing to wait for
        }

        long replies0 = replies();
        BridgeCounters bridge0 = bridge.counters();
        CpuWindow window = CpuWindow.open(child::cpuNanos, broker::cpuNanos);
        subscriber.measuring(true);
        TimeUnit.NANOSECONDS.sleep(config.measure().toNanos());
        subscriber.measuring(false);
        BridgeCounters bridge1 = bridge.counters();
        long replies1 = replies();
        CpuWindow.Usage cpu = window.close();
        long windowNanos = cpu.nanos();

        Map<String, Double> byGroup = new TreeMap<>();
        double bridgeCpu = 0;
        double driverCpu = 0;
        double subscriberCpu = 0;
        for (CpuWindow.ThreadCpu t : cpu.threads()) {
            double percent = t.percent();
            String name = t.name();
            byGroup.merge(name.replaceAll("-\\d+(-\\d+)?$", "-N"), percent, Double::sum);
            if (name.startsWith("pylon4j-mqtt-")) {
                bridgeCpu += percent;
            } else if (name.startsWith("pylon4j-bench-subscriber")) {
                subscriberCpu += percent;
            } else if (name.startsWith("pylon4j-")) {
                driverCpu += percent;
            }
        }
        int bridgeThreads = (int) cpu.threads().stream().filter(t -> t.name().startsWith("pylon4j-mqtt-")).count();
        int freshAtEnd = 0;
        List<String> notFresh = new ArrayList<>();
        for (PylonDriver d : drivers) {
            SupervisionState s = d.status().supervisionState();
            if (s == SupervisionState.FRESH) {
                freshAtEnd++;
            } else if (notFresh.size() < 10) {
                notFresh.add(d.bankId() + " " + s);
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int liveThreads = threads.getThreadCount();
        long heapBridge = usedHeapAfterGc();
        double seconds = windowNanos / 1e9;
        long mosquittoPid = broker.pid();
        long childPid = child.pid();

        close();
        boolean gone = !broker.isAlive() && !child.isAlive();
        List<String> left = new ArrayList<>();
        for (long id : threads.getAllThreadIds()) {
            var info = threads.getThreadInfo(id);
            if (info != null && info.getThreadName().startsWith("pylon4j-")) {
                left.add(info.getThreadName());
            }
        }
        return new MqttScaleReport(config.banks(), config.modules(), config.warmup().toMillis() / 1000.0, seconds,
                config.minInterval().toMillis(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), cpu.loadBefore(), cpu.loadAfter(), heapBaseline,
                heapDrivers, heapBridge, cpu.processPercent(), bridgeCpu, driverCpu, subscriberCpu,
                cpu.othersPercent()[1], cpu.othersPercent()[0], byGroup, liveThreads,
                bridgeThreads, (replies1 - replies0) / seconds, (bridge1.published() - bridge0.published()) / seconds,
                subscriber.received() / seconds, subscriber.states() / seconds, subscriber.banksSeen(),
                subscriber.latency(), subscriber.eventLatency(), freshAtEnd, notFresh, bridge1.failed() - bridge0.failed(),
                bridge1.droppedEvents() - bridge0.droppedEvents(), bridge1.droppedState() - bridge0.droppedState(),
                mosquittoPid, childPid, gone, left);
    }

    private static String bankId(int i) {
        return "rs485-" + i;
    }

    private void openDrivers(List<Integer> ports) throws Exception {
        Transports transports = Transports.fromServiceLoader(); // one provider: one Netty event loop for every link
        List<CompletableFuture<Void>> opens = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            int bank = i;
            ByteStreamTransport tcp = transports.byteStream("tcp:127.0.0.1:" + ports.get(i));
            tcps.add(tcp);
            // before the driver's listener; with one request in flight, a chunk that completes a reply ends in CR
            tcp.addByteListener((buffer, offset, length, receivedNanoTime) -> {
                if (buffer[offset + length - 1] == '\r') {
                    arrivals.record(bank, receivedNanoTime);
                }
            });
            PylonDriver driver = PylonDriver.rs485(tcp, DriverOptions.builder(bankId(i)).profile(profile)
                    .eventExecutor(events).scheduler(scheduler).ticker(ticker).build());
            drivers.add(driver);
            boolean[] counted = {false}; // touched only on the single event thread
            driver.addListener(event -> {
                if (!counted[0] && event instanceof BankEvent.SupervisionStateChanged s
                        && s.current() == SupervisionState.FRESH) {
                    counted[0] = true;
                    fresh.countDown();
                }
            });
            opens.add(tcp.open().toCompletableFuture());
        }
        CompletableFuture.allOf(opens.toArray(CompletableFuture[]::new))
                .get(config.setupTimeout().toMillis(), TimeUnit.MILLISECONDS);
        long step = Duration.ofSeconds(1).toNanos() / drivers.size(); // polls spread over the second
        for (int i = 0; i < drivers.size(); i++) {
            timers.schedule(drivers.get(i)::start, i * step, TimeUnit.NANOSECONDS);
        }
    }

    private long replies() {
        return drivers.stream().map(PylonDriver::counters).mapToLong(DriverCounters::rs485Replies).sum();
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

    @Override
    public void close() throws InterruptedException {
        if (bridge != null) {
            bridge.close(); // before the drivers: it publishes offline for every bank
        }
        drivers.forEach(PylonDriver::close);
        drivers.clear();
        ticker.close();
        tcps.forEach(ByteStreamTransport::close);
        tcps.clear();
        if (subscriber != null) {
            subscriber.close();
        }
        timers.shutdownNow();
        events.shutdownNow();
        if (child != null) {
            child.close();
        }
        if (broker != null) {
            broker.close();
        }
        timers.awaitTermination(5, TimeUnit.SECONDS);
        events.awaitTermination(5, TimeUnit.SECONDS);
    }
}
