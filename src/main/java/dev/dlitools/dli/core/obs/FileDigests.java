package dev.dlitools.dli.core.obs;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.BooleanSupplier;

/** Computes a {@link LocalDigest} in one sequential pass: MD5 per part and SHA-256 of the whole file together. */
final class FileDigests {

    private static final int BUFFER_SIZE = 1024 * 1024;

    private FileDigests() {}

    static LocalDigest compute(Path file, PartLayout layout, BooleanSupplier cancelled) throws IOException {
        MessageDigest sha256 = newDigest("SHA-256");
        MessageDigest md5 = newDigest("MD5");
        byte[][] partMd5s = new byte[layout.partCount()][];
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.max(1, Math.min(BUFFER_SIZE, layout.fileSize())));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long position = 0;
            for (int part = 0; part < partMd5s.length; part++) {
                long partEnd = layout.offset(part) + layout.length(part);
                while (position < partEnd) {
                    if (cancelled.getAsBoolean()) {
                        throw new InterruptedIOException("upload cancelled");
                    }
                    buffer.clear().limit((int) Math.min(buffer.capacity(), partEnd - position));
                    int read = channel.read(buffer);
                    if (read < 0) {
                        throw FileChangedException.sizeChanged(file, layout.fileSize(), position);
                    }
                    sha256.update(buffer.array(), 0, read);
                    md5.update(buffer.array(), 0, read);
                    position += read;
                }
                partMd5s[part] = md5.digest();
            }
            if (channel.size() != layout.fileSize()) {
                throw FileChangedException.sizeChanged(file, layout.fileSize(), channel.size());
            }
        } catch (NoSuchFileException e) {
            throw FileChangedException.vanished(file, e);
        }
        return new LocalDigest(hex(sha256.digest()), partMd5s, etag(partMd5s, layout.multipart()));
    }

    /** S3/OBS ETags: hex MD5 of a single PUT; {@code hex(md5(md5(part1) .. md5(partN)))-N} of a multipart upload. */
    static String etag(byte[][] partMd5s, boolean multipart) {
        if (!multipart) {
            return hex(partMd5s[0]);
        }
        MessageDigest md5OfMd5s = newDigest("MD5");
        for (byte[] partMd5 : partMd5s) {
            md5OfMd5s.update(partMd5);
        }
        return hex(md5OfMd5s.digest()) + "-" + partMd5s.length;
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm, e);
        }
    }
}
