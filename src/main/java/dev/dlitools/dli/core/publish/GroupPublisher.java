package dev.dlitools.dli.core.publish;

import dev.dlitools.dli.core.common.Causes;
import dev.dlitools.dli.core.common.DliException;
import dev.dlitools.dli.core.dli.DliClient;
import dev.dlitools.dli.core.dli.GroupWaiter;
import dev.dlitools.dli.core.dli.PackageGroup;
import dev.dlitools.dli.core.dli.ResourcePackage;
import dev.dlitools.dli.core.dli.Tag;
import dev.dlitools.dli.core.dli.UploadGroupRequest;
import dev.dlitools.dli.core.obs.ObsUploader;
import dev.dlitools.dli.core.obs.UploadOutcome;
import dev.dlitools.dli.core.obs.UploadSummary;
import dev.dlitools.dli.core.upload.PlannedFile;
import dev.dlitools.dli.core.upload.UploadPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The main job: upload a plan's files to OBS, then (only when every upload succeeded) register them as a DLI
 * package group and wait until it is READY. When every file was unchanged and the group is already READY with
 * the same packages and tags ({@link SameReadyGroup}), it is not registered again, so DLI does not reload it. The
 * result file is written whatever the group's fate.
 */
public final class GroupPublisher {

    private final String bucket;
    private final Function<String, String> objectUrl;
    private final Path resultFile;
    private final PublishListener listener;

    /**
     * A publisher to one bucket; it sends nothing yet.
     *
     * @param bucket the OBS bucket the files go to
     * @param objectUrl the URL DLI is given for an object key
     * @param resultFile where the result is written, e.g. {@code target/dli-package-group.json}
     * @param listener hears each step, for the user to see
     */
    public GroupPublisher(
            String bucket, Function<String, String> objectUrl, Path resultFile, PublishListener listener) {
        this.bucket = bucket;
        this.objectUrl = objectUrl;
        this.resultFile = resultFile;
        this.listener = listener;
    }

    /**
     * Tells the listener and writes what would be uploaded and registered, writing to no service.
     *
     * @param plan what to upload and register
     * @param register whether the plan would register the group, or only upload
     * @param async whether the registration would let DLI load the packages asynchronously
     * @param unchangedKeys the keys of the files OBS already holds unchanged ({@link
     *     dev.dlitools.dli.core.obs.StoredFiles}); empty when OBS was not asked, and each file is then only
     *     {@code planned}
     * @return the result written, with {@code dryRun} set
     */
    public PublishResult dryRun(UploadPlan plan, boolean register, boolean async, Optional<Set<String>> unchangedKeys) {
        List<PublishedFile> files = plan.files().stream()
                .map(file -> published(file, null, unchangedKeys
                        .map(keys -> keys.contains(file.objectKey()) ? PublishedFile.UNCHANGED
                                : PublishedFile.WOULD_UPLOAD)
                        .orElse(PublishedFile.PLANNED)))
                .toList();
        UploadGroupRequest request = register ? request(plan, files, async) : null;
        PublishResult planned = write(new PublishResult(plan.group(), plan.kind().apiName(), plan.tags(), bucket,
                null, true, false, false, null, files, request));
        listener.dryRun(planned);
        return planned;
    }

    /**
     * Uploads, and with DLI's side registers and waits. DLI's side is awaited while the bucket is listed, before
     * anything is written, so a DLI that refuses the project or the key fails the publish with nothing sent.
     *
     * @param plan what to upload and register
     * @param uploader the OBS side; its client is the caller's
     * @param dliSide gives DLI's side, which the caller may be looking up meanwhile; {@code null} to upload only
     *     and print the OBS paths
     * @param waiterFor makes what waits for the group, with DLI's client; unused without DLI's side
     * @param async whether DLI loads the packages asynchronously, polled until READY
     * @return the result written, with each package's status
     * @throws GroupNotReadyException when a package FAILED or the group was not READY in time; it carries the
     *     result, which lists each package's status
     */
    public PublishResult publish(UploadPlan plan, ObsUploader uploader, Supplier<GroupLookup> dliSide,
            Function<DliClient, GroupWaiter> waiterFor, boolean async) {
        ResultFilePlace.removeEarlier(resultFile);
        AtomicReference<GroupLookup> answered = new AtomicReference<>();
        UploadSummary summary = (dliSide == null ? uploader
                : uploader.beforeFirstWrite(() -> answered.set(dliSide.get())))
                .upload(bucket, plan.files(), listener);
        // the summary has one result per planned file, in the plan's order
        List<PublishedFile> files = summary.results().stream()
                .map(result -> published(result.file(), result.sha256(),
                        result.outcome().name().toLowerCase(Locale.ROOT)))
                .toList();

        if (dliSide == null) {
            PublishResult uploaded = write(new PublishResult(plan.group(), plan.kind().apiName(), plan.tags(),
                    bucket, null, false, false, false, null, files, null));
            listener.uploadedWithoutRegistering(uploaded);
            return uploaded;
        }

        GroupLookup lookup = answered.get();
        DliClient dli = lookup.client();
        // nothing uploaded, so what DLI had before the upload still stands
        if (summary.results().stream().allMatch(result -> result.outcome() == UploadOutcome.UNCHANGED)
                && lookup.sameReadyGroup().isPresent()) {
            PackageGroup same = lookup.sameReadyGroup().get();
            listener.groupAlreadyReady(plan.group(), same.packageCount());
            return write(registered(plan, dli, files, null, same, true));
        }
        UploadGroupRequest request = request(plan, files, async);
        listener.registering(plan.group(), files.size(), plan.kind().apiName(), dli.projectId());
        PackageGroup uploaded = dli.uploadGroup(request);
        try {
            PackageGroup ready = waiterFor.apply(dli).await(uploaded, plan.kind().apiName());
            listener.groupReady(plan.group(), ready.packageCount());
            return write(registered(plan, dli, files, request, ready, false));
        } catch (GroupWaiter.GroupFailedException e) {
            throw new GroupNotReadyException(e, write(registered(plan, dli, files, request, e.group(), false)));
        } catch (GroupWaiter.GroupTimeoutException e) {
            throw new GroupNotReadyException(e, write(registered(plan, dli, files, request,
                    e.lastSeen() == null ? uploaded : e.lastSeen(), false)));
        } catch (RuntimeException e) {
            // registered, but the wait ended early (an interrupt, a poll refused for good): later steps still find
            // what was published, with the status the registration answered
            throw Causes.after(e, () -> write(registered(plan, dli, files, request, uploaded, false)));
        }
    }

    /**
     * @param request {@code null} when the group was already READY and not registered again
     */
    private PublishResult registered(UploadPlan plan, DliClient dli, List<PublishedFile> files,
            UploadGroupRequest request, PackageGroup group, boolean alreadyReady) {
        Map<String, String> statusByName = group.details().stream()
                .filter(detail -> detail.resourceName() != null)
                .collect(Collectors.toMap(ResourcePackage::resourceName, detail -> upper(detail.status()),
                        keepFirst()));
        List<PublishedFile> withStatus = files.stream()
                .map(file -> file.withStatus(statusByName.getOrDefault(file.fileName(), upper(group.status()))))
                .toList();
        return new PublishResult(plan.group(), plan.kind().apiName(), plan.tags(), bucket, dli.projectId(), false,
                true, alreadyReady, upper(group.status()), withStatus, request);
    }

    private PublishedFile published(PlannedFile file, String sha256, String outcome) {
        return new PublishedFile(file.fileName(), file.origin(), file.objectKey(), objectUrl.apply(file.objectKey()),
                "obs://" + bucket + "/" + file.objectKey(), file.size(), sha256, outcome, null,
                file.source().toAbsolutePath().toString());
    }

    private static UploadGroupRequest request(UploadPlan plan, List<PublishedFile> files, boolean async) {
        List<Tag> tags = plan.tags().entrySet().stream()
                .map(tag -> new Tag(tag.getKey(), tag.getValue()))
                .toList();
        return new UploadGroupRequest(files.stream().map(PublishedFile::url).toList(), plan.kind().apiName(),
                plan.group(), async, tags);
    }

    private PublishResult write(PublishResult result) {
        result.writeTo(resultFile);
        return result;
    }

    private static String upper(String status) {
        return status == null ? null : status.toUpperCase(Locale.ROOT);
    }

    private static <T> BinaryOperator<T> keepFirst() {
        return (first, second) -> first;
    }
}
