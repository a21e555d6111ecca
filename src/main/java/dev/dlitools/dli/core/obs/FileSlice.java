package dev.dlitools.dli.core.obs;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.http.ContentStreamProvider;

/**
 * A byte range of a file as a request body. Reads are positional, so the parts of one file upload in parallel
 * without sharing a file position. A file that shrank, grew or vanished since it was planned fails the read with a
 * {@link FileChangedException}; cancellation fails it with an {@link InterruptedIOException}.
 *
 * <p>With {@link Hashing} other than {@code NONE} the slice hashes the bytes as they are read for sending, so a file
 * is read once: {@link #sent()} gives the digests of the last stream read to its end, which after a request are
 * those of the bytes the request carried (an SDK retry starts a new stream, and so new digests).
 */
final class FileSlice implements ContentStreamProvider, Closeable {

    /** What the slice hashes while it is read. */
    enum Hashing { NONE, MD5, MD5_AND_SHA256 }

    /** The digests of the bytes one stream delivered; {@code sha256} is {@code null} unless it was asked for. */
    record SentDigests(byte[] md5, byte[] sha256) {}

    /** Large reads: the HTTP client asks for a few KiB at a time, and each file read is a system call. */
    private static final int READ_SIZE = 64 * 1024;

    private final Path file;
    private final long expectedFileSize;
    private final long offset;
    private final long length;
    private final Hashing hashing;
    private final BooleanSupplier cancelled;
    private InputStream current;
    private volatile SentDigests sent;

    FileSlice(Path file, long expectedFileSize, long offset, long length, Hashing hashing, BooleanSupplier cancelled) {
        this.file = file;
        this.expectedFileSize = expectedFileSize;
        this.offset = offset;
        this.length = length;
        this.hashing = hashing;
        this.cancelled = cancelled;
    }

    /** Called again by SDK retries: each call starts over at the slice's first byte. */
    @Override
    public synchronized InputStream newStream() {
        try {
            close();
            current = new SliceStream(FileChannel.open(file, StandardOpenOption.READ));
            return current;
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(FileChangedException.vanished(file, e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The digests of the last stream read to its end.
     *
     * @throws IllegalStateException if the slice hashes nothing or no stream was read to its end
     */
    SentDigests sent() {
        SentDigests digests = sent;
        if (digests == null) {
            throw new IllegalStateException("no hashed stream of " + file + " was read to its end");
        }
        return digests;
    }

    @Override
    public synchronized void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    private final class SliceStream extends InputStream {

        private final FileChannel channel;
        private final MessageDigest md5;
        private final MessageDigest sha256;
        /** Bytes read from the file and hashed, not yet handed out. */
        private final ByteBuffer buffer;
        private long position = offset;
        private long remaining = length;

        SliceStream(FileChannel channel) {
            this.channel = channel;
            this.md5 = hashing == Hashing.NONE ? null : FileDigests.newDigest("MD5");
            this.sha256 = hashing == Hashing.MD5_AND_SHA256 ? FileDigests.newDigest("SHA-256") : null;
            this.buffer = ByteBuffer.allocate((int) Math.max(1, Math.min(READ_SIZE, length)));
            buffer.limit(0);
            if (length == 0) {
                finish();
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int targetOffset, int maxLength) throws IOException {
            if (cancelled.getAsBoolean()) {
                throw new InterruptedIOException("upload cancelled");
            }
            if (remaining == 0) {
                return -1;
            }
            if (maxLength == 0) {
                return 0;
            }
            if (!buffer.hasRemaining()) {
                fill();
            }
            int handed = Math.min(maxLength, buffer.remaining());
            buffer.get(target, targetOffset, handed);
            remaining -= handed;
            if (remaining == 0) {
                if (channel.size() != expectedFileSize) {
                    throw FileChangedException.sizeChanged(file, expectedFileSize, channel.size());
                }
                finish();
            }
            return handed;
        }

        /** Reads and hashes the next bytes of the slice. */
        private void fill() throws IOException {
            buffer.clear().limit((int) Math.min(buffer.capacity(), remaining));
            int read = channel.read(buffer, position);
            if (read < 0) {
                throw FileChangedException.sizeChanged(file, expectedFileSize, channel.size());
            }
            position += read;
            buffer.flip();
            if (md5 != null) {
                md5.update(buffer.array(), 0, read);
            }
            if (sha256 != null) {
                sha256.update(buffer.array(), 0, read);
            }
        }

        private void finish() {
            if (md5 != null) {
                sent = new SentDigests(md5.digest(), sha256 == null ? null : sha256.digest());
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
