package io.pylon4j.benchmarks.scale;

import io.pylon4j.mqtt.PylonMqttBridge;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Issue #16's benchmark: the scale benchmark's RS485 banks ({@link ScaleBankServer} in a child JVM, Netty {@code tcp:}
 * drivers polled at 1 Hz on shared threads) all published through one {@link PylonMqttBridge} into a Mosquitto the
 * benchmark starts on a free loopback port ({@link MosquittoProcess}), with one subscriber in this JVM
 * ({@link MqttSubscriber}) that pairs each bank's state message with the newest reply arrival of that bank. Reports
 * messages/s published and received, CPU of the bridge's threads apart from the drivers', Mosquitto's CPU, heap per
 * bank and the frame → subscriber latency ({@link MqttScaleReport}).
 *
 * <pre>{@code
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.pylon4j.benchmarks.scale.MqttScaleBenchmark \
 *     --rs485-banks 1000 --seconds 60 --warmup 20 [--modules 4] [--min-interval-ms 1000]
 * }</pre>
 */
public final class MqttScaleBenchmark {

    static final String SITE = "bench";

    private MqttScaleBenchmark() {
    }

    /**
     * What to run.
     *
     * @param banks         RS485 banks (1 to 20,000)
     * @param modules       modules per bank (1 to 14)
     * @param warmup        from the start of the set-up to the window (the set-up happens inside it)
     * @param measure       the measurement window
     * @param setupTimeout  how long the child's start, the connections and the first FRESH of every bank may take
     * @param minInterval   the bridge's shortest time between two state publishes of a bank (its default: 1 s)
     */
    record Config(int banks, int modules, Duration warmup, Duration measure, Duration setupTimeout,
                  Duration minInterval) {
        Config {
            if (banks < 1 || banks > 20_000 || modules < 1 || modules > 14) {
                throw new IllegalArgumentException("need 1..20000 banks of 1..14 modules: " + banks + ", " + modules);
            }
            if (warmup.isNegative() || measure.isNegative() || measure.isZero() || setupTimeout.isNegative()
                    || setupTimeout.isZero() || minInterval.isNegative()) {
                throw new IllegalArgumentException("warm-up ≥ 0, measurement and set-up timeout > 0, interval ≥ 0");
            }
        }

        static Config fromArgs(String[] args) {
            Map<String, String> o = ScaleBenchmark.parseOptions(args, List.of("--rs485-banks", "--modules",
                    "--seconds", "--warmup", "--setup-timeout", "--min-interval-ms"));
            return new Config(Integer.parseInt(o.getOrDefault("--rs485-banks", "1000")),
                    Integer.parseInt(o.getOrDefault("--modules", "4")),
                    Duration.ofSeconds(Long.parseLong(o.getOrDefault("--warmup", "20"))),
                    Duration.ofSeconds(Long.parseLong(o.getOrDefault("--seconds", "60"))),
                    Duration.ofSeconds(Long.parseLong(o.getOrDefault("--setup-timeout", "120"))),
                    Duration.ofMillis(Long.parseLong(o.getOrDefault("--min-interval-ms", "1000"))));
        }
    }

    /** Runs the benchmark and prints the Markdown table; exit status 1 if the report is not complete. */
    public static void main(String[] args) throws Exception {
        Config config;
        try {
            config = Config.fromArgs(args);
        } catch (IllegalArgumentException e) {
            System.err.println("MQTT scale benchmark: " + e.getMessage());
            System.err.println("usage: MqttScaleBenchmark [--rs485-banks 1000] [--modules 4] [--seconds 60] "
                    + "[--warmup 20] [--setup-timeout 120] [--min-interval-ms 1000]");
            System.exit(2);
            return;
        }
        MqttScaleReport report = run(config);
        System.out.println(report.toMarkdown());
        if (!report.complete()) {
            System.exit(1);
        }
    }

    /** Runs one benchmark; everything it started is stopped when it returns or throws. */
    static MqttScaleReport run(Config config) throws Exception {
        try (MqttScaleRun run = new MqttScaleRun(config)) {
            return run.execute();
        }
    }
}
