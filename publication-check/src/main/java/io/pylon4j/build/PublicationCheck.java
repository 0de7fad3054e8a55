package io.pylon4j.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Lists what a release of the reactor would publish and fails when it would not be what Maven Central and our users
 * need: run at {@code verify} by this module, the reactor's last.
 *
 * <p>The rules, all generic, so that a new module fits without editing this class:
 * <ul>
 *   <li>a <b>library</b> (a module with {@code src/main/java/module-info.java}) must be published, with its jar, a
 *       {@code -sources.jar} and a {@code -javadoc.jar}, and nothing else (no test jar);</li>
 *   <li>the modules in {@link #PUBLISHED_WITHOUT_MODULE_INFO} (the BOM) are published too, as a POM;</li>
 *   <li>every other module (samples, benchmarks, examples, aggregators, test-only modules, this one) must not be;</li>
 *   <li>every published jar holds {@code META-INF/LICENSE} and {@code META-INF/NOTICE}, and every published POM has
 *       what Central requires ({@link PublishedPom});</li>
 *   <li>the BOM manages every library.</li>
 * </ul>
 *
 * <p>Whether a module would be published is what its build decided: the root pom's {@code publication-marker}
 * execution writes {@value #MARKER} with the module's coordinates, its {@code maven.deploy.skip} (which the Central
 * plugin also reads, as {@code skipPublishing}) and whether the build is a release ({@code -Prelease}), before
 * {@code package}. What it would publish is its POM and the jars in {@code target} named after the artifact. A jar
 * with another classifier than sources or javadoc counts only if it is no older than the marker (an older one is a
 * leftover of an earlier build, not attached by this one). A test jar ({@code tests}) is made for other modules'
 * tests; outside a release it is listed as not published, in a release it fails the check: a release builds with
 * {@code -Dmaven.test.skip=true}, which makes none (the Central plugin would bundle it, as every attached artifact).
 */
public final class PublicationCheck {

    /** The marker each module's build writes, relative to the module's folder. */
    public static final String MARKER = "target/publication/module.properties";

    /** The modules published although they are not libraries: the BOM, a POM users import. */
    public static final Set<String> PUBLISHED_WITHOUT_MODULE_INFO = Set.of("pylon4j-bom");

    /** The classifiers a published library's jars may have: none (the jar), sources and javadoc. */
    private static final List<String> LIBRARY_CLASSIFIERS = List.of("", "sources", "javadoc");

    private PublicationCheck() {
    }

    /**
     * What the check found.
     *
     * @param published what would be published, one {@code groupId:artifactId:version[:classifier]:type} per line
     * @param notPublished the artifactIds of the modules that would not be published, and the coordinates of the
     *     test jars left out of a release
     * @param problems one sentence per problem; the build fails unless this is empty
     */
    public record Report(List<String> published, List<String> notPublished, List<String> problems) {

        /**
         * Copies the lists.
         *
         * @param published what would be published
         * @param notPublished the modules that would not be
         * @param problems what is wrong
         */
        public Report {
            published = List.copyOf(published);
            notPublished = List.copyOf(notPublished);
            problems = List.copyOf(problems);
        }

        /**
         * Whether nothing is wrong.
         *
         * @return {@code true} if there is no problem
         */
        public boolean passed() {
            return problems.isEmpty();
        }
    }

    /**
     * Checks the reactor in a folder and prints the report; fails if there is a problem.
     *
     * @param args one argument: the folder of the root pom.xml
     * @throws IOException if a POM or a jar cannot be read
     * @throws IllegalStateException if the check found problems (exec-maven-plugin then fails the build)
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: PublicationCheck <folder of the root pom.xml>");
        }
        Report report = check(Path.of(args[0]));
        print(report, System.out);
        if (!report.passed()) {
            throw new IllegalStateException("the publication check found " + report.problems().size()
                    + " problem(s):\n  " + String.join("\n  ", report.problems()));
        }
    }

    /**
     * Checks every module of the reactor rooted at a folder, after its build.
     *
     * @param root the folder of the root pom.xml
     * @return what would be published and what is wrong
     * @throws IOException if a POM cannot be read
     */
    public static Report check(Path root) throws IOException {
        List<ReactorModule> modules = ReactorModule.discover(root);
        String repositoryUrl = Xml.childText(Xml.parse(root.resolve("pom.xml")), "url").orElse("");
        List<String> published = new ArrayList<>();
        List<String> notPublished = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ReactorModule module : modules) {
            Path marker = module.directory().resolve(MARKER);
            if (!Files.isRegularFile(marker)) {
                problems.add(module.artifactId() + ": not built before the check (no " + MARKER + "); the check"
                        + " must stay the last module of the root pom's <modules>");
                continue;
            }
            Properties built = load(marker);
            boolean mustPublish = module.library() || PUBLISHED_WITHOUT_MODULE_INFO.contains(module.artifactId());
            boolean wouldPublish = "false".equals(built.getProperty("deploySkip"));
            if (mustPublish && !wouldPublish) {
                problems.add(module.artifactId() + ": " + (module.library() ? "a library (it has a module-info.java)"
                        : "listed as published") + ", but its build skips deployment (maven.deploy.skip)");
            } else if (!mustPublish && wouldPublish) {
                problems.add(module.artifactId() + ": would be published, but it is neither a library (no"
                        + " module-info.java) nor the BOM: set maven.deploy.skip, or give it a module-info.java");
            }
            if (!wouldPublish) {
                notPublished.add(module.artifactId());
                continue;
            }
            String coordinates = built.getProperty("groupId") + ":" + module.artifactId() + ":"
                    + built.getProperty("version");
            published.add(coordinates + ":pom");
            problems.addAll(PublishedPom.problems(module, built.getProperty("version"), repositoryUrl));
            if (!"pom".equals(module.packaging())) {
                checkJars(module, built, Files.getLastModifiedTime(marker), coordinates, published, notPublished,
                        problems);
            }
        }
        problems.addAll(librariesTheBomLacks(modules));
        return new Report(published, notPublished, problems);
    }

    /** Every library must be in the BOM's dependencyManagement, or users importing the BOM cannot name it. */
    private static List<String> librariesTheBomLacks(List<ReactorModule> modules) throws IOException {
        List<ReactorModule> boms = modules.stream()
                .filter(m -> PUBLISHED_WITHOUT_MODULE_INFO.contains(m.artifactId()))
                .toList();
        List<String> problems = new ArrayList<>();
        for (ReactorModule bom : boms) {
            Path file = bom.directory().resolve(PublishedPom.FILE_NAME);
            if (!Files.isRegularFile(file)) {
                continue; // reported by PublishedPom
            }
            Set<String> managed = new TreeSet<>();
            for (var management : Xml.children(Xml.parse(file), "dependencyManagement")) {
                for (var dependencies : Xml.children(management, "dependencies")) {
                    for (var dependency : Xml.children(dependencies, "dependency")) {
                        Xml.childText(dependency, "artifactId").ifPresent(managed::add);
                    }
                }
            }
            for (ReactorModule module : modules) {
                if (module.library() && !managed.contains(module.artifactId())) {
                    problems.add(module.artifactId() + ": a library " + bom.artifactId() + " does not manage: add it"
                            + " to " + bom.directory().getFileName() + "/pom.xml");
                }
            }
        }
        return problems;
    }

    private static void checkJars(ReactorModule module, Properties built, FileTime markerTime, String coordinates,
            List<String> published, List<String> notPublished, List<String> problems) throws IOException {
        String version = built.getProperty("version");
        boolean release = "true".equals(built.getProperty("release"));
        String prefix = module.artifactId() + "-" + version;
        Set<String> classifiers = new TreeSet<>();
        List<Path> jars = new ArrayList<>();
        String name = module.artifactId() + ": ";
        for (Path file : listJars(module.target(), prefix)) {
            String fileName = file.getFileName().toString();
            String rest = fileName.substring(prefix.length(), fileName.length() - ".jar".length());
            String classifier = rest.isEmpty() ? "" : rest.substring(1);
            boolean required = LIBRARY_CLASSIFIERS.contains(classifier);
            if (!required && Files.getLastModifiedTime(file).compareTo(markerTime) < 0) {
                continue; // a leftover of an earlier build: this one did not make it, so it is not attached
            }
            String line = coordinates + (classifier.isEmpty() ? "" : ":" + classifier) + ":jar";
            if (!required && "tests".equals(classifier) && !release) {
                notPublished.add(line + " (the tests' shared fixtures; a release builds with -Dmaven.test.skip=true"
                        + " and makes none)");
                continue;
            }
            if (!required) {
                problems.add(name + "would publish " + fileName + ("tests".equals(classifier) ? ", a test jar"
                        : "") + ": only the jar, its sources and its Javadoc are published (a release builds with"
                        + " -Dmaven.test.skip=true)");
            }
            classifiers.add(classifier);
            jars.add(file);
            published.add(line);
        }
        for (String required : LIBRARY_CLASSIFIERS) {
            if (!classifiers.contains(required)) {
                problems.add(name + "no " + prefix + (required.isEmpty() ? "" : "-" + required) + ".jar");
            }
        }
        for (Path jar : jars) {
            problems.addAll(missingLegalFiles(jar, name));
        }
    }

    /** The jars in a folder named {@code <prefix>.jar} or {@code <prefix>-<classifier>.jar}, sorted by name. */
    private static List<Path> listJars(Path folder, String prefix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> {
                        String fileName = file.getFileName().toString();
                        return fileName.equals(prefix + ".jar")
                                || (fileName.startsWith(prefix + "-") && fileName.endsWith(".jar"));
                    })
                    .sorted()
                    .toList();
        }
    }

    private static List<String> missingLegalFiles(Path jar, String name) throws IOException {
        List<String> problems = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (String entry : List.of("META-INF/LICENSE", "META-INF/NOTICE")) {
                if (zip.getEntry(entry) == null) {
                    problems.add(name + jar.getFileName() + " has no " + entry);
                }
            }
        }
        return problems;
    }

    private static Properties load(Path marker) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(marker)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /**
     * Prints a report: what would be published, what would not, and the problems.
     *
     * @param report the report
     * @param out where to print it
     */
    public static void print(Report report, PrintStream out) {
        out.println("Would be published (" + report.published().size() + " artifacts):");
        report.published().forEach(line -> out.println("  " + line));
        out.println("Not published:");
        report.notPublished().forEach(line -> out.println("  " + line));
        if (report.passed()) {
            out.println("Publication check passed.");
        } else {
            out.println("Publication check FAILED:");
            report.problems().forEach(problem -> out.println("  " + problem));
        }
    }
}
