package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The downloadable command line as an installer gets it: {@code pylon-<version>.tar.gz} unpacked with {@code tar} into
 * an empty folder and started as {@code bin/pylon} with an environment holding nothing but {@code PATH} set to the
 * JDK's {@code bin} (no Maven, no checkout, no {@code JAVA_HOME}); and the {@code .zip} holding the same files.
 *
 * <p>Run by the {@code distribution} execution of {@code samples/pom.xml} in {@code package}, after the assembly, which
 * passes the archives' path without extension ({@code pylon.dist.archive}) and the version; skipped elsewhere.
 */
class DistributionIT {

    /** JavaCAN's name for each CPU the distribution supports, and its ELF machine number (e_machine). */
    private static final Map<String, Integer> NATIVE_MACHINES = Map.of("x86_64", 62, "aarch64", 183, "armv7", 40);

    /** Holds {@link #unpacked} and the test's other files (captures, links, fake runtimes) beside it. */
    @TempDir
    static Path scratch;

    /** An empty folder the tarball is unpacked into. */
    static Path unpacked;

    static String version;
    static Path archiveBase;
    static Path home;

    @BeforeAll
    static void unpackTheTarball() throws Exception {
        String base = System.getProperty("pylon.dist.archive");
        assumeTrue(base != null, "run after package by the 'distribution' execution of samples/pom.xml");
        version = System.getProperty("pylon.dist.version");
        archiveBase = Path.of(base);
        Path tarball = Path.of(base + ".tar.gz");
        unpacked = Files.createDirectory(scratch.resolve("unpacked"));
        assertThat(tarball).as("the build's tarball").isRegularFile();

        Process tar = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", unpacked.toString())
                .redirectErrorStream(true).start();
        String out = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tar.waitFor()).as("tar -xzf: %s", out).isZero();

        try (Stream<Path> top = Files.list(unpacked)) {
            assertThat(top.map(p -> p.getFileName().toString()).toList()).as("one top folder")
                    .containsExactly("pylon-" + version);
        }
        home = unpacked.resolve("pylon-" + version);
    }

    @Test
    void theTarballHoldsAnExecutableLauncherTheReadmeAndTheLicence() throws IOException {
        Path launcher = home.resolve("bin/pylon");
        assertThat(Files.getPosixFilePermissions(launcher)).as("bin/pylon's mode in the tar")
                .contains(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                        PosixFilePermission.OTHERS_EXECUTE);
        assertThat(Files.readString(launcher)).startsWith("#!/bin/sh\n").doesNotContain("\r");
        assertThat(Files.readString(home.resolve("bin/pylon.bat"))).contains("io.pylon4j.samples.cli.PylonCli")
                .contains("\r\n");

        String readme = Files.readString(home.resolve("README"));
        assertThat(readme).as("README, filtered").contains("pylon " + version).contains("Exit status")
                .doesNotContain("${");
        assertThat(Files.readString(home.resolve("LICENSE"))).contains("Apache License");
    }

    @Test
    void libHoldsTheCliJarWithItsVersionAndEveryRuntimeJar() throws IOException {
        Path cliJar = home.resolve("lib/pylon4j-samples-" + version + ".jar");
        try (JarFile jar = new JarFile(cliJar.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Implementation-Version")).isEqualTo(version);
        }
        Set<String> lib;
        try (Stream<Path> files = Files.list(home.resolve("lib"))) {
            lib = files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(lib).anyMatch(n -> n.startsWith("picocli-")).anyMatch(n -> n.startsWith("jSerialComm-"))
                .anyMatch(n -> n.startsWith("netty-transport-")).anyMatch(n -> n.startsWith("slf4j-simple-"))
                .anyMatch(n -> n.startsWith("pylon4j-transport-socketcan-"))
                .anyMatch(n -> n.matches("javacan-core-[0-9.]+\\.jar"))
                .as("no JNI jar directly in lib/: each holds its library under the same name, bin/pylon picks one")
                .noneMatch(n -> n.matches("javacan-core-.*-(x86_64|aarch64|armv7)\\.jar"));
    }

    /** The JNI library of each CPU is there, and is built for that CPU (aarch64 cannot be run here: this checks it). */
    @ParameterizedTest
    @ValueSource(strings = {"x86_64", "aarch64", "armv7"})
    void libNativeHoldsJavaCansJniLibraryForEachCpu(String cpu) throws IOException {
        Path jarPath;
        try (Stream<Path> files = Files.list(home.resolve("lib/native"))) {
            jarPath = files.filter(p -> p.getFileName().toString().matches("javacan-core-.*-" + cpu + "\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("no JavaCAN JNI jar for " + cpu));
        }
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            ZipEntry so = jar.getEntry("native/libjavacan-core.so");
            assertThat(so).as("the JNI library in %s", jarPath.getFileName()).isNotNull();
            byte[] header;
            try (InputStream in = jar.getInputStream(so)) {
                header = in.readNBytes(20);
            }
            assertThat(new String(header, 1, 3, StandardCharsets.US_ASCII)).as("an ELF file").isEqualTo("ELF");
            int machine = (header[18] & 0xFF) | (header[19] & 0xFF) << 8; // e_machine, little-endian
            assertThat(machine).as("ELF machine of %s", jarPath.getFileName()).isEqualTo(NATIVE_MACHINES.get(cpu));
        }
    }

    @Test
    void theCompletionScriptCompletesEveryCommand() throws IOException {
        String script = Files.readString(home.resolve("completion/pylon_completion"));
        assertThat(script).contains("complete -F").contains("pylon");
        for (String command : List.of("decode", "dump", "demo", "monitor", "simulate", "commission", "scan")) {
            assertThat(script).as("completes %s", command).contains(command);
        }
    }

    @Test
    void theZipHoldsTheSameFilesAsTheTarball() throws Exception {
        Set<String> zipped = new TreeSet<>();
        try (ZipFile zip = new ZipFile(archiveBase + ".zip")) {
            Collections.list(zip.entries()).stream().filter(e -> !e.isDirectory())
                    .forEach(e -> zipped.add(e.getName()));
        }
        Set<String> untarred = new TreeSet<>();
        try (Stream<Path> files = Files.walk(unpacked)) {
            files.filter(Files::isRegularFile).forEach(p -> untarred.add(unpacked.relativize(p).toString()));
        }
        assertThat(zipped).isEqualTo(untarred).contains("pylon-" + version + "/bin/pylon",
                "pylon-" + version + "/bin/pylon.bat", "pylon-" + version + "/README", "pylon-" + version + "/LICENSE",
                "pylon-" + version + "/NOTICE", "pylon-" + version + "/completion/pylon_completion");
    }

    @Test
    void helpRunsWithOnlyTheJdkOnThePath() throws Exception {
        Result r = pylon(Map.of(), "--help");

        assertThat(r.status()).as("bin/pylon --help, standard error: %s", r.err()).isZero();
        assertThat(r.out()).startsWith("Usage: pylon").contains("decode").contains("simulate").contains("commission");
    }

    /** The unpacked launcher prints exactly what the command line prints in this JVM, for a CAN and an RS485 capture. */
    @ParameterizedTest
    @ValueSource(strings = {"can-setfirelabs-us5000-v12-vs-v13.txt", "rs485-tomcat42-lowlevel-us2000b.txt"})
    void decodeOfACaptureIsTheInProcessDecode(String capture) throws Exception {
        Path copy = scratch.resolve(capture); // outside any checkout
        Files.copy(SharedCaptures.file(capture), copy, StandardCopyOption.REPLACE_EXISTING);
        CanCapturesDecodeTest.Run inProcess = CanCapturesDecodeTest.run("decode", copy.toString());

        Result r = pylon(Map.of(), "decode", copy.toString());

        assertThat(r.out()).as("bin/pylon decode %s", capture).isNotEmpty().isEqualTo(inProcess.out());
        assertThat(r.status()).as("standard error: %s", r.err()).isEqualTo(inProcess.status());
    }

    @Test
    void demoRunsTheSimulatedBankAndEndsByItself() throws Exception {
        Result r = pylon(Map.of(), "demo", "--seconds", "2");

        assertThat(r.status()).as("standard error: %s", r.err()).isZero();
        assertThat(r.out()).startsWith("# pylon demo").contains("bank demo-bank");
    }

    @Test
    void simulateServesAVirtualBusAndStops() throws Exception {
        Result r = pylon(Map.of(), "simulate", "--can", "virtual:dist", "--seconds", "1");

        assertThat(r.status()).as("standard error: %s", r.err()).isZero();
        assertThat(r.err()).contains("pylon simulate:").contains("sent").contains("CAN frames");
    }

    /** bin/pylon puts the JNI jar of the JVM's CPU, and only that one, on the class path (PYLON_OPTS reaches java). */
    @Test
    void theJniJarOfThisCpuIsOnTheClassPath() throws Exception {
        String cpu = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64" -> "aarch64";
            case "arm" -> "armv7";
            default -> null;
        };
        assumeTrue(cpu != null, "a CPU the distribution has no JNI library for");

        Result r = pylon(Map.of("PYLON_OPTS", "-XshowSettings:properties"), "--version");

        assertThat(r.status()).as("standard error: %s", r.err()).isZero();
        List<String> jni = r.err().lines().map(String::strip).filter(l -> l.contains("lib/native/")).toList();
        assertThat(jni).as("JNI jars on java.class.path").hasSize(1);
        assertThat(jni.get(0)).endsWith("-" + cpu + ".jar");
    }

    /**
     * bin/pylon runs the JIT's C1 only (decode's logs are thousands of lines: C2 would not pay back its compile time),
     * and PYLON_OPTS, placed after the launcher's own options, can give C2 back.
     */
    @Test
    void theLauncherRunsC1OnlyUnlessPylonOptsSaysOtherwise() throws Exception {
        Result plain = pylon(Map.of("PYLON_OPTS", "-XX:+PrintFlagsFinal"), "--version");
        Result tiered = pylon(Map.of("PYLON_OPTS", "-XX:+PrintFlagsFinal -XX:TieredStopAtLevel=4"), "--version");

        assertThat(plain.status()).as("standard error: %s", plain.err()).isZero();
        assertThat(tieredStopAtLevel(plain.out())).isEqualTo("1");
        assertThat(tieredStopAtLevel(tiered.out())).isEqualTo("4");
        assertThat(plain.out()).contains("pylon4j " + version);
    }

    /**
     * bin/pylon fixes the young generation at 8 MB, so that a decode of thousands of lines reuses its memory instead
     * of taking a page fault for every fresh page of a 100 MB one (benchmarks/README.md, "third pass"), and
     * PYLON_OPTS can size it otherwise.
     */
    @Test
    void theLauncherFixesASmallYoungGenerationUnlessPylonOptsSaysOtherwise() throws Exception {
        Result plain = pylon(Map.of("PYLON_OPTS", "-XX:+PrintFlagsFinal"), "--version");
        Result sized = pylon(Map.of("PYLON_OPTS", "-XX:+PrintFlagsFinal -Xmn32m"), "--version");

        assertThat(plain.status()).as("standard error: %s", plain.err()).isZero();
        assertThat(flag(plain.out(), "MaxNewSize")).isEqualTo(String.valueOf(8 << 20));
        assertThat(flag(sized.out(), "MaxNewSize")).isEqualTo(String.valueOf(32 << 20));
    }

    private static String tieredStopAtLevel(String printFlagsFinal) {
        return flag(printFlagsFinal, "TieredStopAtLevel");
    }

    private static String flag(String printFlagsFinal, String name) {
        return printFlagsFinal.lines().map(String::strip).filter(l -> l.matches("\\S+\\s+" + name + "\\s+=.*"))
                .map(l -> l.replaceAll(".*=\\s*(\\S+).*", "$1")).findFirst().orElse("(not printed)");
    }

    @Test
    void aLinkToTheLauncherFindsItsDistribution() throws Exception {
        Path links = Files.createDirectories(scratch.resolve("usr-local-bin"));
        Path link = links.resolve("pylon");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, home.resolve("bin/pylon"));
        Path readlink = Stream.of("/usr/bin/readlink", "/bin/readlink").map(Path::of).filter(Files::isExecutable)
                .findFirst().orElse(null);
        assumeTrue(readlink != null, "no readlink on this machine");
        Path tools = Files.createDirectories(scratch.resolve("tools"));
        if (!Files.exists(tools.resolve("readlink"))) {
            Files.createSymbolicLink(tools.resolve("readlink"), readlink);
        }

        Result r = run(List.of(link.toString(), "--version"), Map.of("PATH", jdkBin() + ":" + tools));

        assertThat(r.status()).as("standard error: %s", r.err()).isZero();
        assertThat(r.out()).startsWith("pylon4j ");
    }

    /** A runtime without a release file, as {@code java -fullversion} of Java 8, 11 and 16 answers. */
    @ParameterizedTest
    @ValueSource(strings = {"1.8.0_392-b08", "11.0.2+9", "16.0.2+7"})
    void anOlderJavaGetsOneClearLine(String fullVersion) throws Exception {
        Path fake = scratch.resolve("java-" + fullVersion);
        Files.createDirectories(fake.resolve("bin"));
        Path java = fake.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk full version \"" + fullVersion + "\"' >&2\nexit 0\n");
        java.toFile().setExecutable(true);

        Result r = pylon(Map.of("JAVA_HOME", fake.toString()), "--help");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).containsExactly("pylon: needs Java 17 or newer, but " + java
                + " is Java " + fullVersion + "; set JAVA_HOME to a newer one");
    }

    @Test
    void noJavaAtAllGetsOneClearLine() throws Exception {
        Result r = run(List.of(home.resolve("bin/pylon").toString(), "--help"),
                Map.of("PATH", scratch.resolve("empty").toString()));

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().lines().toList())
                .containsExactly("pylon: no java on PATH: install a Java 17 or newer runtime or set JAVA_HOME");
    }

    record Result(int status, String out, String err) {
    }

    private static String jdkBin() {
        return Path.of(System.getProperty("java.home"), "bin").toString();
    }

    /** {@code bin/pylon args...} in the unpacked folder, with only PATH (the JDK's bin) and {@code env} set. */
    private static Result pylon(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/pylon").toString());
        command.addAll(List.of(args));
        Map<String, String> all = new HashMap<>(env);
        all.putIfAbsent("PATH", jdkBin());
        return run(command, all);
    }

    private static Result run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(unpacked.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Path out = Files.createTempFile(scratch, "out", ".txt");
        Path err = Files.createTempFile(scratch, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        try {
            // a generous bound on a hang, not a speed check: the machine may be loaded
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s ended", command).isTrue();
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            process.destroyForcibly();
        }
    }
}
