package io.pylon4j.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The gateway uses only the driver's public façade and values: its module requires the driver and nothing else,
 * and no compiled class names the driver's engine (which the driver is hiding).
 */
class ModuleBoundaryTest {

    static final Path CLASSES = Path.of("target/classes");

    /** The driver's engine: the gateway must not reach it. */
    static final List<String> ENGINE = List.of("BankModel", "EventPublisher", "Supervisor", "SupervisionTicker",
            "AlarmMapping", "SlidingRate", "CanStrategy", "Rs485Strategy", "Rs485Poll", "Rs485ReplyMapper",
            "Rs485GroupAggregator", "internal/");

    @Test
    void requiresOnlyTheDriverAndExportsOnePackage() throws Exception {
        ModuleDescriptor d;
        try (InputStream in = Files.newInputStream(CLASSES.resolve("module-info.class"))) {
            d = ModuleDescriptor.read(in);
        }
        assertThat(d.name()).isEqualTo("io.pylon4j.gateway");
        assertThat(d.requires()).extracting(ModuleDescriptor.Requires::name)
                .containsExactlyInAnyOrder("java.base", "io.pylon4j.driver");
        assertThat(d.exports()).extracting(ModuleDescriptor.Exports::source).containsExactly("io.pylon4j.gateway");
    }

    @Test
    void noClassNamesTheDriversEngine() throws Exception {
        List<Path> classes;
        try (Stream<Path> files = Files.walk(CLASSES.resolve("io/pylon4j/gateway"))) {
            classes = files.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertThat(classes).hasSizeGreaterThan(10);
        for (Path c : classes) {
            String constants = new String(Files.readAllBytes(c), StandardCharsets.ISO_8859_1);
            for (String engine : ENGINE) {
                assertThat(constants).as("%s names the driver's %s", c.getFileName(), engine)
                        .doesNotContain("io/pylon4j/driver/" + engine);
            }
        }
    }
}
