package dev.dlitools.dli.it;

import dev.dlitools.dli.testsupport.LocalStandIns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One real Maven build of a project from {@code src/it}, in its own process, with the plugin this build installed
 * into a private repository. The project is copied to {@code target/it/<run>/<project>} first, with
 * {@code @project.version@} replaced by the plugin's version.
 */
final class MavenBuild {

    private static final Path MAVEN_HOME = Paths.get(System.getProperty("it.mavenHome"));
    /** The Maven 4 distribution the build unpacked (pom: maven4Version). */
    static final Path MAVEN4_HOME = Paths.get(System.getProperty("it.maven4Home"));
    private static final Path PROJECTS = Paths.get(System.getProperty("it.projectsDir"));
    private static final Path WORK = Paths.get(System.getProperty("it.workDir"));
    static final String PLUGIN_VERSION = System.getProperty("it.pluginVersion");
    static final String PLUGIN = "dev.dlitools:dli-maven-plugin:" + PLUGIN_VERSION;

    private final Path projectDir;
    private final List<String> arguments = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private String settingsXml = "";
    private Path mavenHome = MAVEN_HOME;

    private MavenBuild(Path projectDir) {
        this.projectDir = projectDir;
    }

    /** A copy of {@code src/it/<project>} under {@code target/it/<run>}. */
    static MavenBuild of(String project, String run) {
        Path target = WORK.resolve(run).resolve(project);
        copy(PROJECTS.resolve(project), target);
        return new MavenBuild(target);
    }

    /** A copy of the named files and folders of this plugin's own project under {@code target/it/<run>}. */
    static MavenBuild ofPluginProject(String run, List<String> paths) {
        Path source = Paths.get(System.getProperty("it.pluginProjectDir"));
        Path target = WORK.resolve(run).resolve("dli-maven-plugin");
        try {
            deleteRecursively(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        paths.forEach(path -> copy(source.resolve(path), target.resolve(path)));
        return new MavenBuild(target);
    }

    /** An empty folder, for goals that need no project. */
    static MavenBuild withoutProject(String run) {
        Path target = WORK.resolve(run).resolve("no-project");
        try {
            deleteRecursively(target);
            Files.createDirectories(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MavenBuild(target);
    }

    Path projectDir() {
        return projectDir;
    }

    MavenBuild args(String... more) {
        arguments.addAll(List.of(more));
        return this;
    }

    MavenBuild property(String name, Object value) {
        arguments.add("-D" + name + "=" + value);
        return this;
    }

    /** Points the build at the stand-ins: their {@code -D} settings, and their credentials as environment variables. */
    MavenBuild pointAt(LocalStandIns standIns) {
        return pointAt(standIns, Map.of());
    }

    /** As {@link #pointAt(LocalStandIns)}, with {@code changed} settings replaced or added (empty: unset). */
    MavenBuild pointAt(LocalStandIns standIns, Map<String, String> changed) {
        arguments.addAll(standIns.mavenArguments(changed));
        environment.putAll(standIns.credentialVariables());
        return this;
    }

    MavenBuild env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Runs the build with this Maven installation instead of the one running the tests. */
    MavenBuild mavenHome(Path home) {
        mavenHome = home;
        return this;
    }

    /** Elements to put inside {@code <settings>} besides the plugin group, e.g. {@code <servers>}. */
    MavenBuild settings(String xml) {
        settingsXml = xml;
        return this;
    }

    BuildResult run() {
        Path log = projectDir.resolve("build.log");
        int exitCode = execute(log, null);
        return new BuildResult(exitCode, read(log), projectDir);
    }

    /** Runs the build with its standard output apart from its standard error, as a pipe to {@code jq} reads it. */
    PipedResult runPiped() {
        Path stdout = projectDir.resolve("stdout.txt");
        Path stderr = projectDir.resolve("stderr.txt");
        int exitCode = execute(stdout, stderr);
        return new PipedResult(exitCode, read(stdout), read(stderr));
    }

    /** Starts the build and returns while it runs, for a test that stops it as a user or a CI runner would. */
    RunningBuild start() {
        Path log = projectDir.resolve("build.log");
        try {
            return new RunningBuild(launch(log, null), log, projectDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param stderr {@code null} to write standard error into {@code stdout}'s file too */
    private int execute(Path stdout, Path stderr) {
        try {
            Process process = launch(stdout, stderr);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("Maven build in " + projectDir + " did not finish in 5 minutes");
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Process launch(Path stdout, Path stderr) throws IOException {
        // marks the project as the root, so Maven does not take this repository's .mvn as its own
        Files.createDirectories(projectDir.resolve(".mvn"));
        Path settings = projectDir.resolve("it-settings.xml");
        Files.writeString(settings, "<settings><pluginGroups><pluginGroup>dev.dlitools</pluginGroup>"
                + "</pluginGroups>" + settingsXml + "</settings>\n");
        List<String> command = new ArrayList<>(List.of(
                mavenHome.resolve("bin/mvn").toString(), "-B", "-ntp", "-Dstyle.color=never",
                "-s", settings.toString(),
                "-Dmaven.repo.local=" + System.getProperty("it.localRepository"),
                "-Dmaven.repo.local.tail=" + System.getProperty("it.outerRepository")));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(projectDir.toFile())
                .redirectOutput(stdout.toFile());
        if (stderr == null) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(stderr.toFile());
        }
        // a developer's own credentials must not leak into, or change, a test build
        builder.environment().keySet().removeIf(name -> name.startsWith("HUAWEICLOUD_") || name.equals("MAVEN_ARGS")
                || name.equals("MAVEN_OPTS"));
        // a null value removes the variable
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        return builder.start();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A build's standard output and standard error, apart. */
    record PipedResult(int exitCode, String stdout, String stderr) {

        @Override
        public String toString() {
            return "build exited " + exitCode + "; standard output:\n" + stdout + "\nstandard error:\n" + stderr;
        }
    }

    /** A build under way, started by {@link #start()}. */
    record RunningBuild(Process process, Path logFile, Path projectDir) {

        /** {@return the build's log so far} */
        String log() {
            return read(logFile);
        }

        /**
         * Stops the build with SIGTERM, as a CI runner cancelling the job does (Ctrl-C's SIGINT ends the JVM the same
         * way: its shutdown hooks run), and waits for its end.
         */
        BuildResult stop() {
            process.destroy();
            try {
                if (!process.waitFor(1, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("Maven build in " + projectDir + " did not stop in a minute");
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return new BuildResult(process.exitValue(), log(), projectDir);
        }
    }

    record BuildResult(int exitCode, String log, Path projectDir) {

        boolean succeeded() {
            return exitCode == 0;
        }

        @Override
        public String toString() {
            return "build in " + projectDir + " exited " + exitCode + ":\n" + log;
        }
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            deleteRecursively(to);
            Files.createDirectories(to.getParent());
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (source.getFileName().toString().equals("pom.xml")) {
                    Files.writeString(target, Files.readString(source).replace("@project.version@", PLUGIN_VERSION));
                } else {
                    Files.copy(source, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) files.sorted((a, b) -> b.compareTo(a))::iterator) {
                Files.delete(path);
            }
        }
    }
}
