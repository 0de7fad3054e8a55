package io.pylon4j.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publication check on small reactors built on disk the way Maven leaves them: POMs, module-info.java files,
 * markers, jars and flattened POMs. The first test is the complete reactor; each other breaks one thing.
 */
class PublicationCheckTest {

    private static final String URL = "https://github.com/pylon4j/pylon4j";
    private static final String VERSION = "1.2.3";

    @TempDir
    Path root;

    @BeforeEach
    void aCompleteReactor() throws IOException {
        write(root.resolve("pom.xml"), pom("pylon4j-parent", "pom", URL,
                "<modules><module>bom</module><module>lib</module><module>cli</module></modules>"));
        marker(root, "pylon4j-parent", true);

        Path bom = root.resolve("bom");
        write(bom.resolve("pom.xml"), pom("pylon4j-bom", "pom", URL, ""));
        marker(bom, "pylon4j-bom", false);
        write(bom.resolve(PublishedPom.FILE_NAME), flattened("pylon4j-bom", URL, VERSION, true));

        Path lib = root.resolve("lib");
        write(lib.resolve("pom.xml"), pom("pylon4j-lib", "jar", null, ""));
        write(lib.resolve("src/main/java/module-info.java"), "module io.pylon4j.lib {}");
        marker(lib, "pylon4j-lib", false);
        write(lib.resolve(PublishedPom.FILE_NAME), flattened("pylon4j-lib", URL, VERSION, true));
        for (String classifier : List.of("", "-sources", "-javadoc")) {
            jar(lib.resolve("target/pylon4j-lib-" + VERSION + classifier + ".jar"), "META-INF/LICENSE",
                    "META-INF/NOTICE");
        }

        Path cli = root.resolve("cli");
        write(cli.resolve("pom.xml"), pom("pylon4j-cli", "jar", null, ""));
        marker(cli, "pylon4j-cli", true);
        jar(cli.resolve("target/pylon4j-cli-" + VERSION + ".jar"));
    }

    @Test
    void aCompleteReactorPassesAndListsWhatWouldBePublished() throws IOException {
        PublicationCheck.Report report = PublicationCheck.check(root);

        assertThat(report.problems()).isEmpty();
        assertThat(report.published()).containsExactly(
                "io.pylon4j:pylon4j-bom:1.2.3:pom",
                "io.pylon4j:pylon4j-lib:1.2.3:pom",
                "io.pylon4j:pylon4j-lib:1.2.3:javadoc:jar",
                "io.pylon4j:pylon4j-lib:1.2.3:sources:jar",
                "io.pylon4j:pylon4j-lib:1.2.3:jar");
        assertThat(report.notPublished()).containsExactly("pylon4j-parent", "pylon4j-cli");
    }

    @Test
    void aLibraryWithoutItsJavadocJarFails() throws IOException {
        Files.delete(root.resolve("lib/target/pylon4j-lib-1.2.3-javadoc.jar"));

        assertThat(PublicationCheck.check(root).problems())
                .containsExactly("pylon4j-lib: no pylon4j-lib-1.2.3-javadoc.jar");
    }

    @Test
    void aLibraryWithoutSourcesFails() throws IOException {
        Files.delete(root.resolve("lib/target/pylon4j-lib-1.2.3-sources.jar"));

        assertThat(PublicationCheck.check(root).problems())
                .containsExactly("pylon4j-lib: no pylon4j-lib-1.2.3-sources.jar");
    }

    @Test
    void aJarWithoutNoticeFails() throws IOException {
        jar(root.resolve("lib/target/pylon4j-lib-1.2.3-sources.jar"), "META-INF/LICENSE");

        assertThat(PublicationCheck.check(root).problems())
                .containsExactly("pylon4j-lib: pylon4j-lib-1.2.3-sources.jar has no META-INF/NOTICE");
    }

    @Test
    void aTestJarOutsideAReleaseIsListedAsLeftOut() throws IOException {
        jar(root.resolve("lib/target/pylon4j-lib-1.2.3-tests.jar"));

        PublicationCheck.Report report = PublicationCheck.check(root);

        assertThat(report.problems()).isEmpty();
        assertThat(report.published()).doesNotContain("io.pylon4j:pylon4j-lib:1.2.3:tests:jar");
        assertThat(report.notPublished()).anySatisfy(
                line -> assertThat(line).startsWith("io.pylon4j:pylon4j-lib:1.2.3:tests:jar (the tests' shared"));
    }

    @Test
    void aTestJarInAReleaseWouldBePublishedAndFails() throws IOException {
        marker(root.resolve("lib"), "pylon4j-lib", false, true);
        jar(root.resolve("lib/target/pylon4j-lib-1.2.3-tests.jar"), "META-INF/LICENSE", "META-INF/NOTICE");

        assertThat(PublicationCheck.check(root).problems()).singleElement().asString()
                .startsWith("pylon4j-lib: would publish pylon4j-lib-1.2.3-tests.jar, a test jar");
    }

    @Test
    void aTestJarLeftOverFromAnEarlierBuildIsNotInARelease() throws IOException {
        marker(root.resolve("lib"), "pylon4j-lib", false, true);
        Path stale = root.resolve("lib/target/pylon4j-lib-1.2.3-tests.jar");
        jar(stale);
        Files.setLastModifiedTime(stale, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));

        PublicationCheck.Report report = PublicationCheck.check(root);

        assertThat(report.problems()).isEmpty();
        assertThat(report.published()).doesNotContain("io.pylon4j:pylon4j-lib:1.2.3:tests:jar");
    }

    @Test
    void anyOtherClassifierFails() throws IOException {
        jar(root.resolve("lib/target/pylon4j-lib-1.2.3-shaded.jar"), "META-INF/LICENSE", "META-INF/NOTICE");

        assertThat(PublicationCheck.check(root).problems()).singleElement().asString()
                .startsWith("pylon4j-lib: would publish pylon4j-lib-1.2.3-shaded.jar: only the jar");
    }

    @Test
    void anApplicationThatWouldBePublishedFails() throws IOException {
        marker(root.resolve("cli"), "pylon4j-cli", false);

        assertThat(PublicationCheck.check(root).problems()).contains(
                "pylon4j-cli: would be published, but it is neither a library (no module-info.java) nor the BOM:"
                        + " set maven.deploy.skip, or give it a module-info.java");
    }

    @Test
    void aLibraryThatSkipsDeploymentFails() throws IOException {
        marker(root.resolve("lib"), "pylon4j-lib", true);

        assertThat(PublicationCheck.check(root).problems()).containsExactly(
                "pylon4j-lib: a library (it has a module-info.java), but its build skips deployment"
                        + " (maven.deploy.skip)");
    }

    @Test
    void anUnflattenedPomFails() throws IOException {
        Files.delete(root.resolve("lib").resolve(PublishedPom.FILE_NAME));

        assertThat(PublicationCheck.check(root).problems()).singleElement().asString()
                .startsWith("pylon4j-lib: no .flattened-pom.xml");
    }

    @Test
    void anUnresolvedRevisionFails() throws IOException {
        write(root.resolve("bom").resolve(PublishedPom.FILE_NAME), flattened("pylon4j-bom", URL, "${revision}", true));

        assertThat(PublicationCheck.check(root).problems()).contains(
                "pylon4j-bom: the published POM still holds a property: ${revision}");
    }

    @Test
    void aRevisionInACommentIsNotAProperty() throws IOException {
        String pom = flattened("pylon4j-bom", URL, VERSION, true)
                .replace("<modelVersion>", "<!-- the version is ${revision} --><modelVersion>");
        write(root.resolve("bom").resolve(PublishedPom.FILE_NAME), pom);

        assertThat(PublicationCheck.check(root).problems()).isEmpty();
    }

    @Test
    void theInheritedUrlWithTheArtifactIdAppendedFails() throws IOException {
        write(root.resolve("lib").resolve(PublishedPom.FILE_NAME),
                flattened("pylon4j-lib", URL + "/pylon4j-lib", VERSION, true));

        assertThat(PublicationCheck.check(root).problems()).containsExactly(
                "pylon4j-lib: the published POM's <url> is https://github.com/pylon4j/pylon4j/pylon4j-lib, not the"
                        + " project's https://github.com/pylon4j/pylon4j");
    }

    @Test
    void aPomWithoutScmDevelopersAndIssueManagementFails() throws IOException {
        write(root.resolve("lib").resolve(PublishedPom.FILE_NAME), flattened("pylon4j-lib", URL, VERSION, false));

        assertThat(PublicationCheck.check(root).problems()).containsExactlyInAnyOrder(
                "pylon4j-lib: the published POM has no <developers><developer> with a <name>",
                "pylon4j-lib: the published POM has no <scm><url>",
                "pylon4j-lib: the published POM has no <scm><connection>",
                "pylon4j-lib: the published POM has no <issueManagement><url>");
    }

    @Test
    void aLibraryTheBomDoesNotManageFails() throws IOException {
        write(root.resolve("bom").resolve(PublishedPom.FILE_NAME),
                flattened("pylon4j-bom", URL, VERSION, true).replace("pylon4j-lib", "pylon4j-other"));

        assertThat(PublicationCheck.check(root).problems()).containsExactly(
                "pylon4j-lib: a library pylon4j-bom does not manage: add it to bom/pom.xml");
    }

    @Test
    void aModuleBuiltAfterTheCheckFails() throws IOException {
        Files.delete(root.resolve("cli").resolve(PublicationCheck.MARKER));

        assertThat(PublicationCheck.check(root).problems()).singleElement().asString()
                .startsWith("pylon4j-cli: not built before the check");
    }

    @Test
    void mainFailsNamingEveryProblem() throws IOException {
        Files.delete(root.resolve("lib/target/pylon4j-lib-1.2.3-javadoc.jar"));

        assertThatThrownBy(() -> PublicationCheck.main(new String[] {root.toString()}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 problem(s)")
                .hasMessageContaining("pylon4j-lib: no pylon4j-lib-1.2.3-javadoc.jar");
    }

    private static String pom(String artifactId, String packaging, String url, String more) {
        return "<project><modelVersion>4.0.0</modelVersion><artifactId>" + artifactId + "</artifactId><packaging>"
                + packaging + "</packaging>" + (url == null ? "" : "<url>" + url + "</url>") + more + "</project>";
    }

    private static String flattened(String artifactId, String url, String version, boolean complete) {
        return "<project><modelVersion>4.0.0</modelVersion><groupId>io.pylon4j</groupId><artifactId>" + artifactId
                + "</artifactId><version>" + version + "</version><name>n</name><description>d</description><url>"
                + url + "</url><licenses><license><name>Apache-2.0</name></license></licenses>"
                + (artifactId.equals("pylon4j-bom") ? "<dependencyManagement><dependencies><dependency><groupId>"
                        + "io.pylon4j</groupId><artifactId>pylon4j-lib</artifactId><version>" + version
                        + "</version></dependency></dependencies></dependencyManagement>" : "")
                + (complete ? "<developers><developer><id>p</id><name>The pylon4j team</name></developer></developers>"
                        + "<scm><connection>scm:git:" + url + ".git</connection><url>" + url + "</url></scm>"
                        + "<issueManagement><url>" + url + "/issues</url></issueManagement>" : "")
                + "</project>";
    }

    private static void marker(Path module, String artifactId, boolean deploySkip) throws IOException {
        marker(module, artifactId, deploySkip, false);
    }

    private static void marker(Path module, String artifactId, boolean deploySkip, boolean release)
            throws IOException {
        Path marker = module.resolve(PublicationCheck.MARKER);
        write(marker, "groupId=io.pylon4j\nartifactId=" + artifactId + "\nversion=" + VERSION + "\ndeploySkip="
                + deploySkip + "\nrelease=" + release + "\n");
        // as in a real build: the marker is written before package makes the jars
        Files.setLastModifiedTime(marker, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
    }

    private static void jar(Path file, String... entries) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write("Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("text".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
