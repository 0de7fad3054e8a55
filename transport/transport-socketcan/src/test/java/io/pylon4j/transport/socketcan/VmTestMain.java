package io.pylon4j.transport.socketcan;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the SocketCAN integration tests inside the VM in one plain JVM, without Maven (slow to start under software
 * emulation, and offline it would take this reactor's snapshots from the shared local repository):
 * {@code java -cp … io.pylon4j.transport.socketcan.VmTestMain CLASS…}. Prints each test and
 * exits 0 only when at least one test ran and none failed or was skipped: inside the VM a skipped integration
 * test means the set-up is broken, and CI must not pass on it.
 */
public final class VmTestMain {

    private VmTestMain() {
    }

    /**
     * Runs the given test classes (simple names are taken from this package).
     *
     * @param args test class names
     */
    public static void main(String[] args) {
        List<ClassSelector> selectors = new ArrayList<>();
        for (String name : args) {
            selectors.add(selectClass(name.contains(".") ? name : VmTestMain.class.getPackageName() + "." + name));
        }
        AtomicInteger passed = new AtomicInteger();
        List<String> problems = new ArrayList<>();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectors).build(),
                new TestExecutionListener() {
                    private final java.util.Map<String, Long> started = new java.util.concurrent.ConcurrentHashMap<>();

                    @Override
                    public void executionStarted(TestIdentifier test) {
                        started.put(test.getUniqueId(), System.nanoTime());
                    }

                    @Override
                    public void executionSkipped(TestIdentifier test, String reason) {
                        problems.add("SKIPPED " + test.getDisplayName() + ": " + reason);
                        System.out.println("SKIP  " + test.getDisplayName() + ": " + reason);
                    }

                    @Override
                    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                        long ms = (System.nanoTime() - started.getOrDefault(test.getUniqueId(), System.nanoTime()))
                                / 1_000_000;
                        String name = test.getLegacyReportingName();
                        switch (result.getStatus()) {
                            case SUCCESSFUL -> {
                                if (test.isTest()) {
                                    passed.incrementAndGet();
                                    System.out.printf("PASS  %s (%d ms)%n", name, ms);
                                }
                            }
                            case ABORTED -> {
                                problems.add("ABORTED " + name + ": " + message(result));
                                System.out.printf("ABORT %s: %s%n", name, message(result));
                            }
                            case FAILED -> {
                                problems.add("FAILED " + name + ": " + message(result));
                                System.out.printf("FAIL  %s (%d ms)%n%s%n", name, ms, stackTrace(result));
                            }
                        }
                    }
                });
        System.out.printf("%d passed, %d problems%n", passed.get(), problems.size());
        problems.forEach(p -> System.out.println("  " + p));
        System.out.flush();
        System.exit(passed.get() > 0 && problems.isEmpty() ? 0 : 1);
    }

    private static String message(TestExecutionResult result) {
        return result.getThrowable().map(Throwable::getMessage).orElse("");
    }

    private static String stackTrace(TestExecutionResult result) {
        return result.getThrowable().map(t -> {
            StringWriter out = new StringWriter();
            t.printStackTrace(new PrintWriter(out));
            return out.toString();
        }).orElse("");
    }
}
