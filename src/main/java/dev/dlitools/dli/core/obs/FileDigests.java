package dev.dlitools.dli.core.obs;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.BooleanSupplier;

/**
 * Computes a {@link LocalDigest} in one sequential pass (MD5 per part and SHA-256 of the whole file together), for
 * a file compared with the bucket's object before it is sent, or only the SHA-256, for a multipart upload that
 * hashes each part while sending it.
 */
public final class FileDigests {

    private static final int BUFFER_SIZE = 1024 * 1024;

    private FileDigests() {}

    static LocalDigest compute(Path file, PartLayout layout, BooleanSupplier cancelled) throws IOException {
        MessageDigest sha256 = newDigest("SHA-256");
        byte[][] partMd5s = new byte[layout.partCount()][];
        try (FileChannel channel = open(file)) {
            ByteBuffer buffer = buffer(layout.fileSize());
            for (int part = 0; part < partMd5s.length; part++) {
                MessageDigest md5 = newDigest("MD5");
                digest(channel, file, layout.fileSize(), layout.offset(part), layout.length(part), buffer, cancelled,
                        sha256, md5);
                partMd5s[part] = md5.digest();
            }
            requireSize(channel, file, layout.fileSize());
        }
        return new LocalDigest(hex(sha256.digest()), partMd5s, etag(partMd5s, layout.multipart()));
    }

    /**
     * The hex SHA-256 of a whole file, as the result file gives it.
     *
     * @param file a local file
     * @return 64 lower-case hex digits
     * @throws IOException when the file cannot be read, also when its size changes while it is read
     */
    public static String sha256(Path file) throws IOException {
        return sha256(file, Files.size(file), () -> false);
    }

    /** The hex SHA-256 of the whole file. */
    static String sha256(Path file, long size, BooleanSupplier cancelled) throws IOException {
        MessageDigest sha256 = newDigest("SHA-256");
        try (FileChannel channel = open(file)) {
            digest(channel, file, size, 0, size, buffer(size), cancelled, sha256);
            requireSize(channel, file, size);
        }
        return hex(sha256.digest());
    }

    private static FileChannel open(Path file) throws IOException {
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw FileChangedException.vanished(file, e);
        }
    }

    private static ByteBuffer buffer(long bytesToRead) {
        return ByteBuffer.allocate((int) Math.max(1, Math.min(BUFFER_SIZE, bytesToRead)));
    }

    /** Feeds bytes {@code from} to {@code from + length} of the file to every digest. */
    private static void digest(FileChannel channel, Path file, long fileSize, long from, long length,
            ByteBuffer buffer, BooleanSupplier cancelled, MessageDigest... digests) throws IOException {
        long position = from;
        long end = from + length;
        while (position < end) {
            if (cancelled.getAsBoolean()) {
                throw new InterruptedIOException("upload cancelled");
            }
            buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
            int read = channel.read(buffer, position);
            if (read < 0) {
                throw FileChangedException.sizeChanged(file, fileSize, position);
            }
            for (MessageDigest digest : digests) {
                digest.update(buffer.array(), 0, read);
            }
            position += read;
        }
    }

    private static void requireSize(FileChannel channel, Path file, long size) throws IOException {
        if (channel.size() != size) {
            throw FileChangedException.sizeChanged(file, size, channel.size());
        }
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

    static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm, e);
        }
    }
}
