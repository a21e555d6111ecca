package dev.dlitools.dli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The core names settings by {@code Setting} only: Maven's words for them live in the Maven layer. */
class CoreWordingTest {

    private static final Path CORE = Path.of("src/main/java/dev/dlitools/dli/core");
    /** A -D property, a Maven command line, or a pom element such as {@code <excludes><exclude>}. */
    private static final Pattern MAVEN_WORDS = Pattern.compile("-Ddli|\\bmvn |<configuration>|<excludes>|<include>");

    @Test
    void noCoreSourceSpeaksMaven() throws IOException {
        List<String> offending;
        try (Stream<Path> files = Files.walk(CORE)) {
            offending = files.filter(file -> file.toString().endsWith(".java"))
                    .flatMap(CoreWordingTest::mavenLines)
                    .toList();
        }
        assertThat(offending).as("core lines with Maven words").isEmpty();
    }

    private static Stream<String> mavenLines(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return IntStream.range(0, lines.size())
                    .filter(index -> MAVEN_WORDS.matcher(lines.get(index)).find())
                    .mapToObj(index -> CORE.relativize(file) + ":" + (index + 1) + ": " + lines.get(index).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
