package dev.dlitools.dli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlitools.dli.core.publish.PublishResult;
import dev.dlitools.dli.core.report.StepSummary;
import dev.dlitools.dli.it.MavenBuild.BuildResult;
import dev.dlitools.dli.testsupport.LocalStandIns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A reactor whose modules publish their groups at the same time ({@code -T 2}) on GitHub Actions with {@code -q}: the
 * job summary holds each module's section whole, and the console each module's one line and nothing else.
 */
class ParallelReactorStepSummaryIT {

    private static final List<String> MODULES = List.of("module-a", "module-b", "module-c", "module-d");
    private static final String RESULT_FILE = "target/dli-package-group.json";
    /** A section's header, as {@link StepSummary} writes it; a header not at a line's start is not one. */
    private static final Pattern HEADER = Pattern.compile("### DLI package group `([^`]+)`\n");

    @RegisterExtension
    static final SharedStandIns dli = new SharedStandIns(LocalStandIns.builder()
            .asyncReadyDelay(Duration.ofMillis(100)));

    @Test
    void quietParallelReactorWritesOneWholeSectionPerModuleAndOneLinePerModule() throws IOException {
        MavenBuild build = MavenBuild.of("reactor", "parallel-step-summary");
        Path summary = build.projectDir().resolve("step-summary.md");

        BuildResult result = build.pointAt(dli.standIns())
                .property("dli.pollInterval", 1)
                .env("GITHUB_STEP_SUMMARY", summary.toString())
                .args("-T", "2", "-q", "deploy", "-Dmaven.deploy.skip=true")
                .run();

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        List<PublishResult> published = new ArrayList<>();
        for (String module : MODULES) {
            published.add(PublishResult.read(build.projectDir().resolve(module).resolve(RESULT_FILE)));
        }
        assertThat(published).extracting(PublishResult::group)
                .containsExactlyInAnyOrder("pipeline-a", "pipeline-b", "pipeline-c", "pipeline-d");

        // each module's section once and whole, in whatever order the modules finished; the pom parent has none
        List<String> sections = sections(Files.readString(summary));
        assertThat(sections).as("sections of %s", summary)
                .containsExactlyInAnyOrderElementsOf(published.stream()
                        .map(group -> StepSummary.markdown(group, RESULT_FILE)).toList());

        // -q: Maven prints errors only, and each module its one summary line; no progress, no [INFO] or [WARNING]
        assertThat(result.log().lines().filter(line -> !line.isBlank()).toList()).as(result.toString())
                .containsExactlyInAnyOrderElementsOf(published.stream().map(PublishResult::summaryLine).toList())
                .allMatch(line -> line.matches("dli: group pipeline-[a-d] is READY with 2 files \\(.*\\)\\."));
    }

    /**
     * The summary cut before each header at a line's start; text before the first header, or two headers in one
     * section (one module's section cut into another's), fails.
     */
    private static List<String> sections(String markdown) {
        List<String> sections = Arrays.stream(markdown.split("(?m)(?=^### )")).filter(part -> !part.isEmpty())
                .toList();
        for (String section : sections) {
            Matcher header = HEADER.matcher(section);
            assertThat(header.lookingAt()).as("a section that starts with a group's header:%n%s", section).isTrue();
            assertThat(header.find(header.end())).as("a second header inside the section:%n%s", section).isFalse();
        }
        return sections;
    }
}
