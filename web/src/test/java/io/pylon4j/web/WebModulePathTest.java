package io.pylon4j.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * On the module path the web module brings uPlot's WebJar with it, so that an application needs no
 * {@code --add-modules uplot} for the page's plots: the module graph of {@code io.pylon4j.web} alone, resolved from the
 * real module jars and directories of this build, holds the WebJar, and the web module's class loader finds the files
 * the page serves. The WebJar is an automatic module named after its file; the name the web module requires is pinned
 * against the jar Maven resolves, so an upgrade that changes it fails here rather than in an installer's plant room.
 */
class WebModulePathTest {

    private static final Path WEB_MODULE = Path.of("target", "classes");

    @Test
    void theWebModulesGraphHoldsUplotAndItsLoaderFindsThePlotFiles() {
        List<Path> modulePath = classPath().stream().filter(p -> p.equals(WEB_MODULE.toAbsolutePath())
                || isModuleDirectory(p) || p.getFileName().toString().startsWith("pylon4j-")
                || p.equals(uplotJar())).toList();
        ModuleFinder finder = ModuleFinder.of(modulePath.toArray(Path[]::new));
        // only io.pylon4j.web as the root, as `java --module-path … -m app` resolves an application that requires it
        Configuration graph = ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(),
                Set.of("io.pylon4j.web"));
        assertTrue(graph.findModule("uplot").isPresent(), () -> "uPlot is not in the web module's graph: "
                + graph.modules());
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(graph,
                ClassLoader.getPlatformClassLoader());
        ClassLoader webLoader = layer.findLoader("io.pylon4j.web");
        for (String file : List.of("dist/uPlot.iife.min.js", "dist/uPlot.min.css", "LICENSE")) {
            assertNotNull(webLoader.getResource(WebHandler.UPLOT_DIR + file), file + " not found by the web module");
        }
    }

    @Test
    void theWebJarsModuleNameIsTheOneTheWebModuleRequiresAndItsVersionTheOneServed() throws Exception {
        Path jar = uplotJar();
        String name = ModuleFinder.of(jar).findAll().iterator().next().descriptor().name();
        assertEquals("uplot", name, "the WebJar's automatic module name changed: update module-info.java");
        ModuleDescriptor web;
        try (InputStream in = Files.newInputStream(WEB_MODULE.resolve("module-info.class"))) {
            web = ModuleDescriptor.read(in);
        }
        assertTrue(web.requires().stream().anyMatch(r -> r.name().equals(name)), () -> web.requires().toString());
        try (JarFile files = new JarFile(jar.toFile())) {
            assertNotNull(files.getEntry(WebHandler.UPLOT_DIR + "dist/uPlot.iife.min.js"),
                    "WebHandler.UPLOT_DIR does not match the WebJar's version: " + jar.getFileName());
        }
    }

    private static List<Path> classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(p -> Path.of(p).toAbsolutePath()).toList();
    }

    /** A reactor module's classes with a module descriptor (an exploded module), as {@code -am} builds put them. */
    private static boolean isModuleDirectory(Path p) {
        return p.endsWith(Path.of("target", "classes")) && Files.isRegularFile(p.resolve("module-info.class"));
    }

    private static Path uplotJar() {
        return classPath().stream().filter(p -> p.getFileName().toString().matches("uplot-[0-9.]+\\.jar"))
                .findFirst().orElseThrow(() -> new AssertionError("no uplot-<version>.jar on the class path"));
    }
}
