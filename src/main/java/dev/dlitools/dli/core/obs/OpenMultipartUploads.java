package dev.dlitools.dli.core.obs;

import dev.dlitools.dli.core.common.BuildLog;
import dev.dlitools.dli.core.common.ShutdownHook;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The multipart uploads one run has started and not yet completed or aborted. An interrupted run, or a JVM that
 * shuts down mid-upload (Ctrl-C), aborts them: OBS bills for the parts of an incomplete upload and keeps them
 * until it is aborted. Whoever takes an upload out of here first (its own thread, or the abort of all) aborts it.
 */
final class OpenMultipartUploads {

    /** How long a shutdown waits for the aborts before it warns and lets the JVM go. */
    static final Duration ABORT_GRACE = Duration.ofSeconds(10);

    private final S3Client s3;
    private final String bucket;
    private final Duration grace;
    private final BuildLog log;
    /** upload id → key */
    private final Map<String, String> open = new ConcurrentHashMap<>();
    private ShutdownHook shutdownHook;
    /** Set by the abort of all: from then on no upload is added, so none is left open behind its back. */
    private boolean aborting;

    OpenMultipartUploads(S3Client s3, String bucket, Duration grace, BuildLog log) {
        this.s3 = s3;
        this.bucket = bucket;
        this.grace = grace;
        this.log = log;
    }

    /** Aborts the open uploads when the JVM shuts down, until {@link #unwatchShutdown()}. */
    void watchShutdown() {
        shutdownHook = ShutdownHook.add(ShutdownHook.Registry.JVM, "obs-abort-on-shutdown", this::abortAll);
    }

    /** Called once the run has aborted what it left open: a shutdown from then on has nothing to abort. */
    void unwatchShutdown() {
        shutdownHook.close();
    }

    /**
     * Records an upload just started. Once every upload is being aborted (Ctrl-C while a transfer was starting one),
     * this one is aborted at once and its file fails: the abort of all has already taken its list of uploads.
     */
    void started(String key, String uploadId) throws InterruptedIOException {
        synchronized (this) {
            if (!aborting) {
                open.put(uploadId, key);
                return;
            }
        }
        try {
            s3.abortMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId));
        } catch (RuntimeException e) {
            log.warn("Stopped mid-upload: could not abort the multipart upload of '" + key + "' (upload id "
                    + uploadId + ") in bucket '" + bucket + "': " + e.getMessage());
        }
        throw new InterruptedIOException("upload cancelled");
    }

    /**
     * Takes a completed or failed upload out.
     *
     * @return whether the caller took it (and should abort it if it failed), {@code false} when already aborted
     */
    boolean take(String uploadId) {
        return open.remove(uploadId) != null;
    }

    /** Aborts every open upload at once, waiting at most the grace period; warns with the upload ids left. */
    void abortAll() {
        Map<String, String> toAbort;
        synchronized (this) {
            aborting = true;
            toAbort = Map.copyOf(open);
        }
        if (toAbort.isEmpty()) {
            return;
        }
        ExecutorService aborts = Executors.newFixedThreadPool(Math.min(toAbort.size(), 8), task -> {
            Thread thread = new Thread(task, "obs-abort");
            thread.setDaemon(true);
            return thread;
        });
        toAbort.forEach((uploadId, key) -> aborts.execute(() -> {
            if (take(uploadId)) {
                try {
                    s3.abortMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId));
                } catch (RuntimeException e) {
                    open.put(uploadId, key);
                }
            }
        }));
        aborts.shutdown();
        // an interrupted run waits all the same: the wait is bounded, and leaving now would leave the parts billed
        boolean interrupted = Thread.interrupted();
        try {
            aborts.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            aborts.shutdownNow();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (open.isEmpty()) {
            log.warn("Stopped mid-upload: aborted the multipart upload(s) " + describe(toAbort) + " this run had "
                    + "started in bucket '" + bucket + "'.");
        } else {
            log.warn("Stopped mid-upload: could not abort within " + grace.toSeconds() + " s the multipart "
                    + "upload(s) " + describe(open) + " in bucket '" + bucket + "'. The next run aborts them once "
                    + "they are " + StaleMultipartUploads.MIN_AGE.toMinutes() + " minutes old; a lifecycle rule "
                    + "for incomplete multipart uploads removes them too.");
        }
    }

    private static String describe(Map<String, String> uploads) {
        return uploads.entrySet().stream()
                .map(upload -> "'" + upload.getValue() + "' (upload id " + upload.getKey() + ")")
                .sorted()
                .collect(Collectors.joining(", "));
    }
}
