package dev.dlitools.dli.core;

import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.common.DliException;
import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.SettingException;
import dev.dlitools.dli.core.dli.DliClient;
import dev.dlitools.dli.core.dli.DliJson;
import dev.dlitools.dli.core.dli.GroupDeleter;
import dev.dlitools.dli.core.dli.GroupFinder;
import dev.dlitools.dli.core.dli.GroupWaiter;
import dev.dlitools.dli.core.dli.IamClient;
import dev.dlitools.dli.core.dli.PackageGroup;
import dev.dlitools.dli.core.dli.SignedHttpClient;
import dev.dlitools.dli.core.dli.UploadGroupRequest;
import dev.dlitools.dli.core.job.JobFailedException;
import dev.dlitools.dli.core.job.JobTimeoutException;
import dev.dlitools.dli.core.job.SparkJobResult;
import dev.dlitools.dli.core.job.SparkJobRunner;
import dev.dlitools.dli.core.job.SubmitRequest;
import dev.dlitools.dli.core.obs.ObsClientFactory;
import dev.dlitools.dli.core.obs.ObsClientSettings;
import dev.dlitools.dli.core.obs.ObsUploader;
import dev.dlitools.dli.core.obs.StoredFiles;
import dev.dlitools.dli.core.publish.GroupNotReadyException;
import dev.dlitools.dli.core.publish.GroupLookup;
import dev.dlitools.dli.core.publish.GroupPublisher;
import dev.dlitools.dli.core.publish.PublishResult;
import dev.dlitools.dli.core.publish.ResultFilePlace;
import dev.dlitools.dli.core.report.ResourceListReport;
import dev.dlitools.dli.core.retry.RetryPolicy;
import dev.dlitools.dli.core.upload.BucketName;
import dev.dlitools.dli.core.upload.NotPackagedException;
import dev.dlitools.dli.core.upload.PackageKind;
import dev.dlitools.dli.core.upload.TagSettings;
import dev.dlitools.dli.core.upload.UploadPlan;
import dev.dlitools.dli.core.upload.UploadPlanner;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The one entry point to the core: one method per job, each taking typed settings and telling a
 * {@link DliListener} what the user should see. A front end (a Maven goal, a Gradle task, a CLI) maps its
 * parameters to {@link DliSettings} and a request, calls one method, and words the typed errors:
 * {@link SettingException} names the {@link Setting} to change, {@link GroupNotReadyException} carries the
 * result of a group DLI did not load, {@link dev.dlitools.dli.core.job.JobOutcomeException} the outcome of a
 * Spark job that failed or did not end in time, {@link NotPackagedException} asks for the build's packaging step; every
 * other failure is a {@link dev.dlitools.dli.core.common.DliException} whose message says what to check.
 *
 * <p>The DLI client, and with it the project id (asked from IAM when not given), is made once, on first need.
 * Close the entry point when done: that stops the client's thread, which would delay the JVM's exit.
 */
public final class Dli implements AutoCloseable {

    private final DliSettings settings;
    private final DliListener listener;
    private SignedHttpClient http;
    private DliClient client;

    /**
     * An entry point that calls nothing yet.
     *
     * @param settings where and as whom
     * @param listener what the user sees
     */
    public Dli(DliSettings settings, DliListener listener) {
        this.settings = settings;
        this.listener = listener;
    }

    /**
     * Uploads the request's files to OBS (those OBS does not already hold), then, only when every upload
     * succeeded, registers them as a DLI package group and waits until it is READY. Everything that can be
     * checked locally is checked before the first byte goes out; the project id is resolved, and DLI asked for the
     * group (which proves it takes the credentials for that project), before any upload.
     * The result file is written whatever the group's fate. A dry run only plans, and with credentials lists the
     * bucket to tell which files would be uploaded and which are unchanged.
     *
     * @param request what to upload and register, and where
     * @return what was published, as written to the result file
     * @throws SettingException for a setting to change
     * @throws NotPackagedException when an artifact has not been built
     * @throws GroupNotReadyException when DLI could not load the group or it was not READY in time
     */
    public PublishResult publish(PublishRequest request) {
        UploadPlan plan = UploadPlanner.plan(request.artifacts(), request.upload());
        plan.warnings().forEach(listener::warn);
        String bucket = request.bucket();
        BucketName.check(bucket);
        ResultFilePlace.check(request.resultFile(), Setting.RESULT_FILE, "dli-package-group.json");
        URI obsEndpoint = settings.endpoints().obs();
        GroupPublisher publisher = new GroupPublisher(bucket,
                key -> ObsClientSettings.objectUrl(obsEndpoint, request.pathStyle(), bucket, key),
                request.resultFile(), listener);
        if (request.dryRun()) {
            return publisher.dryRun(plan, request.register(), request.async(),
                    unchangedInObs(request, plan, bucket, obsEndpoint));
        }
        // credentials that cannot be found fail before any call; a bad project id fails before any upload
        Credentials obsCredentials = obsCredentials(request);
        ObsClientSettings obs = obsClientSettings(request, obsEndpoint, obsCredentials);
        // both clients take a cold JVM tenths of a second to build, and the project id may need a call to IAM: the
        // DLI client is made, and the group looked up, on a second thread meanwhile, awaited while OBS is listed
        FutureTask<GroupLookup> dliSide = request.register()
                ? inBackground("dli-client", () -> GroupLookup.of(client(), plan))
                : null;
        // the JSON mapper that writes the registration and the result file is made ready likewise, on a third
        // thread, and awaited whatever happens: once the goal has ended Maven closes its class loader, and a class
        // loaded after that fails (a build failing at once printed a NoClassDefFoundError from this thread)
        FutureTask<Void> json = inBackground("dli-json", () -> {
            if (request.register()) {
                DliJson.prepare(PublishResult.class, UploadGroupRequest.class);
            } else {
                DliJson.prepare(PublishResult.class);
            }
            return null;
        });
        try {
            S3Client s3;
            try {
                s3 = ObsClientFactory.create(obs, listener);
            } catch (RuntimeException | Error e) {
                if (dliSide != null) {
                    // DLI's failure, e.g. a bad project id, is reported first, as when it was asked first
                    await(dliSide);
                }
                throw e;
            }
            try (s3) {
                ObsUploader uploader = new ObsUploader(s3, obs, request.uploadOptions(), listener);
                return publisher.publish(plan, uploader, dliSide == null ? null : () -> await(dliSide),
                        client -> new GroupWaiter(client, request.pollInterval(), request.timeout(),
                                Clock.systemUTC(), settings.sleeper(), listener),
                        request.async());
            }
        } finally {
            // a failure before the uploader awaits DLI's side (a file gone since it was planned) leaves the look-up
            // running; like the JSON thread it must end before the goal does
            if (dliSide != null) {
                finish(dliSide);
            }
            finish(json);
        }
    }

    /**
     * For a dry run, the keys of the files OBS already holds unchanged, found by listing the bucket (nothing is
     * written); empty when offline or without credentials, which a dry run does not need.
     */
    private Optional<Set<String>> unchangedInObs(PublishRequest request, UploadPlan plan, String bucket,
            URI obsEndpoint) {
        if (request.offline()) {
            listener.info("Dry run: not compared with OBS (offline).");
            return Optional.empty();
        }
        Credentials obsCredentials = null;
        try {
            if (request.obsCredentials() != null || settings.hasCredentials()) {
                obsCredentials = obsCredentials(request);
            }
        } catch (SettingException e) {
            throw e; // a credentials setting that names what does not exist is wrong, dry run or not
        } catch (DliException e) {
            listener.debug(e.getMessage());
        }
        if (obsCredentials == null) {
            listener.info("Dry run: not compared with OBS (no credentials), so whether each file would be uploaded"
                    + " or is unchanged is not known.");
            return Optional.empty();
        }
        ObsClientSettings obs = obsClientSettings(request, obsEndpoint, obsCredentials);
        try (S3Client s3 = ObsClientFactory.create(obs, listener)) {
            return Optional.of(StoredFiles.unchangedKeys(s3, obs, bucket, plan.files(), request.uploadOptions(),
                    listener));
        }
    }

    private Credentials obsCredentials(PublishRequest request) {
        return request.obsCredentials() == null ? settings.credentials() : request.obsCredentials().get();
    }

    private ObsClientSettings obsClientSettings(PublishRequest request, URI obsEndpoint, Credentials credentials) {
        return new ObsClientSettings(obsEndpoint, settings.region(), credentials, request.pathStyle(),
                settings.connectTimeout(), settings.readTimeout(), request.uploadOptions().threads(),
                settings.proxies(), settings.retries());
    }

    /**
     * Runs a Spark job on published files: submits it once (never again after the request may have reached DLI,
     * since a second request would start a second job), then, unless the request says not to wait, polls its state
     * until it ends, cancelling it at the time-out when asked. The result file is written whatever the job's fate.
     *
     * @param request the job and how to wait for it
     * @return the outcome of a job that succeeded, or was only submitted
     * @throws JobFailedException when the job ended without success; it carries the driver log's last lines
     * @throws JobTimeoutException when the job did not end in time; it says whether it was cancelled
     */
    public SparkJobResult submit(SubmitRequest request) {
        request.unusedGroupAdvice().ifPresent(listener::warn);
        return new SparkJobRunner(client().batches(), listener, Clock.systemUTC(), settings.sleeper()).submit(request);
    }

    /**
     * The project's package groups (and with {@code all} its other resources) as the request filters them, with
     * times in this machine's time zone.
     *
     * @param request the filters and what to show
     * @return the report, as a table or JSON
     * @throws SettingException for a kind that is no DLI package kind, before any call
     */
    public ResourceListReport list(ListRequest request) {
        String kind = request.kind() == null || request.kind().isBlank() ? null
                : PackageKind.named(Setting.LIST_KIND, request.kind()).apiName();
        String tags = TagSettings.listFilter(request.tags());
        return new ResourceListReport(client().listResources(kind, tags), request.groupPattern(), kind, tags,
                request.all(), ZoneId.systemDefault());
    }

    /**
     * One package group with every package in it.
     *
     * @param group the group's exact name
     * @return empty when the project has no group of that name
     * @throws SettingException naming {@link Setting#GROUP} for a name with {@code *}, before any call
     */
    public Optional<PackageGroup> describe(String group) {
        requireExactName(group);
        return new GroupFinder(client()).find(group);
    }

    /**
     * Deletes every package of a group, one by one (DLI has no call that deletes a whole group). A group that
     * does not exist is nothing to delete.
     *
     * @param group the group's exact name
     * @return the names of the deleted packages; empty when there was no such group
     * @throws dev.dlitools.dli.core.common.DliException naming the packages that remain when some could not be
     *     deleted
     * @throws SettingException naming {@link Setting#GROUP} for a name with {@code *}, before any call
     */
    public List<String> deleteGroup(String group) {
        requireExactName(group);
        return new GroupDeleter(client(), listener).deleteGroup(group);
    }

    /**
     * A group name with {@code *} is a pattern of the list's filter: taken as a name it matches no group, and a
     * delete would report nothing to delete and succeed.
     */
    private static void requireExactName(String group) {
        if (group.contains("*")) {
            throw SettingException.invalid(Setting.GROUP, "'" + group + "' is a pattern; give one group's exact name."
                    + " Patterns are for listing: " + Setting.LIST_GROUP.withValue(group) + ".");
        }
    }

    /** {@return the project id: the one given, else IAM's for the project named like the region} */
    public String projectId() {
        return client().projectId();
    }

    /** Starts work on a daemon thread, which never keeps the JVM up; its caller must await it. */
    private static <T> FutureTask<T> inBackground(String name, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return task;
    }

    /**
     * Waits for a task to end, ignoring its failure: the task only gave a head start, and the work it prepared
     * reports its own failure, or the job already fails for another reason.
     */
    private static void finish(FutureTask<?> task) {
        try {
            task.get();
        } catch (ExecutionException | CancellationException e) {
            // ignored: see above; a task cancelled by an interrupt leaves the interrupt to be reported
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The task's result, or its failure as it was thrown; an interrupt stops the task and fails the job. */
    private static <T> T await(FutureTask<T> task) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            // the tasks awaited here (the DLI client and its look-up) throw no checked exceptions
            throw (RuntimeException) e.getCause();
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new DliException("Interrupted while connecting to DLI", e);
        }
    }

    /** Stops the HTTP client, if one was made; waits for one being made on the second thread. */
    @Override
    public synchronized void close() {
        if (http != null) {
            http.close();
        }
    }

    private synchronized DliClient client() {
        if (client == null) {
            if (http == null) {
                http = new SignedHttpClient(settings.credentials(), settings.connectTimeout(),
                        settings.readTimeout(), settings.proxies(), new RetryPolicy(settings.retries(),
                                settings.sleeper(), () -> ThreadLocalRandom.current().nextDouble()),
                        Clock.systemUTC(), listener);
            }
            String project = settings.projectId();
            if (project == null) {
                project = new IamClient(http, settings.endpoints().iam()).resolveProjectId(settings.region());
                listener.projectResolved(settings.region(), project);
            }
            client = new DliClient(http, settings.endpoints().dli(), project);
        }
        return client;
    }
}
