package dev.dlitools.dli.core.obs;

import static dev.dlitools.dli.core.obs.UploadOptions.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.testsupport.Planned;
import dev.dlitools.dli.testsupport.RecordingLog;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A failed upload whose transfer is stuck on a socket write (which no time-out bounds and no interrupt ends):
 * no thread of the upload may be left running when the failure is thrown, or it would outlive the goal.
 */
@Timeout(30)
class ObsUploaderBlockedTransferTest {

    @TempDir
    Path dir;

    @Test
    void aTransferBlockedOnAPeerThatStopsReadingHasEndedWhenTheFailedUploadReturns() throws Exception {
        try (StalledObs obs = new StalledObs()) {
            ObsClientSettings settings = ObsClientSettings.of(obs.endpoint(), "cn-north-4",
                    Credentials.of("AK", "SK"), true);
            // larger than what the socket buffers hold, sent in one PUT
            Path file = Files.write(dir.resolve("big.jar"), new byte[(int) (32 * MIB)]);
            RecordingLog log = RecordingLog.withoutDebug();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            // the upload's threads, the pool's among them, are made in the group of the thread that starts it
            ThreadGroup uploadThreads = new ThreadGroup("upload");
            try (S3Client s3 = ObsClientFactory.create(settings, log)) {
                ObsUploader uploader = new ObsUploader(s3, settings, UploadOptions.defaults().withThreads(2)
                        .withMultipart(64 * MIB, 8 * MIB).withForce(true), log, Duration.ofMillis(500));
                Thread caller = new Thread(uploadThreads, () -> failure.set(catchThrowable(() -> uploader.upload(
                        "b", List.of(Planned.file(file, "dli/big.jar")), new UploadListener() {}))), "caller");
                caller.start();
                awaitWriting(uploadThreads);
                Thread.sleep(300); // the socket buffers fill, and the PUT blocks in its write

                caller.interrupt(); // the upload fails
                caller.join(10_000);

                assertThat(caller.isAlive()).as("the upload returned").isFalse();
                assertThat(failure.get()).isInstanceOf(ObsUploadException.class);
                assertThat(alive(uploadThreads)).as("threads of the upload left running").isEmpty();
            }
            assertThat(log.lines()).anySatisfy(line -> assertThat(line).contains("OBS transfers still running"));
        }
    }

    /** Until a thread of the upload writes the PUT's body (the frame is the HTTP client's, which the factory picks). */
    private static void awaitWriting(ThreadGroup group) throws InterruptedException {
        while (Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> thread.getKey().getThreadGroup() == group)
                .noneMatch(thread -> Arrays.stream(thread.getValue())
                        .anyMatch(frame -> frame.getMethodName().equals("streamWrite")))) {
            Thread.sleep(20);
        }
    }

    private static List<String> alive(ThreadGroup group) {
        Thread[] threads = new Thread[group.activeCount() + 8];
        int count = group.enumerate(threads);
        return Arrays.stream(threads, 0, count).filter(Thread::isAlive)
                .map(thread -> thread.getName() + " " + Arrays.toString(thread.getStackTrace())).toList();
    }

    /**
     * OBS that reads each request's head and then nothing more: a PUT's body is never read, no request answered.
     */
    private static final class StalledObs implements AutoCloseable {

        private final ServerSocket server = new ServerSocket();
        private final List<Socket> connections = new CopyOnWriteArrayList<>();

        StalledObs() throws IOException {
            server.setReceiveBufferSize(4096);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            daemon(this::accept);
        }

        URI endpoint() {
            return URI.create("http://127.0.0.1:" + server.getLocalPort());
        }

        private void accept() {
            try {
                while (true) {
                    Socket connection = server.accept();
                    connections.add(connection);
                    daemon(() -> readHead(connection));
                }
            } catch (IOException e) {
                // closed
            }
        }

        private void readHead(Socket connection) {
            try {
                InputStream in = connection.getInputStream();
                StringBuilder head = new StringBuilder();
                int next;
                while (!head.toString().endsWith("\r\n\r\n") && (next = in.read()) >= 0) {
                    head.append((char) next);
                }
            } catch (IOException e) {
                // the client closed the connection
            }
        }

        private static void daemon(Runnable task) {
            Thread thread = new Thread(task, "stalled-obs");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket connection : connections) {
                connection.close();
            }
        }
    }
}
