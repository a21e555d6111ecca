package dev.dlitools.dli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's code blocks marked {@code <!-- snippet: path -->} are copies of the region of that file between a
 * line containing {@code README:} and a line containing {@code README end}. The region is compared with its common
 * indentation removed and {@code @project.version@} replaced by this plugin's version, as the IT builds see it.
 * Every marked region in {@code src/it} must appear in the README, so none is forgotten.
 */
class ReadmeSnippetsTest {

    private static final Path README = Path.of("README.md");
    private static final Pattern SNIPPET = Pattern.compile(
            "<!-- snippet: (\\S+) -->\\n```[a-z]*\\n(.*?)```\\n", Pattern.DOTALL);
    private static final Pattern PLUGIN_VERSION = Pattern.compile(
            "<artifactId>dli-maven-plugin</artifactId>\\s*<version>([^<]+)</version>");

    @Test
    void everyReadmeSnippetIsTheMarkedRegionOfItsSourceFile() throws IOException {
        Map<String, String> snippets = readmeSnippets();
        assertThat(snippets).as("snippets in README.md").isNotEmpty();

        for (Map.Entry<String, String> snippet : snippets.entrySet()) {
            assertThat(snippet.getValue())
                    .as("README snippet of %s (copy the region between the README markers)", snippet.getKey())
                    .isEqualTo(markedRegion(Path.of(snippet.getKey())));
        }
    }

    @Test
    void everyMarkedRegionInTheTestProjectsIsInTheReadme() throws IOException {
        List<String> marked = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/it"))) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                // bytes as Latin-1, so that binary files (a zip of Python modules) are read without failing
                if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains("README end")) {
                    marked.add(file.toString().replace('\\', '/'));
                }
            }
        }

        assertThat(readmeSnippets().keySet()).containsExactlyInAnyOrderElementsOf(marked);
    }

    @Test
    void regionIsCutAtTheMarkersAndDedented() {
        String source = """
                <build>
                  <!-- README: example -->
                  <plugin>
                    <version>@project.version@</version>
                  </plugin>
                  <!-- README end -->
                </build>
                """;

        assertThat(region(source, "1.2.3")).isEqualTo("<plugin>\n  <version>1.2.3</version>\n</plugin>\n");
    }

    private static Map<String, String> readmeSnippets() throws IOException {
        Map<String, String> snippets = new LinkedHashMap<>();
        Matcher matcher = SNIPPET.matcher(Files.readString(README));
        while (matcher.find()) {
            snippets.put(matcher.group(1), matcher.group(2));
        }
        return snippets;
    }

    private static String markedRegion(Path file) throws IOException {
        assertThat(file).as("source of a README snippet").isRegularFile();
        return region(Files.readString(file), pluginVersion());
    }

    static String region(String source, String version) {
        List<String> lines = source.lines().toList();
        int begin = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (begin < 0 && lines.get(i).contains("README:")) {
                begin = i + 1;
            } else if (begin >= 0 && lines.get(i).contains("README end")) {
                end = i;
                break;
            }
        }
        assertThat(begin).as("line with 'README:'").isPositive();
        assertThat(end).as("line with 'README end' after it").isGreaterThanOrEqualTo(begin);
        List<String> region = lines.subList(begin, end);
        int indent = region.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length())
                .min().orElse(0);
        StringBuilder text = new StringBuilder();
        region.forEach(line -> text.append(line.isBlank() ? "" : line.substring(indent)).append('\n'));
        return text.toString().replace("@project.version@", version);
    }

    private static String pluginVersion() throws IOException {
        Matcher matcher = PLUGIN_VERSION.matcher(Files.readString(Path.of("pom.xml")));
        assertThat(matcher.find()).as("this plugin's version in pom.xml").isTrue();
        return matcher.group(1);
    }
}
