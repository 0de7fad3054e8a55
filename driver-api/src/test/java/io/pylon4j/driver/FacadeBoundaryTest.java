package io.pylon4j.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The labelled public face of driver-api (issue 15.5), read from the compiled module and the sources: the engine
 * package {@code io.pylon4j.driver.internal} is not exported, no exported type names an engine type in its public
 * or protected signatures, and no class of the module grows past the line budget.
 */
class FacadeBoundaryTest {

    static final String INTERNAL = "io.pylon4j.driver.internal";
    /**
     * Lines per class, comments included: about 300, with a little room for a Javadoc paragraph. It holds for every
     * main class of the module, with no exception list; a nested type the API names counts on its own
     * ({@link ClassLines}).
     */
    static final int LINE_BUDGET = 320;
    /**
     * Lines per main source file: a file may pass {@link #LINE_BUDGET} only by public nested types that users name
     * where they are ({@code BankEvent.LimitsChanged}, {@code DriverOptions.Builder}), and never by more than this.
     */
    static final int FILE_BUDGET = 500;

    static ModuleDescriptor descriptor() throws IOException {
        try (InputStream in = Files.newInputStream(ModuleBoundaryTest.CLASSES.resolve("module-info.class"))) {
            return ModuleDescriptor.read(in);
        }
    }

    @Test
    void theEnginePackageExistsAndIsNotExportedNorOpened() throws Exception {
        ModuleDescriptor d = descriptor();
        assertThat(ModuleBoundaryTest.CLASSES.resolve(INTERNAL.replace('.', '/'))).isDirectory();
        assertThat(d.exports()).extracting(ModuleDescriptor.Exports::source).doesNotContain(INTERNAL);
        assertThat(d.opens()).extracting(ModuleDescriptor.Opens::source).doesNotContain(INTERNAL);
        assertThat(d.isOpen()).isFalse();
    }

    @Test
    void noExportedTypeShowsAnEngineTypeInItsPublicSignatures() throws Exception {
        Set<String> exported = Set.copyOf(descriptor().exports().stream().map(ModuleDescriptor.Exports::source)
                .toList());
        List<String> leaks = new ArrayList<>();
        int checked = 0;
        for (Class<?> c : ModuleBoundaryTest.driverClasses()) {
            if (!exported.contains(c.getPackageName()) || !isVisible(c)) {
                continue;
            }
            checked++;
            leaks.addAll(leaks(c));
        }
        assertThat(checked).as("exported types checked").isGreaterThan(40);
        assertThat(leaks).as("public signatures of exported types that name %s", INTERNAL).isEmpty();
    }

    @Test
    void noMainClassIsLongerThanTheLineBudget() throws IOException {
        Path sources = Path.of("src/main/java");
        List<String> tooLong = new ArrayList<>();
        List<String> filesTooLong = new ArrayList<>();
        int files = 0;
        try (Stream<Path> walk = Files.walk(sources)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = sources.relativize(p).toString().replace('\\', '/');
                if (name.endsWith("package-info.java") || name.endsWith("module-info.java")) {
                    continue;
                }
                files++;
                List<String> lines = Files.readAllLines(p);
                String pkg = name.substring(0, name.lastIndexOf('/')).replace('/', '.');
                Map<String, Integer> classes = ClassLines.of(pkg, lines, FacadeBoundaryTest::isApiNestedType);
                assertThat(classes.values().stream().mapToInt(Integer::intValue).sum()).as("lines counted in " + name)
                        .isEqualTo(lines.size());
                classes.forEach((type, n) -> {
                    if (n > LINE_BUDGET) {
                        tooLong.add(type + " " + n + " lines");
                    }
                });
                if (lines.size() > FILE_BUDGET) {
                    filesTooLong.add(name + " " + lines.size() + " lines");
                }
            }
        }
        assertThat(files).as("main source files measured").isGreaterThan(100);
        assertThat(tooLong).as("main classes above %d lines: split them into classes doing one thing", LINE_BUDGET)
                .isEmpty();
        assertThat(filesTooLong).as("main source files above %d lines", FILE_BUDGET).isEmpty();
    }

    @Test
    void aNestedTypeOfTheApiCountsOnItsOwnAndAnyOtherForItsHost() throws IOException {
        Map<String, Integer> event = ClassLines.of("io.pylon4j.driver",
                Files.readAllLines(Path.of("src/main/java/io/pylon4j/driver/BankEvent.java")),
                FacadeBoundaryTest::isApiNestedType);
        assertThat(event).containsKeys("io.pylon4j.driver.BankEvent", "io.pylon4j.driver.BankEvent$Type",
                "io.pylon4j.driver.BankEvent$LimitsChanged", "io.pylon4j.driver.BankEvent$LinkStateChanged");
        assertThat(event.get("io.pylon4j.driver.BankEvent$LimitsChanged")).isBetween(20, 40); // Javadoc included
        Map<String, Integer> poll = ClassLines.of("io.pylon4j.driver.internal",
                Files.readAllLines(Path.of("src/main/java/io/pylon4j/driver/internal/Rs485Poll.java")),
                FacadeBoundaryTest::isApiNestedType);
        assertThat(poll).containsOnlyKeys("io.pylon4j.driver.internal.Rs485Poll"); // its nested types are not API
    }

    /** Whether the nested type of this binary name is one code outside the module can name. */
    static boolean isApiNestedType(String binaryName) {
        try {
            Class<?> c = Class.forName(binaryName, false, FacadeBoundaryTest.class.getClassLoader());
            return c.getEnclosingClass() != null && isVisible(c) && exportedPackages().contains(c.getPackageName());
        } catch (ClassNotFoundException e) {
            return false; // a local class, or text that only looks like a declaration
        }
    }

    static Set<String> exportedPackages() {
        try {
            return Set.copyOf(descriptor().exports().stream().map(ModuleDescriptor.Exports::source).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether code outside the module can see {@code c}: public, and every enclosing class public too. */
    static boolean isVisible(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers()) || k.isAnonymousClass() || k.isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    static List<String> leaks(Class<?> c) {
        List<String> found = new ArrayList<>();
        List<Type> supers = new ArrayList<>(List.of(c.getGenericInterfaces()));
        if (c.getGenericSuperclass() != null) {
            supers.add(c.getGenericSuperclass());
        }
        supers.forEach(t -> check(c.getName() + " extends/implements", t, found));
        for (Class<?> permitted : c.isSealed() ? c.getPermittedSubclasses() : new Class<?>[0]) {
            check(c.getName() + " permits", permitted, found);
        }
        for (Field f : c.getDeclaredFields()) {
            if (api(f)) {
                check(c.getName() + "." + f.getName(), f.getGenericType(), found);
            }
        }
        List<Executable> executables = new ArrayList<>(List.of(c.getDeclaredConstructors()));
        executables.addAll(List.of(c.getDeclaredMethods()));
        for (Executable e : executables) {
            if (!api(e) || e.isSynthetic()) {
                continue;
            }
            String where = c.getName() + "." + e.getName();
            if (e instanceof java.lang.reflect.Method m) {
                check(where + " returns", m.getGenericReturnType(), found);
            }
            for (Type p : e.getGenericParameterTypes()) {
                check(where + " takes", p, found);
            }
            for (Type x : e.getGenericExceptionTypes()) {
                check(where + " throws", x, found);
            }
        }
        return found;
    }

    static boolean api(Member m) {
        return Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers());
    }

    static void check(String where, Type t, List<String> found) {
        if (t instanceof Class<?> k) {
            Class<?> base = k.isArray() ? k.componentType() : k;
            if (base.getPackageName().equals(INTERNAL)) {
                found.add(where + " " + base.getName());
            }
        } else if (t instanceof ParameterizedType p) {
            check(where, p.getRawType(), found);
            for (Type a : p.getActualTypeArguments()) {
                check(where, a, found);
            }
        } else if (t instanceof GenericArrayType g) {
            check(where, g.getGenericComponentType(), found);
        } else if (t instanceof WildcardType w) {
            Stream.concat(Stream.of(w.getUpperBounds()), Stream.of(w.getLowerBounds()))
                    .forEach(b -> check(where, b, found));
        } else if (t instanceof TypeVariable<?> v) {
            for (Type b : v.getBounds()) {
                check(where, b, found);
            }
        }
    }
}
