package dev.dlitools.dli.maven;

import dev.dlitools.dli.core.Dli;
import dev.dlitools.dli.core.PublishRequest;
import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.SettingException;
import dev.dlitools.dli.core.publish.GroupNotReadyException;
import dev.dlitools.dli.core.publish.PublishResult;
import dev.dlitools.dli.core.report.StepSummary;
import dev.dlitools.dli.core.upload.ArtifactCoordinates;
import dev.dlitools.dli.core.upload.ArtifactFile;
import dev.dlitools.dli.core.upload.PackageKind;
import dev.dlitools.dli.core.upload.ProjectArtifacts;
import dev.dlitools.dli.core.upload.TagSettings;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Uploads the project's jar and its runtime dependencies to OBS, registers them as a DLI package group and waits
 * until the group is READY. Files already in OBS with the same content are not uploaded again.
 *
 * @since 0.1.0
 */
@Mojo(name = "upload-group", defaultPhase = LifecyclePhase.DEPLOY,
        requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class UploadGroupMojo extends AbstractProjectMojo {

    /** In target/, so that mvn clean empties it. */
    private static final String DIGEST_CACHE = "dli-digests.txt";

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
     * artifact and {@code files}. Not set: {@code true}, except when {@code classifier} is set, because an attached
     * artifact such as a shaded jar holds its dependencies already, and then not the dependencies shaded into the
     * project's jar itself (maven-shade-plugin's default); set it to {@code true} to upload them anyway.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.includeDependencies")
    Boolean includeDependencies;

    /**
     * Upload the project's own artifact (the main one, or the one {@code classifier} names). Not set: {@code true}
     * for kind {@code jar} or when {@code classifier} is set, else {@code false}: jobs of the other kinds run Python
     * or data files, not the jar a {@code jar}-packaged project builds anyway.
     *
     * @since 0.2.0
     */
    @Parameter(property = "dli.includeMainArtifact")
    Boolean includeMainArtifact;

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
     * Upload the attached artifact with this classifier (e.g. {@code shaded}) instead of the main artifact. The
     * dependencies are then left out unless {@code includeDependencies} is set to {@code true}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.classifier")
    String classifier;

    /**
     * Extra files to upload besides the artifacts, e.g. the Python files of a {@code pyFile} group:
     * {@code <files><file>src/main/python/job.py</file><file>src/main/python/lib</file></files>}. Each entry is a
     * file, a directory (every file below it, hidden ones and {@code __pycache__} left out) or a glob pattern such
     * as {@code src/main/python/**}{@code /*.py}, expanded in path order; an entry matching no file is an error.
     * Relative paths are relative to the project directory. Without the project's artifact, the first file is the
     * job's main file (the PySpark driver script).
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
    @Parameter(property = "dli.uploadThreads", defaultValue = "16")
    int uploadThreads;

    /**
     * Upload every file, even those OBS already holds with the same content, and so register the group even when
     * it is already READY with the same packages and tags.
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

    @Inject
    public UploadGroupMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    void run(MavenListener listener) throws MojoFailureException {
        if (skipped("dli:upload-group", listener)) {
            return;
        }
        if (nothingOfItsOwn()) {
            listener.info("Skipping dli:upload-group: project " + project.getArtifactId() + " has pom packaging"
                    + " and lists no files.");
            project.setContextValue(SubmitMojo.NOTHING_OF_ITS_OWN, Boolean.TRUE);
            return;
        }
        requireGroupOfItsOwn();
        PublishRequest request = publishRequest();
        if (!dryRun) {
            requireOnline("dli:upload-group");
        }
        try (Dli dli = dli(listener)) {
            PublishResult result = dli.publish(request);
            project.setContextValue(SubmitMojo.PUBLISH_RESULT, result);
            appendStepSummary(result, listener);
            printWhenQuiet(quietLines(result));
        } catch (GroupNotReadyException e) {
            appendStepSummary(e.result(), listener);
            throw new MojoFailureException(words(e), debugCause(e));
        }
    }

    /**
     * Refuses a group that another project of this build registers: the second registration would replace the
     * first one's packages, and each build after that would flip the group between the two.
     */
    private void requireGroupOfItsOwn() {
        String name = firstPresent(group);
        if (!register || session == null || session.getRequest() == null || name == null) {
            return;
        }
        String self = project.getGroupId() + ":" + project.getArtifactId();
        String other = ReactorGroups.claim(session.getRequest(), name, self);
        if (other != null) {
            throw new SettingException(Setting.GROUP, "Group '" + name + "' is registered by " + other + " in this"
                    + " build too, and DLI keeps one set of packages per group: " + self + "'s would replace "
                    + other + "'s. Give each project a group of its own " + Setting.GROUP.aside() + ": with no"
                    + " group set for the whole build (in a parent pom or by -Ddli.group), each publishes its"
                    + " artifactId.");
        }
    }

    /**
     * The summary line, and without a group the OBS paths a job references, one per line and the main file first,
     * because then nothing else tells a script where the files are.
     */
    static List<String> quietLines(PublishResult result) {
        List<String> lines = new ArrayList<>(List.of(result.summaryLine()));
        if (!result.registered() && !result.dryRun()) {
            lines.addAll(result.job().all());
        }
        return lines;
    }

    /**
     * A pom project (a reactor's parent, say) has nothing to publish unless it lists files (a PySpark project) or
     * asks for a kind other than jar or for an attached artifact; then the core plans it as any other project.
     */
    private boolean nothingOfItsOwn() {
        return "pom".equals(project.getPackaging()) && (files == null || files.isEmpty())
                && PackageKind.parse(kind) == PackageKind.JAR
                && (classifier == null || classifier.isBlank());
    }

    /** The goal's parameters as the core's request; the core checks them. */
    private PublishRequest publishRequest() {
        return PublishRequest.builder(projectArtifacts(), group)
                .kind(kind)
                .tags(TagSettings.effective(tags, tagList))
                .prefix(prefix)
                .includeDependencies(includeDependencies)
                .includeMainArtifact(includeMainArtifact)
                .includes(includes)
                .excludes(excludes)
                .classifier(classifier)
                .files(files == null ? null : files.stream().map(File::toPath).toList())
                .bucket(bucket)
                .pathStyle(pathStyle)
                .obsCredentials(obsServerId == null || obsServerId.isBlank()
                        ? null
                        : () -> credentials(obsServerId, Setting.OBS_SERVER_ID))
                .uploadThreads(uploadThreads)
                .force(force)
                .digestCache(Path.of(project.getBuild().getDirectory(), DIGEST_CACHE))
                .register(register)
                .async(async)
                .pollInterval(Duration.ofSeconds(pollInterval))
                .timeout(Duration.ofSeconds(timeout))
                .dryRun(dryRun)
                .offline(session != null && session.isOffline())
                .resultFile(resultFile.toPath())
                .build();
    }

    private void appendStepSummary(PublishResult result, MavenListener listener) {
        appendStepSummary(resultFile, (summary, shown) -> StepSummary.appendTo(summary, result, shown), listener);
    }

    @Override
    String obsEndpointSetting() {
        return obsEndpoint;
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

}
