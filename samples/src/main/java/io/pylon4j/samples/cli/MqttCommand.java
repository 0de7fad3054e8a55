package io.pylon4j.samples.cli;

import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.mqtt.MqttBridgeOptions;
import io.pylon4j.mqtt.MqttBroker;
import io.pylon4j.mqtt.PylonMqttBridge;
import io.pylon4j.transport.InvalidEndpointException;
import io.pylon4j.transport.Transports;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pylon mqtt --broker tcp://HOST:PORT}: publishes one or more banks to an MQTT broker through
 * {@link PylonMqttBridge} ({@code docs/mqtt.md}): a live link ({@code --can}, {@code --rs485}, {@code --bank
 * ID=can:ENDPOINT|rs485:ENDPOINT}, repeatable) or a simulated bank ({@code --simulate NxMODEL}, on the simulator's
 * manual time stepped once a second). Prints where it publishes and every bank it could not open; runs until
 * stopped (or {@code --seconds}). A clean stop publishes {@code offline}; a killed process leaves it to the broker's
 * last will. Exit status: 0; 2 for a bad command line, or when no bank could be opened.
 */
@Command(name = "mqtt", mixinStandardHelpOptions = true,
        description = {"Publish banks to an MQTT broker: status, events, availability, Home Assistant discovery.",
                "Commands (a capped charge/discharge current with an expiry) only with --allow-commands.",
                "The password is read from --password-file or the environment variable PYLON_MQTT_PASSWORD,",
                "never from the command line, where every user of the machine sees it (ps, /proc) and the shell",
                "keeps it in its history."})
final class MqttCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--broker", required = true, paramLabel = "URI",
            description = "The broker: tcp://HOST:PORT, or ssl://HOST:PORT for TLS.")
    String broker;

    @Option(names = "--site", paramLabel = "NAME", defaultValue = "default",
            description = "The site, the second topic level. Default: ${DEFAULT-VALUE}")
    String site;

    @Option(names = "--prefix", paramLabel = "PREFIX", defaultValue = "pylon4j",
            description = "The first topic level. Default: ${DEFAULT-VALUE}")
    String prefix;

    @Option(names = "--ha-discovery", description = "Publish Home Assistant discovery configs.")
    boolean haDiscovery;

    @Option(names = "--allow-commands",
            description = "Accept capped-current commands on PREFIX/SITE/BANK/cap/set (off by default).")
    boolean allowCommands;

    @Option(names = "--username", paramLabel = "USER", description = "The broker user name.")
    String username;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "A file whose first line is the broker password (else PYLON_MQTT_PASSWORD).")
    Path passwordFile;

    @Option(names = "--ca-file", paramLabel = "PEM",
            description = "With ssl://: trust only the CA certificate(s) in this PEM file, not the JDK's trust store.")
    Path caFile;

    @Option(names = "--can", paramLabel = "ENDPOINT", description = "A bank on this CAN endpoint (bank id 'can').")
    String can;

    @Option(names = "--rs485", paramLabel = "ENDPOINT",
            description = "A bank on this RS485 endpoint (bank id 'rs485').")
    String rs485;

    @Option(names = "--simulate", paramLabel = "NxMODEL",
            description = "A simulated bank, e.g. 4xUS3000C (bank id 'simulated').")
    String simulate;

    @Option(names = "--bank", paramLabel = "ID=can:ENDPOINT|rs485:ENDPOINT",
            description = "A bank with its id, repeatable.")
    List<String> banks = new ArrayList<>();

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "0",
            description = "Stop after this long; 0 runs until stopped. Default: ${DEFAULT-VALUE}")
    int seconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MqttBroker target;
        MqttBridgeOptions options;
        Map<String, String> links = new LinkedHashMap<>();
        try {
            target = MqttBroker.parse(broker);
            if (caFile != null) {
                target = target.withCaFile(caFile);
            }
            if (username != null) {
                target = target.withCredentials(username, password());
            } else if (passwordFile != null) {
                throw new IllegalArgumentException("--password-file needs --username");
            }
            options = MqttBridgeOptions.defaults().withPrefix(prefix).withSite(site).withHaDiscovery(haDiscovery)
                    .withAllowCommands(allowCommands);
            links.putAll(links());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (links.isEmpty() && simulate == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give a bank: --can, --rs485, --simulate or --bank");
        }
        List<AutoCloseable> owned = new ArrayList<>();
        PylonMqttBridge built;
        try {
            built = PylonMqttBridge.builder(options).broker(target).build();
        } catch (IllegalArgumentException e) { // an unreadable CA file
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try (PylonMqttBridge bridge = built) {
            if (simulate != null) {
                SimulatedBankRig rig = SimulatedBankRig.start(simulate, true, true);
                owned.add(rig);
                bridge.addBank("simulated", rig.driver());
                Thread stepper = new Thread(() -> step(rig), "pylon4j-mqtt-simulated-bank");
                stepper.setDaemon(true);
                stepper.start();
            }
            Transports transports = Transports.fromServiceLoader();
            for (Map.Entry<String, String> bank : links.entrySet()) {
                String[] kindAndEndpoint = bank.getValue().split(":", 2);
                DriverOptions driverOptions = DriverOptions.builder(bank.getKey()).build();
                try {
                    PylonDriver driver = kindAndEndpoint[0].equals("can")
                            ? PylonDriver.openCan(transports, kindAndEndpoint[1], driverOptions)
                            : PylonDriver.openRs485(transports, kindAndEndpoint[1], driverOptions);
                    owned.add(driver);
                    driver.start();
                    bridge.addBank(bank.getKey(), driver);
                } catch (InvalidEndpointException | IllegalArgumentException e) {
                    err.println("pylon mqtt: bank " + bank.getKey() + " not published: " + e.getMessage());
                    err.flush();
                }
            }
            if (owned.isEmpty()) {
                err.println("pylon mqtt: no bank could be opened");
                return ExitStatus.USAGE;
            }
            int published = owned.size();
            // Ctrl-C or SIGTERM: a clean close publishes offline (only SIGKILL leaves it to the last will)
            Thread onStop = new Thread(bridge::close, "pylon4j-mqtt-shutdown");
            Runtime.getRuntime().addShutdownHook(onStop);
            owned.add(() -> {
                try {
                    Runtime.getRuntime().removeShutdownHook(onStop);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it closes the bridge
                }
            });
            bridge.start();
            out.println("# pylon mqtt: publishing " + published + " bank(s) to " + target + " under "
                    + prefix + "/" + site + "/BANK (Home Assistant discovery " + (haDiscovery ? "on" : "off")
                    + ", commands " + (allowCommands ? "on" : "off") + "); Ctrl-C stops it");
            out.flush();
            waitAndReport(bridge, out);
            return ExitStatus.OK;
        } finally {
            for (AutoCloseable c : owned) {
                c.close();
            }
        }
    }

    /** The password from --password-file (its first line), else PYLON_MQTT_PASSWORD, else none (empty). */
    private String password() {
        if (passwordFile == null) {
            return System.getenv().getOrDefault("PYLON_MQTT_PASSWORD", "");
        }
        try (BufferedReader in = Files.newBufferedReader(passwordFile)) {
            String line = in.readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the password file " + passwordFile + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** The live banks by id, from --can, --rs485 and --bank, as "can:ENDPOINT" or "rs485:ENDPOINT". */
    private Map<String, String> links() {
        Map<String, String> out = new LinkedHashMap<>();
        if (can != null) {
            out.put("can", "can:" + can);
        }
        if (rs485 != null) {
            out.put("rs485", "rs485:" + rs485);
        }
        for (String b : banks) {
            int eq = b.indexOf('=');
            String link = eq < 0 ? "" : b.substring(eq + 1);
            if (eq < 1 || !(link.startsWith("can:") || link.startsWith("rs485:"))) {
                throw new IllegalArgumentException("--bank is ID=can:ENDPOINT or ID=rs485:ENDPOINT: '" + b + "'");
            }
            if (out.put(b.substring(0, eq), link) != null) {
                throw new IllegalArgumentException("bank id given twice: " + b.substring(0, eq));
            }
        }
        return out;
    }

    /** Runs for --seconds (or until the JVM stops), saying once when the broker cannot be reached, and why. */
    private void waitAndReport(PylonMqttBridge bridge, PrintWriter out) throws InterruptedException {
        long end = seconds > 0 ? System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds) : Long.MAX_VALUE;
        boolean saidDown = false;
        long since = System.nanoTime();
        while (seconds == 0 || System.nanoTime() - end < 0) {
            TimeUnit.MILLISECONDS.sleep(200);
            boolean up = bridge.isConnected();
            if (!up && !saidDown && System.nanoTime() - since > TimeUnit.SECONDS.toNanos(3)) {
                out.println("# not connected to the broker: " + bridge.linkCause() + " (retrying with backoff)");
                out.flush();
                saidDown = true;
            } else if (up && saidDown) {
                out.println("# connected to the broker");
                out.flush();
                saidDown = false;
            }
            if (up) {
                since = System.nanoTime();
            }
        }
    }

    /** Lets simulated time pass on the bank in step with the wall clock, once a second. */
    private static void step(SimulatedBankRig rig) {
        try {
            while (true) {
                long next = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
                rig.step(Duration.ofSeconds(1));
                TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
            }
        } catch (InterruptedException | java.util.concurrent.TimeoutException | RuntimeException e) {
            // the rig was closed (end of the command) or its buses stalled: the bank goes STALE, shown as offline
        }
    }
}
