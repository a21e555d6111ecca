package dev.dlitools.dli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlitools.dli.it.MavenBuild.BuildResult;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The plugin jar as it is published: its licence and notice cover what it bundles, its pom asks Maven to read nothing
 * else, and a second build of the project from a clean copy gives the same bytes (the pom's
 * {@code project.build.outputTimestamp}).
 */
class PluginJarIT {

    private static final Path PROJECT = Paths.get(System.getProperty("it.pluginProjectDir"));
    private static final Path PLUGIN_JAR = Paths.get(System.getProperty("it.pluginJar"));
    /** The pom installed beside the jar: what a user's Maven reads each time it loads the plugin. */
    private static final Path PUBLISHED_POM = Paths.get(System.getProperty("it.localRepository"))
            .resolve("dev/dlitools/dli-maven-plugin").resolve(System.getProperty("it.pluginVersion"))
            .resolve("dli-maven-plugin-" + System.getProperty("it.pluginVersion") + ".pom");
    /** Everything a build of the plugin's jars reads; the rest of the project is tests and documentation. */
    private static final List<String> BUILD_INPUTS = List.of("pom.xml", "LICENSE", "NOTICE", "src/main");
    /** The licence files that the shade plugin drops (ApacheLicenseResourceTransformer) for the project's own. */
    private static final Set<String> REPLACED_LICENCES =
            Set.of("META-INF/LICENSE", "META-INF/LICENSE.txt", "META-INF/LICENSE.md");

    @Test
    void licenceAndNoticeInTheJarAreTheProjectsOwn() throws IOException {
        try (ZipFile jar = new ZipFile(PLUGIN_JAR.toFile())) {
            assertThat(text(jar, "META-INF/LICENSE")).isEqualTo(Files.readString(PROJECT.resolve("LICENSE")));
            assertThat(text(jar, "META-INF/NOTICE")).isEqualTo(Files.readString(PROJECT.resolve("NOTICE")));
        }
    }

    @Test
    void everyLicenceAndNoticeOfWhatTheJarBundlesIsInNoticeOrInTheJar() throws IOException {
        String notice = normalized(Files.readString(PROJECT.resolve("NOTICE")));
        String apacheLicense = normalized(Files.readString(PROJECT.resolve("LICENSE")));
        List<Path> bundled = bundledJars();
        assertThat(bundled).extracting(jar -> jar.getFileName().toString())
                .as("jars on the test class path whose classes the plugin jar holds")
                .anyMatch(name -> name.startsWith("s3-"))
                .anyMatch(name -> name.startsWith("httpclient-"));

        try (ZipFile pluginJar = new ZipFile(PLUGIN_JAR.toFile())) {
            for (Path path : bundled) {
                try (ZipFile jar = new ZipFile(path.toFile())) {
                    for (String name : legalFiles(jar)) {
                        String file = name + " of " + path.getFileName();
                        String text = text(jar, name);
                        if (name.startsWith("META-INF/NOTICE")) {
                            assertThat(notice).as("NOTICE holds %s", file).contains(normalized(text));
                        } else if (REPLACED_LICENCES.contains(name)) {
                            // the AWS SDK's copy adds a note after the licence: NOTICE quotes it
                            assertThat(normalized(text)).as("%s is the Apache License 2.0", file)
                                    .startsWith(apacheLicense);
                            assertThat(notice).as("NOTICE holds what %s adds to the licence", file)
                                    .contains(normalized(text).substring(apacheLicense.length()).strip());
                        } else {
                            assertThat(pluginJar.getEntry(name)).as("%s in the plugin jar", file).isNotNull();
                            assertThat(text(pluginJar, name)).as("%s in the plugin jar", file).isEqualTo(text);
                        }
                    }
                }
            }
        }
    }

    /**
     * Maven builds the plugin's pom and resolves its dependencies in every build that runs a goal: a parent, an imported
     * BOM or a dependency would each be read from the local repository first. The jar bundles what the plugin runs on,
     * Maven gives it the rest, and the test dependencies are no business of the plugin's users.
     */
    @Test
    void thePublishedPomGivesMavenNothingToReadButItself() throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(PUBLISHED_POM.toFile())
                .getDocumentElement();
        assertThat(childNames(project)).as("elements of %s", PUBLISHED_POM)
                .doesNotContain("parent", "dependencyManagement", "dependencies", "profiles", "build", "properties",
                        "repositories")
                .contains("name", "description", "url", "licenses", "developers", "scm");
    }

    @Test
    void aSecondBuildFromACleanCopyGivesTheSameJarsByteForByte() throws IOException {
        BuildResult rebuild = MavenBuild.ofPluginProject("reproducible", BUILD_INPUTS)
                .args("-o", "-Dmaven.test.skip=true", "package")
                .run();
        assertThat(rebuild.succeeded()).as(rebuild.toString()).isTrue();

        String jarName = PLUGIN_JAR.getFileName().toString();
        for (String suffix : List.of(".jar", "-sources.jar", "-javadoc.jar")) {
            String name = jarName.replaceFirst("\\.jar$", suffix);
            Path first = PLUGIN_JAR.resolveSibling(name);
            Path second = rebuild.projectDir().resolve("target").resolve(name);
            long mismatch = Files.mismatch(first, second);
            assertThat(mismatch)
                    .as("%s and its rebuild %s differ from byte %d; entries that differ: %s (after a build that was not"
                            + " clean, run ./mvnw clean verify)", first, second, mismatch,
                            mismatch < 0 ? "" : differingEntries(first, second))
                    .isEqualTo(-1L);
        }
    }

    private static List<String> childNames(Element parent) {
        List<String> names = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                names.add(element.getTagName());
            }
        }
        return names;
    }

    /** Jars on this test's class path (the plugin's dependencies among them) whose every class the plugin jar holds. */
    private static List<Path> bundledJars() throws IOException {
        Set<String> pluginClasses;
        try (ZipFile pluginJar = new ZipFile(PLUGIN_JAR.toFile())) {
            pluginClasses = classes(pluginJar);
        }
        List<Path> bundled = new ArrayList<>();
        for (String element : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Paths.get(element);
            if (!element.endsWith(".jar") || !Files.isRegularFile(path) || Files.isSameFile(path, PLUGIN_JAR)) {
                continue;
            }
            try (ZipFile jar = new ZipFile(path.toFile())) {
                Set<String> classes = classes(jar);
                if (!classes.isEmpty() && pluginClasses.containsAll(classes)) {
                    bundled.add(path);
                }
            }
        }
        return bundled;
    }

    private static Set<String> classes(ZipFile jar) {
        return jar.stream().map(ZipEntry::getName)
                .filter(name -> name.endsWith(".class") && !name.endsWith("module-info.class"))
                .collect(Collectors.toSet());
    }

    /** Files directly in META-INF whose name says licence or notice. */
    private static List<String> legalFiles(ZipFile jar) {
        return jar.stream().map(ZipEntry::getName)
                .filter(name -> name.matches("META-INF/[^/]*(LICENSE|NOTICE)[^/]*"))
                .toList();
    }

    /** The first few entries that differ, and how many there are in all. */
    private static String differingEntries(Path first, Path second) throws IOException {
        try (ZipFile a = new ZipFile(first.toFile()); ZipFile b = new ZipFile(second.toFile())) {
            Map<String, String> left = fingerprints(a);
            Map<String, String> right = fingerprints(b);
            Set<String> names = new TreeSet<>(left.keySet());
            names.addAll(right.keySet());
            names.removeIf(name -> Objects.equals(left.get(name), right.get(name)));
            return names.size() + ", e.g. " + names.stream().limit(5).toList();
        }
    }

    /** Each entry's name with its time, size and CRC, the parts of an entry a rebuild can change. */
    private static Map<String, String> fingerprints(ZipFile jar) {
        return jar.stream().collect(Collectors.toMap(ZipEntry::getName,
                entry -> entry.getTime() + "/" + entry.getSize() + "/" + entry.getCrc(), (x, y) -> x + "," + y));
    }

    private static String text(ZipFile jar, String name) throws IOException {
        try (InputStream in = jar.getInputStream(jar.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String normalized(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
