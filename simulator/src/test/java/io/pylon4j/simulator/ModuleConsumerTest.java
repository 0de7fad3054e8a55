package io.pylon4j.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.CanFrame;
import io.pylon4j.rs485.Rs485Frame;
import io.pylon4j.simulator.junit.PylonBank;
import io.pylon4j.transport.Transports;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Modular applications that {@code requires io.pylon4j.simulator}, compiled with the real {@code javac} on the
 * module path: one without JUnit anywhere (the extension's JUnit dependency must not reach a consumer's main code),
 * and a test module that uses {@code @PylonBank} with JUnit present.
 */
class ModuleConsumerTest {

    @TempDir
    Path dir;

    /** The simulator's module path without JUnit: itself and the pylon4j modules it requires. */
    private static List<Path> pylonModules() {
        return Stream.of(PylonBank.class, CanFrame.class, Rs485Frame.class, Transports.class)
                .map(ModuleConsumerTest::location).toList();
    }

    /** The JUnit Jupiter API and the modules it requires. */
    private static List<Path> junitModules() throws ClassNotFoundException {
        return Stream.of(Test.class, Class.forName("org.junit.platform.commons.util.Preconditions"),
                Class.forName("org.opentest4j.AssertionFailedError"), Class.forName("org.apiguardian.api.API"))
                .map(ModuleConsumerTest::location).toList();
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path write(String relative, String source) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        return file;
    }

    /** Runs javac on the module's sources; returns its diagnostics, failing the test with them if it fails. */
    private String javac(Path moduleSource, List<Path> modulePath) throws Exception {
        List<String> args = new ArrayList<>(List.of("-d", dir.resolve("out").toString(), "--module-path",
                modulePath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator))));
        try (Stream<Path> files = Files.walk(moduleSource)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = ToolProvider.findFirst("javac").orElseThrow().run(print, print, args.toArray(String[]::new));
        String diagnostics = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as("javac %s%n%s", args, diagnostics).isZero();
        return diagnostics;
    }

    @Test
    void anApplicationThatRequiresTheSimulatorCompilesWithoutJUnit() throws Exception {
        Path src = dir.resolve("app");
        write("app/module-info.java", "module example.app { requires io.pylon4j.simulator; }");
        write("app/example/app/Main.java", """
                package example.app;
                import io.pylon4j.simulator.ModulePreset;
                import io.pylon4j.simulator.SimulatedBank;
                public class Main {
                    public static void main(String[] args) {
                        SimulatedBank bank = SimulatedBank.builder(ModulePreset.US3000C).modulesPerGroup(2).build();
                        System.out.println(bank.snapshot().modulesOnline());
                    }
                }
                """);
        javac(src, pylonModules());
        assertThat(dir.resolve("out/example/app/Main.class")).exists();
    }

    @Test
    void aTestModuleThatReadsJUnitUsesPylonBank() throws Exception {
        Path src = dir.resolve("tests");
        write("tests/module-info.java", """
                module example.tests {
                    requires io.pylon4j.simulator;
                    requires org.junit.jupiter.api;
                }
                """);
        write("tests/example/tests/BankTest.java", """
                package example.tests;
                import io.pylon4j.simulator.junit.PylonBank;
                import io.pylon4j.simulator.junit.SimulatedBankHandle;
                import org.junit.jupiter.api.Test;
                @PylonBank(modules = 2)
                class BankTest {
                    @Test
                    void sees(SimulatedBankHandle bank) {
                        org.junit.jupiter.api.Assertions.assertEquals(2, bank.snapshot().modulesOnline());
                    }
                }
                """);
        List<Path> modulePath = new ArrayList<>(pylonModules());
        modulePath.addAll(junitModules());
        javac(src, modulePath);
        assertThat(dir.resolve("out/example/tests/BankTest.class")).exists();
    }

    @Test
    void theSimulatorReadsJUnitOnlyWhenSomethingElseBringsIt() throws Exception {
        ModuleDescriptor d;
        try (InputStream in = Files.newInputStream(Path.of("target/classes/module-info.class"))) {
            d = ModuleDescriptor.read(in);
        }
        assertThat(d.requires()).filteredOn(r -> r.name().equals("org.junit.jupiter.api")).singleElement()
                .satisfies(r -> assertThat(r.modifiers()).containsExactly(ModuleDescriptor.Requires.Modifier.STATIC));
        // pylon4j-testing (@PylonBank's manual time) is as optional as JUnit
        assertThat(d.requires()).filteredOn(r -> r.name().equals("io.pylon4j.testing")).singleElement()
                .satisfies(r -> assertThat(r.modifiers()).containsExactly(ModuleDescriptor.Requires.Modifier.STATIC));
    }
}
