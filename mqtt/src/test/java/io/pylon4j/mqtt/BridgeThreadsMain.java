package io.pylon4j.mqtt;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Run in a fresh JVM by {@link MqttThreadsTest}: notes the JVM's threads, opens a bridge with its own client to
 * {@code tcp://127.0.0.1:PORT}, waits until it is connected, closes it, waits up to 20 s for the threads that came to
 * end, and prints those still alive that were not there before, one name a line after a {@code threads:} line.
 */
public final class BridgeThreadsMain {

    private BridgeThreadsMain() {
    }

    /**
     * @param args the broker's port on loopback
     */
    public static void main(String[] args) throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        PylonMqttBridge bridge = PylonMqttBridge.builder(MqttBridgeOptions.defaults().withSite("threads"))
                .broker(MqttBroker.parse("tcp://127.0.0.1:" + args[0])).build();
        bridge.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!bridge.isConnected() && System.nanoTime() - deadline < 0) {
            Thread.sleep(20);
        }
        if (!bridge.isConnected()) {
            System.out.println("not connected: " + bridge.linkCause());
            System.exit(1);
        }
        bridge.close();
        Set<String> left = new TreeSet<>();
        deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        do {
            left = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t) && t.isAlive())
                    .map(Thread::getName).collect(Collectors.toCollection(TreeSet::new));
            if (left.stream().allMatch(MqttThreadsTest.RXJAVA_GLOBAL_THREADS::contains)) {
                break; // Netty's loop ends after its graceful shutdown's quiet period (2 s)
            }
            TimeUnit.MILLISECONDS.sleep(50);
        } while (System.nanoTime() - deadline < 0);
        System.out.println("threads:");
        left.forEach(System.out::println);
    }
}
