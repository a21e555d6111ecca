package dev.dlitools.dli.core.job;

import static dev.dlitools.dli.core.common.SettingException.invalid;

import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.SettingException;
import dev.dlitools.dli.core.publish.PublishResult;
import dev.dlitools.dli.core.publish.PublishedFile;
import java.util.List;

/**
 * The published files a Spark job runs: the project's own artifact as the job's {@code file}, every other file beside
 * it (as {@code jars}, {@code pyFiles} or {@code files}, after the group's kind), each as an OBS path
 * {@code obs://bucket/key}. The paths are the same whether the group was registered or not: Spark 3.3.1 and later
 * take packages only as OBS paths, and earlier versions accept them too.
 *
 * @param main the project's main or attached artifact
 * @param others the dependencies and extra files
 * @param kind the group's kind: {@code jar}, {@code pyFile}, {@code file} or {@code modelFile}
 */
public record JobFiles(String bucket, PublishedFile main, List<PublishedFile> others, String kind) {

    /** How the upload planner marks the project's own artifact in {@code PublishedFile.origin}. */
    private static final List<String> PROJECT_ARTIFACT_ORIGINS = List.of("main artifact ", "attached artifact ");

    /**
     * @throws SettingException naming {@link Setting#RESULT_FILE} when the result is a dry run or
     *     holds no artifact of the project's own
     */
    public static JobFiles of(PublishResult published) {
        if (published.dryRun()) {
            throw invalid(Setting.RESULT_FILE, "it is the plan of a dry run, "
                    + "and nothing was uploaded. Publish without the dry run first.");
        }
        PublishedFile main = published.files().stream()
                .filter(JobFiles::isProjectArtifact)
                .findFirst()
                .orElseThrow(() -> invalid(Setting.RESULT_FILE, "group "
                        + published.group() + " holds no artifact of the project itself (a pom-packaged project?), "
                        + "so there is no main file for the job."));
        List<PublishedFile> others = published.files().stream().filter(file -> file != main).toList();
        return new JobFiles(published.bucket(), main, others, published.kind());
    }

    private static boolean isProjectArtifact(PublishedFile file) {
        return file.origin() != null && PROJECT_ARTIFACT_ORIGINS.stream().anyMatch(file.origin()::startsWith);
    }

    public String mainPath() {
        return obsPath(main);
    }

    public List<String> otherPaths() {
        return others.stream().map(this::obsPath).toList();
    }

    /** Whether the main file is a jar, whose job needs a main class. */
    public boolean mainIsJar() {
        return main.fileName().endsWith(".jar");
    }

    private String obsPath(PublishedFile file) {
        return "obs://" + bucket + "/" + file.key();
    }
}
