package dev.dlitools.dli.core.job;

import static dev.dlitools.dli.core.common.SettingException.invalid;

import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.SettingException;
import dev.dlitools.dli.core.publish.JobPaths;
import dev.dlitools.dli.core.publish.PublishResult;
import dev.dlitools.dli.core.publish.PublishedFile;
import dev.dlitools.dli.core.upload.PackageKind;
import dev.dlitools.dli.core.upload.PlannedFile;

/**
 * The published files a Spark job runs: the main file as the job's {@code file}, every other file beside it (as
 * {@code jars}, {@code pyFiles} or {@code files}, after the group's kind and for kind {@code file} each file's type),
 * each as an OBS path {@code obs://bucket/key}; {@link JobPaths} decides which is which. The paths are the same
 * whether the group was registered or not.
 *
 * @param main the file the job runs
 * @param paths the OBS paths of all files
 * @param kind the group's kind: {@code jar}, {@code pyFile}, {@code file} or {@code modelFile}
 * @param registeredGroup the package group the files were registered as; {@code null} when they were only uploaded
 */
public record JobFiles(PublishedFile main, JobPaths paths, String kind, String registeredGroup) {

    private static final String RUNS = "a Spark job runs a .py driver script or a .jar";

    /**
     * The files of a publish's result that a job runs.
     *
     * @param published what the {@link Setting#RESULT_FILE} holds
     * @return the main file and the OBS paths of all files
     * @throws SettingException naming {@link Setting#RESULT_FILE} when the result is a dry run or
     *     holds no file to run, or naming the setting that chose a main file Spark cannot run (neither a
     *     {@code .py} nor a {@code .jar})
     */
    public static JobFiles of(PublishResult published) {
        if (published.dryRun()) {
            throw invalid(Setting.RESULT_FILE, "it is the plan of a dry run, "
                    + "and nothing was uploaded. Publish without the dry run first.");
        }
        PublishedFile main = published.mainFile()
                .orElseThrow(() -> invalid(Setting.RESULT_FILE, "group "
                        + published.group() + " holds neither an artifact of the project itself nor an extra file, "
                        + "so there is no main file for the job."));
        if (!JobPaths.isPythonDriver(main.fileName()) && !PackageKind.JAR.accepts(main.fileName())) {
            throw PlannedFile.isExtraFile(main.origin())
                    ? invalid(Setting.FILES, "the job's main file is " + main.fileName() + ", the first of them, but "
                            + RUNS + ". List the driver script first.")
                    : invalid(Setting.INCLUDE_MAIN_ARTIFACT, "the job's main file is " + main.fileName() + ", the "
                            + main.origin() + ", but " + RUNS + ". Set it to false and list the driver script first in "
                            + Setting.FILES.named() + ".");
        }
        return new JobFiles(main, published.job(), published.kind(),
                published.registered() ? published.group() : null);
    }

    String mainPath() {
        return paths.file();
    }

    /** {@return whether the main file is a jar, whose job needs a main class} */
    public boolean mainIsJar() {
        return PackageKind.JAR.accepts(main.fileName());
    }
}
