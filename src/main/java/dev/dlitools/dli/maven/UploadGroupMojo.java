package dev.dlitools.dli.maven;

import dev.dlitools.dli.core.BuildLog;
import dev.dlitools.dli.core.DliConnection;
import dev.dlitools.dli.core.DliPluginException;
import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.dli.DliClient;
import dev.dlitools.dli.core.dli.GroupWaiter;
import dev.dlitools.dli.core.obs.ObsClientFactory;
import dev.dlitools.dli.core.obs.ObsClientSettings;
import dev.dlitools.dli.core.obs.ObsUploader;
import dev.dlitools.dli.core.obs.UploadOptions;
import dev.dlitools.dli.core.publish.GroupPublisher;
import dev.dlitools.dli.core.publish.PublishResult;
import dev.dlitools.dli.core.report.StepSummary;
import dev.dlitools.dli.core.upload.ArtifactCoordinates;
import dev.dlitools.dli.core.upload.ArtifactFile;
import dev.dlitools.dli.core.upload.ProjectArtifacts;
import dev.dlitools.dli.core.upload.TagSettings;
import dev.dlitools.dli.core.upload.UploadPlan;
import dev.dlitools.dli.core.upload.UploadPlanner;
import dev.dlitools.dli.core.upload.UploadSettings;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Uploads the project's jar and its runtime dependencies to OBS, registers them as a DLI package group and waits
 * until the group is READY. Files already in OBS with the same content are not uploaded again.
 *
 * @since 0.1.0
 */
@Mojo(name = "upload-group", defaultPhase = LifecyclePhase.DEPLOY,
        requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class UploadGroupMojo extends AbstractDliMojo {

    /** In target/, so that mvn clean empties it. */
    private static final String DIGEST_CACHE = "dli-digests.txt";

    /** Set by GitHub Actions: the Markdown file shown as the job's summary. */
    static final String ENV_STEP_SUMMARY = "GITHUB_STEP_SUMMARY";

    /**
     * The package group's name: 1 to 64 letters, digits, {@code _}, {@code -} and {@code .}, e.g.
     * {@code etl-orders}. DLI replaces a group of the same name, so publishing again updates the group.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.group", defaultValue = "${project.artifactId}")
    String group;

    /**
     * The group's kind: {@code jar}, {@code pyFile}, {@code file} or {@code modelFile}. Files of mixed types need
     * {@code file}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.kind", defaultValue = "jar")
    String kind;

    /**
     * Tags of the group, one element per tag with the key as its name:
     * {@code <tags><env>prod</env><team>etl</team></tags>}. {@code dli:list -Ddli.tags=env=prod} finds the group
     * by them.
     *
     * @since 0.1.0
     */
    @Parameter
    Map<String, String> tags;

    /**
     * Tags given on the command line as comma-separated {@code key=value} pairs, e.g.
     * {@code -Ddli.tags=env=prod,team=etl}. When set, they replace the pom's {@code tags} altogether.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.tags")
    String tagList;

    /**
     * Upload the dependencies of compile and runtime scope (transitive ones included) besides the project's own
     * artifact. Provided, test and system dependencies are never uploaded. {@code false}: only the project's
     * artifact and {@code files}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.includeDependencies", defaultValue = "true")
    boolean includeDependencies;

    /**
     * Upload only the dependencies matching one of these patterns, {@code groupId:artifactId[:type[:classifier]]}
     * where {@code *} matches any characters. Empty: all. In the pom
     * {@code <includes><include>com.fasterxml.jackson.*:*</include></includes>}, on the command line
     * {@code -Ddli.includes=org.apache.commons:*,com.google.code.gson:gson}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.includes")
    List<String> includes;

    /**
     * Leave out the dependencies matching one of these patterns, {@code groupId:artifactId[:type[:classifier]]}
     * where {@code *} matches any characters, e.g. {@code <excludes><exclude>org.slf4j:*</exclude></excludes>} or
     * {@code -Ddli.excludes=org.slf4j:*}. A dependency matching both {@code includes} and {@code excludes} is left out.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.excludes")
    List<String> excludes;

    /**
     * Upload the attached artifact with this classifier (e.g. {@code shaded}) instead of the main artifact.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.classifier")
    String classifier;

    /**
     * Extra files to upload besides the artifacts, e.g. the Python files of a {@code pyFile} group:
     * {@code <files><file>src/main/python/job.py</file></files>}. Relative paths are relative to the project
     * directory.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.files")
    List<File> files;

    /**
     * The OBS bucket the files are uploaded to, e.g. {@code etl-jars}. Required; the bucket must exist.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.obs.bucket")
    String bucket;

    /**
     * Key prefix in the bucket, e.g. {@code dli} or {@code teams/etl}; leading and trailing {@code /} are
     * dropped. Objects are stored as {@code prefix/groupId/artifactId/version/file}, so a dependency is stored
     * once and shared by every group that uses it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.obs.prefix", defaultValue = "dli")
    String prefix;

    /**
     * The OBS endpoint, {@code https://host[:port]}. Defaults to the region's, e.g.
     * {@code https://obs.cn-north-4.myhuaweicloud.com}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.obs.endpoint")
    String obsEndpoint;

    /**
     * Address objects as {@code endpoint/bucket/key} instead of {@code bucket.endpoint/key} (for S3 stand-ins).
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.obs.pathStyle", defaultValue = "false")
    boolean pathStyle;

    /**
     * The settings.xml {@code <server>} with OBS credentials, when they differ from DLI's.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.obs.serverId")
    String obsServerId;

    /**
     * How many files (or parts of large files) are uploaded at once: 1 to 64.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.uploadThreads", defaultValue = "8")
    int uploadThreads;

    /**
     * Upload every file, even those OBS already holds with the same content.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.force", defaultValue = "false")
    boolean force;

    /**
     * Register the uploaded files as a DLI package group. With {@code false}, only upload and print the OBS paths
     * (what Huawei advises for Spark 3.3.1+ and Flink 1.15+, whose jobs reference OBS paths directly).
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.register", defaultValue = "true")
    boolean register;

    /**
     * Let DLI load the packages asynchronously; the goal then polls until the group is READY.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.async", defaultValue = "true")
    boolean async;

    /**
     * Seconds between two polls of the group's status while DLI loads it; positive.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.pollInterval", defaultValue = "5")
    int pollInterval;

    /**
     * Seconds to wait for the group to be READY before the build fails; positive.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.timeout", defaultValue = "600")
    int timeout;

    /**
     * Print and write the plan (files, keys, request body) without uploading or registering anything.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.dryRun", defaultValue = "false")
    boolean dryRun;

    /**
     * Where the result (group, files with OBS URL, size, hash, outcome and status) is written as JSON.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.resultFile", defaultValue = "${project.build.directory}/dli-package-group.json")
    File resultFile;

    /**
     * Skip the goal: {@code true}, {@code releases} (skip release versions) or {@code snapshots} (skip snapshot
     * versions).
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.skip", defaultValue = "false")
    String skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Inject
    public UploadGroupMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    void run(BuildLog log) throws MojoFailureException {
        if (skipped(log)) {
            return;
        }
        if ("pom".equals(project.getPackaging())) {
            log.info("Skipping dli:upload-group: project " + project.getArtifactId() + " has pom packaging.");
            return;
        }
        if (uploadThreads < 1 || uploadThreads > 64) {
            throw new DliPluginException("uploadThreads (-Ddli.uploadThreads) is " + uploadThreads
                    + "; it takes 1 to 64.");
        }
        if (pollInterval <= 0 || timeout <= 0) {
            throw new DliPluginException("pollInterval (-Ddli.pollInterval) and timeout (-Ddli.timeout) are seconds "
                    + "and must be positive.");
        }
        UploadPlan plan = UploadPlanner.plan(projectArtifacts(), uploadSettings());
        if (bucket == null || bucket.isBlank()) {
            throw new DliPluginException("No OBS bucket given. Set bucket (-Ddli.obs.bucket) to the bucket the "
                    + "files are uploaded to.");
        }
        if (dryRun) {
            publisher(log).dryRun(plan, register, async);
            return;
        }
        requireOnline("dli:upload-group");
        DliConnection connection = connection(log);
        // the project id is resolved before anything is uploaded, so a bad one costs no upload
        DliClient dli = register ? connection.open(log) : null;
        ObsClientSettings obs = obsSettings(connection);
        try (S3Client s3 = ObsClientFactory.create(obs, log)) {
            ObsUploader uploader = new ObsUploader(s3, obs, UploadOptions.defaults().withThreads(uploadThreads)
                    .withForce(force).withDigestCache(Path.of(project.getBuild().getDirectory(), DIGEST_CACHE)),
                    log);
            GroupWaiter waiter = new GroupWaiter(dli, Duration.ofSeconds(pollInterval), Duration.ofSeconds(timeout),
                    Clock.systemUTC(), duration -> Thread.sleep(duration.toMillis()), log);
            PublishResult result = publisher(log).publish(plan, uploader, dli, waiter, async);
            project.setContextValue(SubmitMojo.PUBLISH_RESULT, result);
            appendStepSummary(result, log);
            if (!getLog().isInfoEnabled()) {
                // -q hides every INFO line: still say in one line what was published
                System.out.println(result.summaryLine());
            }
        } catch (GroupWaiter.GroupFailedException | GroupWaiter.GroupTimeoutException e) {
            appendStepSummary(readResultFile(), log);
            throw new MojoFailureException(e.getMessage(), debugCause(e));
        }
    }

    /** On GitHub Actions, the group on the run's page; a summary that cannot be written does not fail the build. */
    private void appendStepSummary(PublishResult result, BuildLog log) {
        String summaryFile = environment.get(ENV_STEP_SUMMARY);
        if (summaryFile == null || summaryFile.isBlank() || result == null) {
            return;
        }
        Path base = project.getBasedir().toPath().toAbsolutePath();
        Path written = resultFile.toPath().toAbsolutePath();
        String shown = written.startsWith(base) ? base.relativize(written).toString() : written.toString();
        try {
            StepSummary.appendTo(Path.of(summaryFile), result, shown);
        } catch (DliPluginException e) {
            log.warn(e.getMessage());
        }
    }

    private PublishResult readResultFile() {
        try {
            return PublishResult.read(resultFile.toPath());
        } catch (IOException e) {
            return null;
        }
    }

    private boolean skipped(BuildLog log) {
        boolean snapshot = project.getVersion().endsWith("-SNAPSHOT");
        boolean skipping = switch (skip == null ? "false" : skip.trim().toLowerCase(Locale.ROOT)) {
            case "false", "" -> false;
            case "true" -> true;
            case "releases" -> !snapshot;
            case "snapshots" -> snapshot;
            default -> throw new DliPluginException("skip (-Ddli.skip) is '" + skip
                    + "'; it takes true, false, releases or snapshots.");
        };
        if (skipping) {
            log.info("Skipping dli:upload-group (dli.skip=" + skip + ")");
        }
        return skipping;
    }

    @Override
    String obsEndpointSetting() {
        return obsEndpoint;
    }

    private GroupPublisher publisher(BuildLog log) {
        URI obs = endpoints().obs();
        return new GroupPublisher(bucket, key -> ObsClientSettings.objectUrl(obs, pathStyle, bucket, key),
                resultFile.toPath(), log);
    }

    private ObsClientSettings obsSettings(DliConnection connection) {
        Credentials credentials = obsServerId == null || obsServerId.isBlank()
                ? connection.credentials()
                : credentials(obsServerId);
        return ObsClientSettings.forRegion(connection.region(), credentials)
                .withEndpoint(connection.endpoints().obs(), pathStyle)
                .withTimeouts(connection.connectTimeout(), connection.readTimeout())
                .withMaxConnections(uploadThreads)
                .withProxy(connection.proxy())
                .withRetries(connection.retryPolicy().retries());
    }

    private ProjectArtifacts projectArtifacts() {
        Artifact main = project.getArtifact();
        return new ProjectArtifacts(
                artifactFile(main),
                project.getAttachedArtifacts().stream().map(UploadGroupMojo::artifactFile).toList(),
                project.getArtifacts().stream().map(UploadGroupMojo::artifactFile).toList());
    }

    private static ArtifactFile artifactFile(Artifact artifact) {
        return new ArtifactFile(new ArtifactCoordinates(artifact.getGroupId(), artifact.getArtifactId(),
                artifact.getBaseVersion(), artifact.getType(), artifact.getClassifier(), artifact.getScope()),
                artifact.getFile() == null ? null : artifact.getFile().toPath());
    }

    private UploadSettings uploadSettings() {
        return new UploadSettings(group, kind, TagSettings.effective(tags, tagList), prefix, includeDependencies,
                includes, excludes, classifier, files == null ? null : files.stream().map(File::toPath).toList());
    }
}
