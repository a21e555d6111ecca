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
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.http.ContentStreamProvider;

/**
 * A byte range of a file as a request body. Reads are positional, so the parts of one file upload in parallel
 * without sharing a file position. A file that shrank, grew or vanished since it was planned fails the read with a
 * {@link FileChangedException}; cancellation fails it with an {@link InterruptedIOException}.
 */
final class FileSlice implements ContentStreamProvider, Closeable {

    private final Path file;
    private final long expectedFileSize;
    private final long offset;
    private final long length;
    private final BooleanSupplier cancelled;
    private InputStream current;

    FileSlice(Path file, long expectedFileSize, long offset, long length, BooleanSupplier cancelled) {
        this.file = file;
        this.expectedFileSize = expectedFileSize;
        this.offset = offset;
        this.length = length;
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

    @Override
    public synchronized void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    private final class SliceStream extends InputStream {

        private final FileChannel channel;
        private long position = offset;
        private long remaining = length;

        SliceStream(FileChannel channel) {
            this.channel = channel;
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
            int wanted = (int) Math.min(maxLength, remaining);
            int read = channel.read(ByteBuffer.wrap(target, targetOffset, wanted), position);
            if (read < 0) {
                throw FileChangedException.sizeChanged(file, expectedFileSize, channel.size());
            }
            position += read;
            remaining -= read;
            if (remaining == 0 && channel.size() != expectedFileSize) {
                throw FileChangedException.sizeChanged(file, expectedFileSize, channel.size());
            }
            return read;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
