package dev.dlitools.dli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dlitools.dli.core.BuildLog;
import dev.dlitools.dli.core.ProxySettings;
import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.dli.DliClient;
import dev.dlitools.dli.core.dli.GroupWaiter;
import dev.dlitools.dli.core.dli.SignedHttpClient;
import dev.dlitools.dli.core.dli.Tag;
import dev.dlitools.dli.core.dli.UploadGroupRequest;
import dev.dlitools.dli.core.obs.ObsClientFactory;
import dev.dlitools.dli.core.obs.ObsClientSettings;
import dev.dlitools.dli.core.obs.ObsUploader;
import dev.dlitools.dli.core.obs.UploadOptions;
import dev.dlitools.dli.core.publish.GroupPublisher;
import dev.dlitools.dli.core.retry.RetryPolicy;
import dev.dlitools.dli.core.upload.ArtifactCoordinates;
import dev.dlitools.dli.core.upload.ArtifactFile;
import dev.dlitools.dli.core.upload.ProjectArtifacts;
import dev.dlitools.dli.core.upload.UploadPlan;
import dev.dlitools.dli.core.upload.UploadPlanner;
import dev.dlitools.dli.core.upload.UploadSettings;
import dev.dlitools.dli.emulator.DliEmulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Our uploader against {@code aws s3 sync}, {@code rclone copy --checksum}, a sequential PutObject loop and the
 * S3 server's ceiling, on the same S3Proxy (file-system store, own process), tools alternating run by run.
 * Started by {@code bench/run.sh}; {@code Benchmark <out-dir> <runs> <scale>} (scale 1 = the full workloads).
 */
public final class Benchmark {

    private static final String AK = "BENCHACCESSKEY";
    private static final String SK = "bench-secret-key";
    private static final String PROJECT = "bench-project";
    private static final String REGION = "cn-north-4";
    private static final long MIB = 1024L * 1024;
    private static final int CEILING_THREADS = 16;

    private final Path out;
    private final int runs;
    private final double scale;
    private final Map<String, Map<String, List<Double>>> seconds = new LinkedHashMap<>();
    private final List<Long> ourPeakHeap = new ArrayList<>();
    private final List<Double> ourCpuSeconds = new ArrayList<>();
    private URI s3Endpoint;
    private DliEmulator emulator;
    private int buckets;

    private Benchmark(Path out, int runs, double scale) {
        this.out = out;
        this.runs = runs;
        this.scale = scale;
    }

    public static void main(String[] args) throws Exception {
        new Benchmark(Path.of(args[0]), Integer.parseInt(args[1]), Double.parseDouble(args[2])).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path data = out.resolve("data");
        Workloads workloads = Workloads.generate(data, scale);
        System.out.printf(Locale.ROOT, "W1: %d files, %.0f MB; W3: one file of %.0f MB; %d runs each%n",
                workloads.w1Files().size(), workloads.w1Bytes() / 1e6, Files.size(workloads.big()) / 1e6, runs);
        Process s3Server = startS3Server(out.resolve("s3-store"));
        emulator = DliEmulator.builder().credentials(AK, SK).projectId(PROJECT).region(REGION)
                .asyncReadyDelay(Duration.ZERO).start();
        try {
            for (int round = 1; round <= runs; round++) {
                System.out.println("round " + round + "/" + runs);
                for (Tool tool : Tool.values()) {
                    String bucket = newBucket();
                    record(tool, "W1 cold", () -> upload(tool, bucket, workloads.w1Dir(), workloads, false));
                    workloads.changeMainJar(round);
                    if (tool != Tool.CEILING) {
                        record(tool, "W2 redeploy", () -> upload(tool, bucket, workloads.w1Dir(), workloads, false));
                    }
                    deleteBucket(bucket);
                    String bigBucket = newBucket();
                    record(tool, "W3 big", () -> upload(tool, bigBucket, workloads.bigDir(), workloads, true));
                    deleteBucket(bigBucket);
                }
            }
            measureList(workloads);
        } finally {
            emulator.close();
            s3Server.destroy();
        }
        Report.write(out, seconds, ourPeakHeap, ourCpuSeconds, workloads, runs);
    }

    /** The tools, in the order they take turns. */
    enum Tool {
        OURS("ours"), AWS("aws s3 sync"), RCLONE("rclone copy --checksum"), NAIVE("sequential PutObject"),
        CEILING("ceiling (16 parallel raw PUTs)");

        final String label;

        Tool(String label) {
            this.label = label;
        }
    }

    private interface Timed {
        void run() throws Exception;
    }

    private void record(Tool tool, String workload, Timed work) throws Exception {
        boolean ours = tool == Tool.OURS;
        if (ours) {
            System.gc();
            heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
        }
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        work.run();
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (ours) {
            ourCpuSeconds.add((processCpuNanos() - cpuBefore) / 1e9);
            ourPeakHeap.add(heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum());
        }
        seconds.computeIfAbsent(workload, key -> new LinkedHashMap<>())
                .computeIfAbsent(tool.label, key -> new ArrayList<>()).add(elapsed);
        System.out.printf(Locale.ROOT, "  %-12s %-32s %7.2f s%n", workload, tool.label, elapsed);
    }

    private void upload(Tool tool, String bucket, Path dir, Workloads workloads, boolean big) throws Exception {
        switch (tool) {
            case OURS -> publishAsTheGoalDoes(bucket, big ? workloads.bigProject() : workloads.w1Project());
            case AWS -> exec(List.of("aws", "s3", "sync", "--only-show-errors", "--endpoint-url", s3Endpoint.toString(),
                    dir.toString(), "s3://" + bucket + "/lib"), awsEnvironment());
            case RCLONE -> exec(List.of("rclone", "copy", "--checksum", "--s3-no-check-bucket", dir.toString(),
                    "bench:" + bucket + "/lib"), rcloneEnvironment());
            case NAIVE -> {
                try (S3Client s3 = s3Client(1)) {
                    for (Path file : files(dir)) {
                        s3.putObject(put -> put.bucket(bucket).key("lib/" + file.getFileName()),
                                RequestBody.fromFile(file));
                    }
                }
            }
            case CEILING -> ceiling(bucket, dir);
        }
    }

    /** {@code dli:upload-group}'s path: plan, S3 client per run, incremental upload, register, wait. */
    private void publishAsTheGoalDoes(String bucket, ProjectArtifacts project) {
        UploadPlan plan = UploadPlanner.plan(project, UploadSettings.forGroup("bench-group").withPrefix("dli"));
        ObsClientSettings settings = obsSettings(UploadOptions.DEFAULT_THREADS);
        SignedHttpClient http = new SignedHttpClient(Credentials.of(AK, SK), Duration.ofSeconds(10),
                Duration.ofSeconds(60), ProxySettings.NONE, RetryPolicy.of(RetryPolicy.DEFAULT_RETRIES),
                Clock.systemUTC(), BuildLog.SILENT);
        DliClient dli = new DliClient(http, emulator.endpoint(), PROJECT);
        try (S3Client s3 = ObsClientFactory.create(settings, BuildLog.SILENT)) {
            ObsUploader uploader = new ObsUploader(s3, settings,
                    UploadOptions.defaults().withDigestCache(out.resolve("dli-digests.txt")), BuildLog.SILENT);
            GroupWaiter waiter = new GroupWaiter(dli, Duration.ofMillis(100), Duration.ofMinutes(5),
                    Clock.systemUTC(), duration -> Thread.sleep(duration.toMillis()), BuildLog.SILENT);
            new GroupPublisher(bucket, key -> settings.objectUrl(bucket, key), out.resolve("result.json"),
                    BuildLog.SILENT).publish(plan, uploader, dli, waiter, true);
        }
    }

    /** Every file of {@code dir} at once on 16 threads; a large file as 16 MiB parts in parallel. */
    private void ceiling(String bucket, Path dir) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CEILING_THREADS);
        try (S3Client s3 = s3Client(CEILING_THREADS)) {
            List<Future<?>> puts = new ArrayList<>();
            for (Path file : files(dir)) {
                long size = Files.size(file);
                String key = "lib/" + file.getFileName();
                if (size <= 16 * MIB) {
                    puts.add(pool.submit(() -> s3.putObject(put -> put.bucket(bucket).key(key),
                            RequestBody.fromFile(file))));
                    continue;
                }
                String uploadId = s3.createMultipartUpload(create -> create.bucket(bucket).key(key)).uploadId();
                int parts = (int) ((size + 16 * MIB - 1) / (16 * MIB));
                List<Future<CompletedPart>> partFutures = new ArrayList<>();
                for (int part = 1; part <= parts; part++) {
                    int number = part;
                    long offset = (part - 1) * 16 * MIB;
                    long length = Math.min(16 * MIB, size - offset);
                    partFutures.add(pool.submit(() -> {
                        byte[] bytes = new byte[(int) length];
                        try (var channel = Files.newByteChannel(file)) {
                            channel.position(offset);
                            var buffer = java.nio.ByteBuffer.wrap(bytes);
                            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                                // read the whole part
                            }
                        }
                        String etag = s3.uploadPart(upload -> upload.bucket(bucket).key(key).uploadId(uploadId)
                                .partNumber(number), RequestBody.fromBytes(bytes)).eTag();
                        return CompletedPart.builder().partNumber(number).eTag(etag).build();
                    }));
                }
                List<CompletedPart> completed = new ArrayList<>();
                for (Future<CompletedPart> part : partFutures) {
                    completed.add(part.get());
                }
                s3.completeMultipartUpload(complete -> complete.bucket(bucket).key(key).uploadId(uploadId)
                        .multipartUpload(upload -> upload.parts(completed)));
            }
            for (Future<?> put : puts) {
                put.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** W4: {@code mvn dli:list} against 500 groups, and {@code mvn validate} of the same project. */
    private void measureList(Workloads workloads) throws Exception {
        DliClient dli = new DliClient(new SignedHttpClient(Credentials.of(AK, SK), Duration.ofSeconds(10),
                Duration.ofSeconds(60), ProxySettings.NONE, RetryPolicy.of(0), Clock.systemUTC(), BuildLog.SILENT),
                emulator.endpoint(), PROJECT);
        for (int group = 0; group < 500; group++) {
            dli.uploadGroup(new UploadGroupRequest(List.of("https://bench.obs.cn-north-4.myhuaweicloud.com/dli/g"
                    + group + ".jar"), "jar", "group-" + group, false, List.of(new Tag("team", "bench"))));
        }
        Path project = workloads.listProject();
        Path mvnw = Path.of("mvnw").toAbsolutePath();
        Map<String, String> credentials = Map.of("HUAWEICLOUD_SDK_AK", AK, "HUAWEICLOUD_SDK_SK", SK);
        List<String> base = List.of(mvnw.toString(), "-B", "-q", "-f", project.resolve("pom.xml").toString());
        for (int round = 1; round <= runs; round++) {
            Timed validate = () -> exec(concat(base, List.of("validate")), credentials);
            Timed list = () -> exec(concat(base, List.of("dli:list", "-Ddli.region=" + REGION,
                    "-Ddli.projectId=" + PROJECT, "-Ddli.endpoint=" + emulator.endpoint(),
                    "-Ddli.outputFile=" + out.resolve("list.txt"))), credentials);
            timeCommand("W4 list", "mvn validate (Maven start-up)", validate);
            timeCommand("W4 list", "mvn dli:list (500 groups)", list);
        }
    }

    private void timeCommand(String workload, String label, Timed command) throws Exception {
        long start = System.nanoTime();
        command.run();
        double elapsed = (System.nanoTime() - start) / 1e9;
        seconds.computeIfAbsent(workload, key -> new LinkedHashMap<>())
                .computeIfAbsent(label, key -> new ArrayList<>()).add(elapsed);
        System.out.printf(Locale.ROOT, "  %-12s %-32s %7.2f s%n", workload, label, elapsed);
    }

    private Process startS3Server(Path store) throws IOException {
        deleteRecursively(store);
        Process process = new ProcessBuilder(javaExecutable(), "-Xmx1g", "-cp",
                System.getProperty("java.class.path"), BenchS3Server.class.getName(), AK, SK, store.toString())
                .redirectError(out.resolve("s3-server.log").toFile())
                .start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String endpoint = lines.readLine();
        if (endpoint == null) {
            throw new IllegalStateException("S3Proxy did not start; see " + out.resolve("s3-server.log"));
        }
        s3Endpoint = URI.create(endpoint.trim());
        return process;
    }

    private String newBucket() {
        String bucket = "bench-" + (++buckets);
        try (S3Client s3 = s3Client(1)) {
            s3.createBucket(create -> create.bucket(bucket));
        }
        return bucket;
    }

    private void deleteBucket(String bucket) throws IOException {
        deleteRecursively(out.resolve("s3-store").resolve(bucket));
    }

    private ObsClientSettings obsSettings(int connections) {
        return ObsClientSettings.forRegion(REGION, Credentials.of(AK, SK)).withEndpoint(s3Endpoint, true)
                .withMaxConnections(connections);
    }

    private S3Client s3Client(int connections) {
        return ObsClientFactory.create(obsSettings(connections));
    }

    private Map<String, String> awsEnvironment() throws IOException {
        Path config = out.resolve("aws-config");
        Files.writeString(config, """
                [default]
                region = us-east-1
                request_checksum_calculation = when_required
                response_checksum_validation = when_required
                s3 =
                  addressing_style = path
                """);
        return Map.of("AWS_ACCESS_KEY_ID", AK, "AWS_SECRET_ACCESS_KEY", SK, "AWS_CONFIG_FILE", config.toString(),
                "AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
    }

    private Map<String, String> rcloneEnvironment() {
        return Map.of("RCLONE_CONFIG_BENCH_TYPE", "s3", "RCLONE_CONFIG_BENCH_PROVIDER", "Other",
                "RCLONE_CONFIG_BENCH_ACCESS_KEY_ID", AK, "RCLONE_CONFIG_BENCH_SECRET_ACCESS_KEY", SK,
                "RCLONE_CONFIG_BENCH_ENDPOINT", s3Endpoint.toString(), "RCLONE_CONFIG_BENCH_FORCE_PATH_STYLE", "true",
                "RCLONE_CONFIG_BENCH_REGION", "us-east-1", "RCLONE_CONFIG", "/dev/null");
    }

    private void exec(List<String> command, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.resolve("tools.log").toFile()));
        // the S3 server is plain http; a CA bundle from the machine makes rclone's client refuse to start
        builder.environment().remove("AWS_CA_BUNDLE");
        builder.environment().putAll(environment);
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit + "; see "
                    + out.resolve("tools.log"));
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted(Comparator.naturalOrder()).toList();
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The generated files: incompressible bytes, sizes drawn once from a fixed seed. */
    record Workloads(Path w1Dir, List<Path> w1Files, long w1Bytes, Path bigDir, Path big, Path listProject) {

        static Workloads generate(Path data, double scale) throws IOException {
            deleteRecursively(data);
            Path w1 = Files.createDirectories(data.resolve("w1"));
            SplittableRandom random = new SplittableRandom(42);
            double[] drawn = new double[150];
            double sum = 0;
            for (int i = 0; i < drawn.length; i++) {
                // log-uniform between 5 KB and 20 MB, like the jars of a real dependency tree
                drawn[i] = Math.exp(random.nextDouble(Math.log(5e3), Math.log(20e6)));
                sum += drawn[i];
            }
            double factor = 250e6 * scale / sum;
            List<Path> files = new ArrayList<>();
            long bytes = 0;
            for (int i = 0; i < drawn.length; i++) {
                long size = Math.max(5_000, Math.min(20_000_000, Math.round(drawn[i] * factor)));
                Path file = w1.resolve(i == 0 ? "app-1.0.jar" : String.format(Locale.ROOT, "lib%03d-1.0.jar", i));
                writeRandom(file, size, random);
                files.add(file);
                bytes += size;
            }
            Path bigDir = Files.createDirectories(data.resolve("w3"));
            Path big = bigDir.resolve("app-shaded-1.0.jar");
            writeRandom(big, Math.round(600e6 * scale), random);
            Path listProject = Files.createDirectories(data.resolve("w4"));
            Files.writeString(listProject.resolve("pom.xml"), listPom());
            return new Workloads(w1, List.copyOf(files), bytes, bigDir, big, listProject);
        }

        /** The main jar gets other bytes of the same size, as a rebuild with a code change does. */
        void changeMainJar(int round) throws IOException {
            writeRandom(w1Files.get(0), Files.size(w1Files.get(0)), new SplittableRandom(1000 + round));
        }

        ProjectArtifacts w1Project() {
            List<ArtifactFile> dependencies = new ArrayList<>();
            for (Path file : w1Files.subList(1, w1Files.size())) {
                String artifactId = file.getFileName().toString().replace("-1.0.jar", "");
                dependencies.add(new ArtifactFile(new ArtifactCoordinates("bench.deps", artifactId, "1.0", "jar",
                        null, "compile"), file));
            }
            return new ProjectArtifacts(mainArtifact(w1Files.get(0)), List.of(), dependencies);
        }

        ProjectArtifacts bigProject() {
            return new ProjectArtifacts(mainArtifact(big), List.of(), List.of());
        }

        private static ArtifactFile mainArtifact(Path file) {
            return new ArtifactFile(new ArtifactCoordinates("bench", "app", "1.0", "jar", null, null), file);
        }

        private static void writeRandom(Path file, long size, SplittableRandom random) throws IOException {
            byte[] chunk = new byte[(int) Math.min(size, 1 << 20)];
            try (OutputStream output = Files.newOutputStream(file)) {
                long left = size;
                while (left > 0) {
                    random.nextBytes(chunk);
                    int length = (int) Math.min(left, chunk.length);
                    output.write(chunk, 0, length);
                    left -= length;
                }
            }
        }

        private static String listPom() {
            String version = System.getProperty("bench.pluginVersion");
            return """
                    <project xmlns="http://maven.apache.org/POM/4.0.0">
                      <modelVersion>4.0.0</modelVersion>
                      <groupId>bench</groupId>
                      <artifactId>list</artifactId>
                      <version>1.0</version>
                      <packaging>pom</packaging>
                      <build>
                        <plugins>
                          <plugin>
                            <groupId>dev.dlitools</groupId>
                            <artifactId>dli-maven-plugin</artifactId>
                            <version>%s</version>
                          </plugin>
                        </plugins>
                      </build>
                    </project>
                    """.formatted(version);
        }
    }

    /** results.json, results.md and chart.png. */
    static final class Report {

        private Report() {}

        static void write(Path out, Map<String, Map<String, List<Double>>> seconds, List<Long> peakHeap,
                List<Double> cpuSeconds, Workloads workloads, int runs) throws IOException {
            Map<String, Map<String, Double>> medians = new LinkedHashMap<>();
            seconds.forEach((workload, tools) -> {
                Map<String, Double> byTool = new LinkedHashMap<>();
                tools.forEach((tool, values) -> byTool.put(tool, median(values)));
                medians.put(workload, byTool);
            });
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("runs", runs);
            json.put("machine", machine());
            json.put("w1Files", workloads.w1Files().size());
            json.put("w1Bytes", workloads.w1Bytes());
            json.put("w3Bytes", Files.size(workloads.big()));
            json.put("seconds", seconds);
            json.put("medianSeconds", medians);
            json.put("oursPeakHeapBytes", peakHeap.stream().mapToLong(Long::longValue).max().orElse(0));
            json.put("oursCpuSecondsMedian", median(cpuSeconds));
            json.put("targets", targets(medians));
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(
                    out.resolve("results.json").toFile(), json);
            Files.writeString(out.resolve("results.md"), markdown(json, medians));
            Chart.write(medians, out.resolve("chart.png"));
        }

        private static Map<String, Object> targets(Map<String, Map<String, Double>> medians) {
            Map<String, Object> targets = new LinkedHashMap<>();
            double w1Peer = fasterPeer(medians.get("W1 cold"));
            double w2Peer = fasterPeer(medians.get("W2 redeploy"));
            double w1 = medians.get("W1 cold").get(Tool.OURS.label);
            double w2 = medians.get("W2 redeploy").get(Tool.OURS.label);
            double w3 = medians.get("W3 big").get(Tool.OURS.label);
            double ceiling = medians.get("W3 big").get(Tool.CEILING.label);
            Map<String, Double> list = medians.get("W4 list");
            double overhead = list.get("mvn dli:list (500 groups)") - list.get("mvn validate (Maven start-up)");
            targets.put("W1 ours / faster of aws and rclone <= 0.8", ratioTarget(w1 / w1Peer, 0.8));
            targets.put("W2 ours / faster of aws and rclone <= 0.5", ratioTarget(w2 / w2Peer, 0.5));
            targets.put("W2 ours / W1 ours <= 0.05", ratioTarget(w2 / w1, 0.05));
            targets.put("W3 ours / ceiling <= 1.25", ratioTarget(w3 / ceiling, 1.25));
            targets.put("dli:list seconds above mvn validate <= 1", ratioTarget(overhead, 1.0));
            return targets;
        }

        private static Map<String, Object> ratioTarget(double value, double limit) {
            return Map.of("value", round(value), "met", value <= limit);
        }

        private static double fasterPeer(Map<String, Double> tools) {
            return Math.min(tools.get(Tool.AWS.label), tools.get(Tool.RCLONE.label));
        }

        @SuppressWarnings("unchecked")
        private static String markdown(Map<String, Object> json, Map<String, Map<String, Double>> medians) {
            StringBuilder md = new StringBuilder();
            md.append("Machine: ").append(json.get("machine")).append("  \n");
            md.append(String.format(Locale.ROOT, "W1: %d files, %.0f MB; W3: %.0f MB; %d runs each, medians.%n%n",
                    json.get("w1Files"), ((Long) json.get("w1Bytes")) / 1e6, ((Long) json.get("w3Bytes")) / 1e6,
                    json.get("runs")));
            md.append("| workload | tool | median s | ours / tool |\n|---|---|---:|---:|\n");
            medians.forEach((workload, tools) -> {
                Double ours = tools.get(Tool.OURS.label);
                tools.forEach((tool, median) -> md.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %s |%n",
                        workload, tool, median, ours == null || tool.equals(Tool.OURS.label) ? ""
                                : String.format(Locale.ROOT, "%.2f", ours / median))));
            });
            md.append(String.format(Locale.ROOT, "%nOurs: peak heap %.0f MB, CPU time %.2f s (median of W1-W3 runs).%n%n",
                    ((Long) json.get("oursPeakHeapBytes")) / 1e6, json.get("oursCpuSecondsMedian")));
            md.append("| target | value | met |\n|---|---:|---|\n");
            ((Map<String, Map<String, Object>>) json.get("targets")).forEach((target, result) -> md.append(
                    "| " + target + " | " + result.get("value") + " | " + ((Boolean) result.get("met") ? "yes" : "**no**")
                            + " |\n"));
            return md.toString();
        }

        private static String machine() {
            return Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version");
        }

        static double median(List<Double> values) {
            if (values.isEmpty()) {
                return 0;
            }
            List<Double> sorted = values.stream().sorted().toList();
            int middle = sorted.size() / 2;
            return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        }

        private static double round(double value) {
            return Math.round(value * 1000) / 1000.0;
        }
    }
}
