package dev.dlitools.dli.core.report;

import dev.dlitools.dli.core.common.DliException;
import dev.dlitools.dli.core.common.Sizes;
import dev.dlitools.dli.core.job.SparkJobResult;
import dev.dlitools.dli.core.publish.PublishResult;
import dev.dlitools.dli.core.publish.PublishedFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

/**
 * A published group or a Spark job run as Markdown, for the job summary of a CI run (GitHub Actions shows the file
 * named by {@code GITHUB_STEP_SUMMARY} on the run's page).
 */
public final class StepSummary {

    private static final Object APPENDING = new Object();

    private StepSummary() {
    }

    /**
     * A publish as a table of the group and a table of its files, under a header.
     *
     * @param result what the publish did
     * @param resultFile the result file as the user should find it, e.g. {@code target/dli-package-group.json}
     * @return GitHub-flavoured Markdown, ending in a blank line
     */
    public static String markdown(PublishResult result, String resultFile) {
        StringBuilder md = new StringBuilder();
        md.append("### DLI package group `").append(result.group()).append("`\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| Group | `").append(result.group()).append("` |\n");
        md.append("| Kind | `").append(result.kind()).append("` |\n");
        md.append("| Status | ").append(status(result)).append(" |\n");
        if (result.projectId() != null) {
            md.append("| Project | `").append(result.projectId()).append("` |\n");
        }
        md.append("| Bucket | `").append(result.bucket()).append("` |\n");
        md.append("| Result file | `").append(resultFile).append("` |\n\n");

        md.append("| File | Size | Outcome | Status |\n|---|---:|---|---|\n");
        for (PublishedFile file : result.files()) {
            md.append("| `").append(cell(file.fileName())).append("` | ")
                    .append(Sizes.decimal(file.size())).append(" | ")
                    .append(file.outcome()).append(" | ")
                    .append(file.status() == null ? "" : file.status()).append(" |\n");
        }
        if (result.dryRun()) {
            return md.append("\nDry run: ").append(result.dryRunCounts()).append(".\n\n").toString();
        }
        List<PublishedFile> uploaded = result.uploadedFiles();
        long uploadedBytes = uploaded.stream().mapToLong(PublishedFile::size).sum();
        md.append('\n').append(uploaded.size()).append(" uploaded (")
                .append(Sizes.decimal(uploadedBytes)).append("), ").append(result.files().size() - uploaded.size()).append(" unchanged.\n\n");
        return md.toString();
    }

    /**
     * A Spark job run as one table row under a header.
     *
     * @param job how the job ended
     * @param resultFile the result file as the user should find it, e.g. {@code target/dli-spark-job.json}
     * @return GitHub-flavoured Markdown, ending in a blank line
     */
    public static String markdown(SparkJobResult job, String resultFile) {
        return "### DLI Spark job `" + cell(job.name()) + "`\n\n"
                + "| Job | Queue | State | Time | Id | Result file |\n|---|---|---|---:|---|---|\n"
                + "| `" + cell(job.name()) + "` | `" + cell(job.queue()) + "` | **" + job.finalState() + "**"
                + (job.cancelled() ? " (cancelled)" : "") + (job.waited() ? "" : " (not waited for)") + " | "
                + SparkJobResult.elapsed(Duration.ofSeconds(job.elapsedSeconds())) + " | `" + job.id() + "` | `"
                + resultFile + "` |\n\n";
    }

    /**
     * Appends a publish to the file, as GitHub Actions expects: each step (and each module of a reactor) adds its
     * part, whole, also when modules append at the same time.
     *
     * @param summaryFile the file {@code GITHUB_STEP_SUMMARY} names; created when missing
     * @param result what the publish did
     * @param resultFile the result file as the user should find it
     * @throws DliException when the file cannot be written
     */
    public static void appendTo(Path summaryFile, PublishResult result, String resultFile) {
        append(summaryFile, markdown(result, resultFile));
    }

    /**
     * Appends a Spark job run to the file, as {@link #appendTo(Path, PublishResult, String)} appends a publish.
     *
     * @param summaryFile the file {@code GITHUB_STEP_SUMMARY} names; created when missing
     * @param job how the job ended
     * @param resultFile the result file as the user should find it
     * @throws DliException when the file cannot be written
     */
    public static void appendTo(Path summaryFile, SparkJobResult job, String resultFile) {
        append(summaryFile, markdown(job, resultFile));
    }

    /**
     * One write under a lock: the modules of a parallel build ({@code -T}) append at the same time, and a plain
     * append goes out in 8 KiB pieces that another module's pieces can land between. The lock of the file keeps
     * out other processes; the JVM's own lock the other threads, which the file's lock does not.
     */
    private static void append(Path summaryFile, String markdown) {
        ByteBuffer bytes = ByteBuffer.wrap(markdown.getBytes(StandardCharsets.UTF_8));
        synchronized (APPENDING) {
            try (FileChannel file = FileChannel.open(summaryFile, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
                    FileLock lock = file.lock()) {
                while (bytes.hasRemaining()) {
                    file.write(bytes);
                }
            } catch (IOException e) {
                throw new DliException("Could not append the summary to " + summaryFile
                        + " (environment variable GITHUB_STEP_SUMMARY): " + e.getMessage(), e);
            }
        }
    }

    private static String status(PublishResult result) {
        if (result.dryRun()) {
            return "dry run, not registered";
        }
        if (!result.registered()) {
            return "not registered (upload only)";
        }
        return "**" + result.status() + "**";
    }

    /** A pipe would end the table cell. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
