package dev.dlitools.dli.core.obs;

import static dev.dlitools.dli.core.obs.UploadOptions.MIB;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.common.BuildLog;
import dev.dlitools.dli.testsupport.Planned;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A file over 2 GiB (past every {@code int} offset) goes up in parts whose bytes are the file's own at their
 * offsets. The file is sparse, so it costs no disk; OBS is a small server that answers each part's MD5 as its ETag
 * (checking a Content-MD5 when one is sent), as OBS does, and keeps only sizes and MD5s, so it costs no memory.
 */
@Timeout(180)
class ObsLargeFileTest {

    private static final long GIB = 1024 * MIB;
    private static final long PART_SIZE = 256 * MIB;

    @TempDir
    Path dir;

    @Test
    void aFileLargerThan2GibIsUploadedInPartsWithItsOwnBytes() throws Exception {
        long size = 2 * GIB + 3 * MIB + 17;
        Path file = sparseFileWithMarks(dir.resolve("shaded-app-1.0.jar"), size,
                0, 2 * GIB - 32 * 1024, 2 * GIB + MIB, size - 64 * 1024);

        try (CheckingS3Server obs = CheckingS3Server.start()) {
            ObsClientSettings settings = ObsClientSettings.of(obs.endpoint(), "cn-north-4",
                    Credentials.of("ak", "sk"), true);
            try (S3Client s3 = ObsClientFactory.create(settings, BuildLog.SILENT)) {
                UploadSummary summary = new ObsUploader(s3, settings,
                        UploadOptions.defaults().withMultipart(PART_SIZE, PART_SIZE), BuildLog.SILENT)
                        .upload("jars", List.of(Planned.file(file, "dli/shaded-app-1.0.jar")),
                                new UploadListener() {});

                assertThat(summary.uploadedCount()).isEqualTo(1);
                assertThat(summary.bytesUploaded()).isEqualTo(size);
            }
            assertThat(obs.partMd5s).as("each part's bytes are the file's at its offset")
                    .isEqualTo(partMd5s(file, size));
            assertThat(obs.partSizes).hasSize(9);
            assertThat(obs.partSizes.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(size);
            assertThat(obs.partSizes.get(9)).isEqualTo(size - 8 * PART_SIZE);
            assertThat(obs.completed).isTrue();
        }
    }

    /** The MD5 of each {@link #PART_SIZE} range of the file, by part number. */
    private static Map<Integer, String> partMd5s(Path path, long size) throws IOException {
        Map<Integer, String> md5s = new TreeMap<>();
        byte[] buffer = new byte[1 << 20];
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "r")) {
            for (int part = 1; (part - 1) * PART_SIZE < size; part++) {
                MessageDigest md5 = CheckingS3Server.md5();
                file.seek((part - 1) * PART_SIZE);
                for (long left = Math.min(PART_SIZE, size - (part - 1) * PART_SIZE); left > 0; ) {
                    int read = file.read(buffer, 0, (int) Math.min(buffer.length, left));
                    md5.update(buffer, 0, read);
                    left -= read;
                }
                md5s.put(part, HexFormat.of().formatHex(md5.digest()));
            }
        }
        return md5s;
    }

    /** A sparse file of {@code size} bytes with 64 KiB of random bytes at each offset, so every part differs. */
    private static Path sparseFileWithMarks(Path path, long size, long... offsets) throws IOException {
        Random random = new Random(42);
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
            file.setLength(size);
            byte[] mark = new byte[64 * 1024];
            for (long offset : offsets) {
                random.nextBytes(mark);
                file.seek(offset);
                file.write(mark, 0, (int) Math.min(mark.length, size - offset));
            }
        }
        return path;
    }

    /** Just enough of S3 for one multipart upload into an empty bucket. */
    private static final class CheckingS3Server implements AutoCloseable {

        private final HttpServer server;
        final Map<Integer, Long> partSizes = new ConcurrentSkipListMap<>();
        final Map<Integer, String> partMd5s = new ConcurrentSkipListMap<>();
        volatile boolean completed;

        private CheckingS3Server() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", this::handle);
            server.start();
        }

        static CheckingS3Server start() throws IOException {
            return new CheckingS3Server();
        }

        URI endpoint() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        private void handle(HttpExchange exchange) throws IOException {
            String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
            String method = exchange.getRequestMethod();
            try (exchange) {
                if (method.equals("GET") && query.contains("list-type=2")) {
                    reply(exchange, 200, "<ListBucketResult><Name>jars</Name><KeyCount>0</KeyCount>"
                            + "<MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated></ListBucketResult>");
                } else if (method.equals("POST") && query.startsWith("uploads")) {
                    reply(exchange, 200, "<InitiateMultipartUploadResult><Bucket>jars</Bucket><Key>k</Key>"
                            + "<UploadId>upload-1</UploadId></InitiateMultipartUploadResult>");
                } else if (method.equals("PUT") && query.contains("partNumber=")) {
                    receivePart(exchange, Integer.parseInt(query.replaceAll(".*partNumber=(\\d+).*", "$1")));
                } else if (method.equals("POST") && query.contains("uploadId=")) {
                    exchange.getRequestBody().readAllBytes();
                    completed = true;
                    reply(exchange, 200, "<CompleteMultipartUploadResult><Bucket>jars</Bucket><Key>k</Key>"
                            + "<ETag>\"done-9\"</ETag></CompleteMultipartUploadResult>");
                } else {
                    reply(exchange, 400, "<Error><Code>NotImplemented</Code><Message>" + method + " " + query
                            + "</Message></Error>");
                }
            }
        }

        private void receivePart(HttpExchange exchange, int partNumber) throws IOException {
            MessageDigest md5 = md5();
            InputStream body = exchange.getRequestBody();
            boolean chunked = exchange.getRequestHeaders().getFirst("x-amz-content-sha256").startsWith("STREAMING");
            long received = chunked ? readAwsChunked(body, md5) : readPlain(body, md5);
            byte[] digest = md5.digest();
            String expected = exchange.getRequestHeaders().getFirst("Content-MD5");
            if (expected != null && !Base64.getEncoder().encodeToString(digest).equals(expected)) {
                reply(exchange, 400, "<Error><Code>BadDigest</Code><Message>part " + partNumber + "</Message></Error>");
                return;
            }
            partSizes.put(partNumber, received);
            partMd5s.put(partNumber, HexFormat.of().formatHex(digest));
            exchange.getResponseHeaders().add("ETag", "\"" + HexFormat.of().formatHex(digest) + "\"");
            reply(exchange, 200, "");
        }

        private static long readPlain(InputStream body, MessageDigest md5) throws IOException {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (int read; (read = body.read(buffer)) >= 0; total += read) {
                md5.update(buffer, 0, read);
            }
            return total;
        }

        /** SigV4 streaming: {@code <hex size>;chunk-signature=...\r\n<data>\r\n}, ending with a chunk of size 0. */
        private static long readAwsChunked(InputStream body, MessageDigest md5) throws IOException {
            long total = 0;
            byte[] buffer = new byte[1 << 16];
            while (true) {
                String header = readLine(body);
                long chunk = Long.parseLong(header.substring(0, header.indexOf(';')), 16);
                if (chunk == 0) {
                    body.readAllBytes();
                    return total;
                }
                for (long left = chunk; left > 0; ) {
                    int read = body.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (read < 0) {
                        throw new IOException("chunk cut short");
                    }
                    md5.update(buffer, 0, read);
                    left -= read;
                }
                total += chunk;
                readLine(body);
            }
        }

        private static String readLine(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b; (b = in.read()) != '\n'; ) {
                if (b < 0) {
                    throw new IOException("body ended inside a line");
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.US_ASCII);
        }

        private static void reply(HttpExchange exchange, int status, String xml) throws IOException {
            byte[] body = xml.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        }

        private static MessageDigest md5() {
            try {
                return MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
