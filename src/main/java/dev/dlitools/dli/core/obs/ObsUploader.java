package dev.dlitools.dli.core.obs;

import dev.dlitools.dli.core.common.BuildLog;
import dev.dlitools.dli.core.obs.RemoteListing.RemoteObject;
import dev.dlitools.dli.core.upload.PlannedFile;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Uploads files to an OBS bucket with a bounded thread pool, skipping files the bucket already holds.
 *
 * <p>One ListObjectsV2 listing per key folder (usually one) finds what the bucket holds. A file with no object of
 * its size there (or every file, with {@code force}) is not read before it is sent: its MD5s are taken while it is
 * sent (a single PUT's SHA-256 too; a multipart file's is read beside its parts),
 * and each ETag OBS answers (hex MD5 of a PUT or of a part) is checked against the MD5 of the bytes sent, so a
 * mismatch fails the file. A file with an object of its size is read first for the ETag OBS would report for it
 * (hex MD5 for a single PUT, {@code md5-of-part-md5s-N} for a multipart upload with the configured part size) and
 * its SHA-256; with the same ETag it is left alone, otherwise sent with its MD5s as Content-MD5 headers, so OBS
 * refuses bytes that differ from what was hashed.
 *
 * <p>Files start largest and smallest by turns: the large ones do not trail at the end, and the small ones, whose
 * time is mostly the round trip of their request, wait while the large ones fill the link instead of all at the
 * end (measured over a modelled WAN link, see bench/RESULTS.md). The parts of a multipart file are shared
 * between the file's own thread and idle pool threads. After the first failure nothing new starts, running
 * transfers are cancelled, multipart uploads are aborted, and the failure is thrown as an
 * {@link ObsUploadException}; transfers still running 30 s later have the client's connections closed under them,
 * so none outlives the call.
 */
public final class ObsUploader {

    private static final String CONTENT_TYPE = "application/octet-stream";
    /** How long a failed upload waits for cancelled transfers to stop and multipart uploads to be aborted. */
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(30);
    /** How long transfers get to end once their connections are closed under them, which ends them at once. */
    private static final Duration AFTER_CLOSE_GRACE = Duration.ofSeconds(5);

    private final S3Client s3;
    private final ObsClientSettings settings;
    private final UploadOptions options;
    private final BuildLog log;
    private final ObsErrors errors;
    private final Runnable beforeFirstWrite;
    private final Duration cancelGrace;

    /**
     * @param s3 a client from {@link ObsClientFactory} for {@code settings}; the caller closes it. The uploader
     *     closes it only after a failed upload whose transfers did not stop within 30 s, to end them
     * @param settings the client's settings, for error hints
     * @param options threads, multipart and comparison; its threads at most the client's connections
     * @param log where retries and, at debug level, the requests are reported
     * @throws IllegalArgumentException when the options have more threads than the client has connections
     */
    public ObsUploader(S3Client s3, ObsClientSettings settings, UploadOptions options, BuildLog log) {
        this(s3, settings, options, log, CANCEL_GRACE);
    }

    /** @param cancelGrace how long a failed upload waits for its cancelled transfers; tests wait less */
    ObsUploader(S3Client s3, ObsClientSettings settings, UploadOptions options, BuildLog log, Duration cancelGrace) {
        this(s3, settings, options, log, () -> {}, cancelGrace);
        if (options.threads() > settings.maxConnections()) {
            throw new IllegalArgumentException("the OBS client has " + settings.maxConnections()
                    + " connections for " + options.threads() + " upload threads: threads would wait for"
                    + " connections; give the client at least as many connections as threads");
        }
    }

    private ObsUploader(S3Client s3, ObsClientSettings settings, UploadOptions options, BuildLog log,
            Runnable beforeFirstWrite, Duration cancelGrace) {
        this.s3 = s3;
        this.settings = settings;
        this.options = options;
        this.log = log;
        this.errors = new ObsErrors(settings);
        this.beforeFirstWrite = beforeFirstWrite;
        this.cancelGrace = cancelGrace;
    }

    /**
     * This uploader, with a last check that each upload runs once while the bucket is listed and before it writes
     * anything (before it announces the upload, too); what the check throws ends the upload as it is thrown, with
     * nothing written.
     *
     * @param check e.g. that DLI answers, so a wrong project fails before the first upload
     * @return a new uploader with the same client and options
     */
    public ObsUploader beforeFirstWrite(Runnable check) {
        return new ObsUploader(s3, settings, options, log, check, cancelGrace);
    }

    /**
     * Uploads the files that the bucket does not already hold (all of them with {@link UploadOptions#force()}).
     *
     * @param bucket the OBS bucket
     * @param planned the files with their object keys
     * @param listener hears each step, on the upload threads
     * @return one result per file, in the files' order, and totals
     * @throws ObsUploadException if any file cannot be read or uploaded
     * @throws IllegalArgumentException if two files have the same key
     */
    public UploadSummary upload(String bucket, List<PlannedFile> planned, UploadListener listener) {
        long started = System.nanoTime();
        List<QueuedFile> files = queue(bucket, planned);
        DigestCache digests = options.digestCache() == null || options.force()
                ? DigestCache.none()
                : DigestCache.load(options.digestCache());
        List<UploadResult> results;
        try {
            results = new Run(bucket, listener, digests).execute(files);
        } finally {
            digests.save();
        }
        UploadSummary summary = UploadSummary.of(results, Duration.ofNanos(System.nanoTime() - started));
        listener.uploadFinished(summary);
        return summary;
    }

    /** Checks every file before any request, so a missing file fails the upload at once. */
    private List<QueuedFile> queue(String bucket, List<PlannedFile> planned) {
        Set<String> keys = new HashSet<>();
        List<QueuedFile> queued = new ArrayList<>(planned.size());
        for (PlannedFile file : planned) {
            if (!keys.add(file.objectKey())) {
                throw new IllegalArgumentException("two files for the same key '" + file.objectKey() + "', one is "
                        + file.source());
            }
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file.source(), BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                throw errors.forFile(file.source(), bucket, file.objectKey(),
                        new FileChangedException("file " + file.source() + " does not exist", e));
            } catch (IOException e) {
                throw errors.forFile(file.source(), bucket, file.objectKey(), e);
            }
            if (!attributes.isRegularFile()) {
                throw errors.forFile(file.source(), bucket, file.objectKey(),
                        new FileChangedException(file.source() + " is not a regular file"));
            }
            long size = attributes.size();
            queued.add(new QueuedFile(queued.size(), file, size, attributes.lastModifiedTime(),
                    PartLayout.plan(size, options)));
        }
        return queued;
    }

    /** A planned file as found when the upload starts: its size and time, and how it is cut into parts. */
    private record QueuedFile(int index, PlannedFile planned, long size, FileTime modified, PartLayout layout) {

        Path source() {
            return planned.source();
        }

        String key() {
            return planned.objectKey();
        }
    }

    /** What a file's own thread reads while other threads send its parts. */
    @FunctionalInterface
    private interface ReadTask {
        void run() throws IOException;
    }

    /** One {@link #upload} call: its pool and its failure state. */
    private final class Run {

        private final String bucket;
        private final UploadListener listener;
        private final DigestCache digests;
        private final ThreadPoolExecutor pool;
        private final AtomicReference<ObsUploadException> failure = new AtomicReference<>();
        private final OpenMultipartUploads openUploads;
        /** The pool's threads, awaited to their end after a failure. */
        private final List<Thread> threads = new CopyOnWriteArrayList<>();
        private volatile boolean cancelled;
        /** Set once OBS answers that it encrypts with KMS: ETags cannot check bytes, Content-MD5 must. */
        private volatile boolean etagsAreNotMd5;

        Run(String bucket, UploadListener listener, DigestCache digests) {
            this.bucket = bucket;
            this.listener = listener;
            this.digests = digests;
            this.openUploads = new OpenMultipartUploads(s3, bucket, OpenMultipartUploads.ABORT_GRACE, log);
            AtomicInteger threadNumber = new AtomicInteger();
            // FIFO queue: listings, queued first, are running before any file task waits for them
            this.pool = new ThreadPoolExecutor(options.threads(), options.threads(), 0, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), task -> {
                        Thread thread = new Thread(task, "obs-upload-" + threadNumber.incrementAndGet());
                        thread.setDaemon(true);
                        threads.add(thread);
                        return thread;
                    });
        }

        List<UploadResult> execute(List<QueuedFile> files) {
            boolean succeeded = false;
            openUploads.watchShutdown();
            try {
                CompletableFuture<Map<String, RemoteObject>> remoteIndex = options.force()
                        ? CompletableFuture.completedFuture(Map.of())
                        : listRemote(files);
                beforeFirstWrite.run();
                listener.uploadStarted(files.size(), files.stream().mapToLong(QueuedFile::size).sum());
                CompletableFuture<Void> cleanup = abortStaleUploads(files);
                CompletionService<UploadResult> completions = new ExecutorCompletionService<>(pool);
                List<Future<UploadResult>> futures = new ArrayList<>(Collections.nCopies(files.size(), null));
                for (QueuedFile file : largestAndSmallestByTurns(files)) {
                    futures.set(file.index(), completions.submit(() -> process(file, remoteIndex)));
                }
                for (int i = 0; i < files.size(); i++) {
                    completions.take().get();
                }
                List<UploadResult> results = new ArrayList<>(files.size());
                for (Future<UploadResult> future : futures) {
                    results.add(future.get());
                }
                cleanup.get();
                succeeded = true;
                return results;
            } catch (ExecutionException e) {
                throw recordFailure(e.getCause(), null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw recordFailure(new InterruptedIOException("interrupted"), null);
            } finally {
                boolean stopped = stopPool(succeeded);
                // while the client is open: the multipart uploads of the transfers that did not stop are aborted
                openUploads.abortAll();
                if (!stopped) {
                    closeConnections();
                }
                openUploads.unwatchShutdown();
            }
        }

        private static List<QueuedFile> largestAndSmallestByTurns(List<QueuedFile> files) {
            List<QueuedFile> bySize = new ArrayList<>(files);
            bySize.sort(Comparator.comparingLong(QueuedFile::size).reversed());
            List<QueuedFile> order = new ArrayList<>(files.size());
            for (int large = 0, small = bySize.size() - 1; large <= small; large++, small--) {
                order.add(bySize.get(large));
                if (small != large) {
                    order.add(bySize.get(small));
                }
            }
            return order;
        }

        /** @return whether every pool thread has ended */
        private boolean stopPool(boolean succeeded) {
            if (succeeded) {
                pool.shutdown();
                return true;
            }
            cancelled = true;
            pool.shutdownNow();
            // an interrupted run waits all the same (bounded), so its transfers can abort their multipart uploads
            if (awaitPool(cancelGrace)) {
                return true;
            }
            log.warn("OBS transfers still running " + cancelGrace.toSeconds() + " s after the upload failed:"
                    + " their multipart uploads are aborted and their connections closed");
            return false;
        }

        /**
         * Ends the transfers that cancelling did not: a request blocked writing to a server that stopped reading
         * (no time-out bounds a socket write, and no interrupt ends one), or waiting up to the read time-out for
         * an answer. Closing the client closes its connections, so these requests fail at once and their threads
         * end before the upload returns, not after the goal (in a long-lived JVM such as mvnd's, still working
         * and holding the plugin's classes).
         */
        private void closeConnections() {
            s3.close();
            if (!awaitPool(AFTER_CLOSE_GRACE)) {
                log.warn("OBS transfers still running after their connections were closed; they end when what"
                        + " they wait for does");
            }
        }

        /** Waits for the pool's threads to end, through interrupts; the caller's interrupt flag is kept. */
        private boolean awaitPool(Duration limit) {
            long deadline = System.nanoTime() + limit.toNanos();
            boolean interrupted = Thread.interrupted();
            try {
                if (!pool.awaitTermination(limit.toNanos(), TimeUnit.NANOSECONDS)) {
                    return false;
                }
                // the pool's last thread reports it terminated just before that thread ends
                for (Thread thread : threads) {
                    thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                }
                return threads.stream().noneMatch(Thread::isAlive);
            } catch (InterruptedException e) {
                interrupted = true;
                return false;
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** Multipart uploads of these keys that an earlier run left, aborted alongside this run's listing. */
        private CompletableFuture<Void> abortStaleUploads(List<QueuedFile> files) {
            Set<String> keys = new HashSet<>();
            files.forEach(file -> keys.add(file.key()));
            Instant startedBefore = Instant.now().minus(StaleMultipartUploads.MIN_AGE);
            return CompletableFuture.allOf(RemoteListing.prefixes(keys).stream()
                    .map(prefix -> CompletableFuture.runAsync(() -> StaleMultipartUploads.abort(s3, bucket, prefix,
                            keys, startedBefore, log), pool))
                    .toArray(CompletableFuture[]::new));
        }

        private CompletableFuture<Map<String, RemoteObject>> listRemote(List<QueuedFile> files) {
            Set<String> keys = new HashSet<>();
            files.forEach(file -> keys.add(file.key()));
            CompletableFuture<Map<String, RemoteObject>> index = RemoteListing.index(s3, bucket, keys, errors, log,
                    pool);
            index.whenComplete((merged, error) -> {
                if (error != null) {
                    recordFailure(error, null);
                }
            });
            return index;
        }

        private UploadResult process(QueuedFile file, CompletableFuture<Map<String, RemoteObject>> remoteIndex) {
            long started = System.nanoTime();
            try {
                checkNotCancelled();
                RemoteObject remote = remoteIndex.join().get(file.key());
                DigestCache.KnownDigest known = digests.find(file.source(), file.size(), file.modified(),
                        file.layout());
                if (known != null && isStored(remote, file, known.etag())) {
                    UploadResult result = new UploadResult(file.planned(), file.size(), known.sha256Hex(),
                            known.etag(), UploadOutcome.UNCHANGED,
                            Duration.ofNanos(System.nanoTime() - started));
                    listener.fileUnchanged(result);
                    return result;
                }
                if (!sameSize(remote, file) && !etagsAreNotMd5) {
                    return uploadHashingWhileSending(file, started);
                }
                LocalDigest digest = digests.hash(file.source(), file.size(), file.modified(), file.layout(),
                        () -> cancelled);
                if (isStored(remote, file, digest.etag())) {
                    UploadResult result = result(file, digest, digest.etag(), UploadOutcome.UNCHANGED, started);
                    listener.fileUnchanged(result);
                    return result;
                }
                checkNotCancelled();
                listener.fileStarted(file.planned(), file.size());
                String etag = file.layout().multipart()
                        ? uploadMultipart(file, digest.partMd5s(), () -> {})
                        : uploadSingle(file, digest.partMd5s()[0]).etag();
                return uploaded(file, digest, etag, started);
            } catch (Throwable e) {
                throw recordFailure(e, file);
            }
        }

        /**
         * A file the bucket cannot hold already (no object of its size, or {@code force}): its content needs no
         * comparing beforehand, so it is hashed while it is sent, and each ETag OBS answers is checked
         * against the MD5 of the bytes sent. A multipart file's SHA-256 needs the bytes in order, so the file's
         * own thread reads it for that while other threads send the parts.
         */
        private UploadResult uploadHashingWhileSending(QueuedFile file, long started) throws Exception {
            listener.fileStarted(file.planned(), file.size());
            LocalDigest digest;
            String etag;
            if (file.layout().multipart()) {
                byte[][] partMd5s = new byte[file.layout().partCount()][];
                String[] sha256 = new String[1];
                etag = uploadMultipart(file, partMd5s,
                        () -> sha256[0] = FileDigests.sha256(file.source(), file.size(), () -> cancelled));
                digest = new LocalDigest(sha256[0], partMd5s, FileDigests.etag(partMd5s, true));
            } else {
                SingleUpload upload = uploadSingle(file, null);
                byte[] md5 = upload.sent().md5();
                digest = new LocalDigest(FileDigests.hex(upload.sent().sha256()), new byte[][] {md5},
                        FileDigests.hex(md5));
                etag = upload.etag();
            }
            // the digests were taken from the bytes sent: a file rewritten meanwhile must not be reported as sent
            if (!Files.getLastModifiedTime(file.source()).equals(file.modified())) {
                throw FileChangedException.modified(file.source());
            }
            digests.remember(file.source(), file.size(), file.modified(), file.layout(), digest);
            return uploaded(file, digest, etag, started);
        }

        private UploadResult uploaded(QueuedFile file, LocalDigest digest, String etag, long started) {
            if (!etag.equals(digest.etag())) {
                log.warn("OBS reported ETag " + etag + " for '" + file.key() + "' where " + digest.etag()
                        + " was expected (server-side encryption?): the next run will upload it again");
            }
            UploadResult result = result(file, digest, etag, UploadOutcome.UPLOADED, started);
            listener.fileUploaded(result);
            return result;
        }

        private static boolean isStored(RemoteObject remote, QueuedFile file, String etag) {
            return remote != null && remote.holds(file.size(), etag);
        }

        private static boolean sameSize(RemoteObject remote, QueuedFile file) {
            return remote != null && remote.size() == file.size();
        }

        private UploadResult result(QueuedFile file, LocalDigest digest, String etag, UploadOutcome outcome,
                long started) {
            return new UploadResult(file.planned(), file.size(), digest.sha256Hex(), etag, outcome,
                    Duration.ofNanos(System.nanoTime() - started));
        }

        /** A finished single PUT: the ETag OBS answered and what was hashed while sending (if anything). */
        private record SingleUpload(String etag, FileSlice.SentDigests sent) {}

        /**
         * One PUT of the whole file. With its MD5 known, OBS checks the bytes against it (Content-MD5); without,
         * its MD5 and SHA-256 are taken while it is sent and the ETag is checked against that MD5.
         */
        private SingleUpload uploadSingle(QueuedFile file, byte[] knownMd5) throws IOException {
            FileSlice.Hashing hashing = knownMd5 == null ? FileSlice.Hashing.MD5_AND_SHA256 : FileSlice.Hashing.NONE;
            try (FileSlice body = new FileSlice(file.source(), file.size(), 0, file.size(), hashing,
                    () -> cancelled)) {
                PutObjectResponse response = s3.putObject(request -> {
                    request.bucket(bucket).key(file.key()).contentType(CONTENT_TYPE);
                    if (knownMd5 != null) {
                        request.contentMD5(Base64.getEncoder().encodeToString(knownMd5));
                    }
                }, RequestBody.fromContentProvider(body, file.size(), CONTENT_TYPE));
                String etag = confirmedEtag(response.eTag(), "the upload of '" + file.key() + "'");
                if (knownMd5 != null) {
                    listener.bytesSent(file.size());
                    return new SingleUpload(etag, null);
                }
                FileSlice.SentDigests sent = body.sent();
                boolean kms = encryptedWithKms(response.serverSideEncryptionAsString(),
                        response.sseCustomerAlgorithm());
                if (!sentAsStored(file, sent, etag, kms, "the file")) {
                    return new SingleUpload(uploadSingle(file, sent.md5()).etag(), sent);
                }
                listener.bytesSent(file.size());
                return new SingleUpload(etag, sent);
            }
        }

        /**
         * Sends the parts of a file from this thread and idle pool threads; this thread first runs {@code besideParts}.
         *
         * @param partMd5s the MD5 of each part, sent as Content-MD5; a {@code null} entry is taken while the part is
         *     sent, checked against the part's ETag, and filled in
         */
        private String uploadMultipart(QueuedFile file, byte[][] partMd5s, ReadTask besideParts) throws Exception {
            String key = file.key();
            String uploadId = createUninterruptibly(key);
            openUploads.started(key, uploadId);
            try {
                int partCount = file.layout().partCount();
                CompletedPart[] completed = new CompletedPart[partCount];
                PartScheduler scheduler = new PartScheduler(partCount);
                Runnable drain = () -> {
                    int index;
                    while ((index = scheduler.take(cancelled)) >= 0) {
                        Throwable error = null;
                        try {
                            completed[index] = uploadPart(file, partMd5s, uploadId, index);
                        } catch (Throwable e) {
                            error = e;
                        } finally {
                            scheduler.finished(error);
                        }
                    }
                };
                // helpers that start late find no part left and return at once, so nobody waits on a queued task
                int helpers = Math.min(partCount - 1, options.threads() - 1);
                for (int i = 0; i < helpers; i++) {
                    pool.execute(drain);
                }
                try {
                    besideParts.run();
                } catch (Exception | Error e) {
                    scheduler.fail(e);
                }
                drain.run();
                scheduler.awaitNoneRunning();
                scheduler.throwIfFailed();
                checkNotCancelled();
                String answered = s3.completeMultipartUpload(request -> request
                        .bucket(bucket)
                        .key(key)
                        .uploadId(uploadId)
                        .multipartUpload(upload -> upload.parts(completed))).eTag();
                // taken out before the ETag is checked: the upload may be complete, so it is not aborted
                openUploads.take(uploadId);
                return confirmedEtag(answered, "the completion of the multipart upload of '" + key + "' (upload id "
                        + uploadId + ")");
            } catch (Exception | Error e) {
                abort(key, uploadId);
                throw e;
            }
        }

        private CompletedPart uploadPart(QueuedFile file, byte[][] partMd5s, String uploadId, int index)
                throws IOException {
            long length = file.layout().length(index);
            byte[] knownMd5 = partMd5s[index];
            FileSlice.Hashing hashing = knownMd5 == null ? FileSlice.Hashing.MD5 : FileSlice.Hashing.NONE;
            try (FileSlice body = new FileSlice(file.source(), file.size(), file.layout().offset(index), length,
                    hashing, () -> cancelled)) {
                UploadPartResponse response = s3.uploadPart(request -> {
                    request.bucket(bucket).key(file.key()).uploadId(uploadId).partNumber(index + 1)
                            .contentLength(length);
                    if (knownMd5 != null) {
                        request.contentMD5(Base64.getEncoder().encodeToString(knownMd5));
                    }
                }, RequestBody.fromContentProvider(body, length, CONTENT_TYPE));
                String etag = confirmedEtag(response.eTag(),
                        "the upload of part " + (index + 1) + " of '" + file.key() + "'");
                if (knownMd5 == null) {
                    partMd5s[index] = body.sent().md5();
                    boolean kms = encryptedWithKms(response.serverSideEncryptionAsString(),
                            response.sseCustomerAlgorithm());
                    if (!sentAsStored(file, body.sent(), etag, kms, "part " + (index + 1))) {
                        return uploadPart(file, partMd5s, uploadId, index);
                    }
                }
                listener.bytesSent(length);
                return CompletedPart.builder().partNumber(index + 1).eTag(response.eTag()).build();
            }
        }

        /**
         * Whether OBS stored the bytes sent, as its ETag tells. If it does not, and OBS encrypts with KMS (whose ETags
         * are not MD5s), the caller sends the same bytes again with their MD5 as Content-MD5, for OBS to check, and
         * later files are read for their MD5s before they are sent. Otherwise OBS stored something else than was
         * sent (altered on the way), and the file fails.
         */
        private boolean sentAsStored(QueuedFile file, FileSlice.SentDigests sent, String etag, boolean kms,
                String what) throws IOException {
            String md5 = FileDigests.hex(sent.md5());
            if (md5.equals(etag)) {
                return true;
            }
            if (kms) {
                if (!etagsAreNotMd5) {
                    etagsAreNotMd5 = true;
                    log.info("OBS encrypts '" + file.key() + "' with KMS, so its ETags are not MD5s: files are read"
                            + " for their MD5s before they are sent, and OBS checks the bytes against them");
                }
                return false;
            }
            throw new IOException("OBS answered ETag " + etag + " for " + what + " where the bytes sent have MD5 "
                    + md5 + ": what OBS stored is not what was sent (altered on the way, e.g. by a proxy)."
                    + " Nothing was registered.");
        }

        /**
         * The ETag of what OBS answered it stored, normalized. A 2xx without one (a proxy answering in its place, say)
         * does not confirm that anything was stored.
         *
         * @param request what OBS answered, as the error names it: the upload of a file or a part, or the completion
         */
        private static String confirmedEtag(String answered, String request) throws IOException {
            String etag = RemoteListing.normalizeEtag(answered);
            if (etag.isEmpty()) {
                throw new IOException("OBS answered " + request + " without an ETag, so it did not confirm that it "
                        + "stored the file. Nothing was registered.");
            }
            return etag;
        }

        /** SSE-KMS and SSE-C objects (S3 and OBS alike) have ETags that are not the MD5 of their bytes. */
        private static boolean encryptedWithKms(String encryption, String customerAlgorithm) {
            // S3 says aws:kms or aws:kms:dsse, OBS kms
            return encryption != null && encryption.toLowerCase(Locale.ROOT).contains("kms")
                    || customerAlgorithm != null;
        }

        /**
         * Starts a multipart upload on a thread that cancellation does not interrupt: the SDK drops an answer that
         * arrives on an interrupted thread, and with it the upload id, the only handle to abort the upload with.
         */
        private String createUninterruptibly(String key) throws IOException {
            CompletableFuture<String> created = CompletableFuture.supplyAsync(() -> s3.createMultipartUpload(
                            request -> request
                                    .bucket(bucket)
                                    .key(key)
                                    .contentType(CONTENT_TYPE)).uploadId(),
                    task -> {
                        Thread thread = new Thread(task, "obs-create-multipart");
                        thread.setDaemon(true);
                        thread.start();
                    });
            String uploadId;
            try {
                uploadId = created.join(); // join() waits through interrupts; the caller's flag stays set
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
            if (uploadId == null || uploadId.isBlank()) {
                throw new IOException("OBS answered the start of a multipart upload of '" + key
                        + "' without an upload id. Nothing was registered.");
            }
            return uploadId;
        }

        private void abort(String key, String uploadId) {
            if (!openUploads.take(uploadId)) {
                return; // aborted already, by the shutdown
            }
            // the SDK refuses to start a request on an interrupted thread, and cancellation interrupts
            boolean interrupted = Thread.interrupted();
            try {
                s3.abortMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId));
            } catch (RuntimeException e) {
                log.warn("Could not abort the multipart upload of '" + key + "' in bucket '" + bucket
                        + "' (upload id " + uploadId + "): " + e.getMessage()
                        + ". A lifecycle rule for incomplete multipart uploads removes its parts.");
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private void checkNotCancelled() throws InterruptedIOException {
            if (cancelled) {
                throw new InterruptedIOException("upload cancelled");
            }
        }

        /** Keeps the first failure, which is the one reported, and cancels everything else. */
        private ObsUploadException recordFailure(Throwable error, QueuedFile file) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause()
                    : error;
            ObsUploadException converted;
            if (cause instanceof ObsUploadException known) {
                converted = known;
            } else if (file != null) {
                converted = errors.forFile(file.source(), bucket, file.key(), cause);
            } else {
                converted = new ObsUploadException("Upload to bucket '" + bucket + "' failed: " + cause, null, cause);
            }
            failure.compareAndSet(null, converted);
            cancelled = true;
            return failure.get();
        }
    }

    /** Hands out the parts of one file to the threads working on it and collects the first failure. */
    private static final class PartScheduler {

        private final int partCount;
        private int nextPart;
        private int running;
        private Throwable failure;

        PartScheduler(int partCount) {
            this.partCount = partCount;
        }

        /** The next part's index, or -1 when none is left or the upload failed. */
        synchronized int take(boolean cancelled) {
            if (cancelled || failure != null || nextPart == partCount) {
                return -1;
            }
            running++;
            return nextPart++;
        }

        /** A failure of the file's own work beside the parts: no further part starts. */
        synchronized void fail(Throwable error) {
            if (failure == null) {
                failure = error;
            }
        }

        synchronized void finished(Throwable error) {
            running--;
            if (error != null && failure == null) {
                failure = error;
            }
            notifyAll();
        }

        synchronized void awaitNoneRunning() throws InterruptedException {
            while (running > 0) {
                wait();
            }
        }

        synchronized void throwIfFailed() throws Exception {
            if (failure instanceof Exception e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
        }
    }
}
