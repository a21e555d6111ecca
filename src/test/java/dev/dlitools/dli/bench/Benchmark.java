package dev.dlitools.dli.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dlitools.dli.core.Dli;
import dev.dlitools.dli.core.DliListener;
import dev.dlitools.dli.core.DliSettings;
import dev.dlitools.dli.core.ListRequest;
import dev.dlitools.dli.core.PublishRequest;
import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.common.BuildLog;
import dev.dlitools.dli.core.common.ProxySettings;
import dev.dlitools.dli.core.dli.DliClient;
import dev.dlitools.dli.core.dli.DliJson;
import dev.dlitools.dli.core.dli.SignedHttpClient;
import dev.dlitools.dli.core.dli.UploadGroupRequest;
import dev.dlitools.dli.core.obs.ObsClientFactory;
import dev.dlitools.dli.core.obs.ObsClientSettings;
import dev.dlitools.dli.core.obs.UploadOptions;
import dev.dlitools.dli.core.retry.RetryPolicy;
import dev.dlitools.dli.core.upload.ArtifactCoordinates;
import dev.dlitools.dli.core.upload.ArtifactFile;
import dev.dlitools.dli.core.upload.ProjectArtifacts;
import dev.dlitools.dli.testsupport.LocalStandIns;
import dev.dlitools.dli.testsupport.LoopbackCertificate;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Issues 5 and 14: our uploader against {@code aws s3 sync}, {@code rclone copy --checksum} and a sequential
 * PutObject loop, on the same S3Proxy (file-system store) in one run, tools alternating, in one or more regimes:
 * loopback ({@code none}: plus the S3Proxy's own ceiling, {@code dli:list}'s code path and the whole-build view with
 * real Maven runs) and modelled network links ({@code region}, {@code far}, or {@code RTT,PER,TOTAL}), where every
 * tool reaches the S3Proxy and the DLI emulator through a {@link LinkProxy} each, after a check that the link
 * holds its figures, and is compared with the link's limit. Started by {@code bench/run.sh}; not part of the test
 * run.
 *
 * <p>The S3Proxy and the DLI emulator serve HTTPS with a throw-away certificate, because OBS, DLI and IAM are HTTPS
 * only: every DLI call pays its TLS handshake as against the cloud, and over plain HTTP the AWS SDK signs (hashes)
 * every payload, work that never happens against OBS; {@code --http} measures that case (both over HTTP).
 *
 * <p>Arguments: {@code --root=<project dir> --version=<plugin version> [--link=none,region,far] [--quick]
 * [--runs=N] [--no-maven] [--http] [--threads=N] [--multipartThresholdMib=N] [--tools=ours,aws,...]
 * [--workloads=W1,W2,W3,W4] [--steps=validate,help:help,...]}; the last five try other settings or narrow a run
 * down while profiling. {@code --runs} defaults to 5 on loopback and 3 under a link (2 and 2 with {@code --quick}).
 */
public final class Benchmark {

    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;
    private static final String PROJECT_GROUP = "bench";
    private static final String MAIN_JAR = "app-1.0.jar";
    /** The ceiling's parallel PUTs: well above what any tool uses. */
    private static final int CEILING_CONCURRENCY = 16;
    private static final long CEILING_PIECE = 8 * MIB;
    private static final String TLS_PASSWORD = "bench-only";
    private static final List<String> LOOPBACK_TOOLS = List.of("ours", "aws", "rclone", "naive", "ceiling");
    /** {@code limit} is computed, not run: see {@link #limitSeconds}. */
    private static final List<String> LINK_TOOLS = List.of("ours", "aws", "rclone", "naive", "limit");
    /** The model check's transfers take about this long at the rate they check. */
    private static final double MODEL_CHECK_SECONDS = 2.5;
    private static final double MODEL_CHECK_TOLERANCE = 0.10;
    /**
     * The whole-build steps: {@code help:help} is the no-op baseline for {@code dli:list} (Maven plus loading
     * a small plugin), {@code dli:help} is Maven plus loading ours. {@code jvm} and {@code sdk-floor} are no Maven
     * builds but {@link SdkFloor} on the plugin's classes: a bare JVM, and one that only builds the S3 client, lists
     * and PUTs the changed jar, the floor under what the warm redeploy adds to {@code package}.
     */
    private static final List<String> MAVEN_STEPS = List.of("validate", "help:help", "dli:help", "list", "package",
            "upload-cold", "upload-warm", "jvm", "sdk-floor");
    private static final int MIN_MAVEN_ROUNDS = 10;
    /** Pinned, so that every run times the same no-op plugin. */
    private static final String HELP_PLUGIN_HELP = "org.apache.maven.plugins:maven-help-plugin:3.5.1:help";

    private final Path root;
    private final String version;
    private final boolean quick;
    private final List<LinkProfile> links;
    /** {@code --runs}, or {@code null} for each regime's default. */
    private final Integer runsOption;
    private final boolean maven;
    private final boolean https;
    /** Our upload threads: the plugin's default unless {@code --threads} tries another. */
    private final int threads;
    /** Our multipart threshold: the plugin's default unless {@code --multipartThresholdMib} tries another. */
    private final long multipartThreshold;
    /** {@code --tools}, or {@code null} for each regime's. */
    private final List<String> toolsOption;
    private final List<String> workloads;
    /** The whole-build steps to time, see {@link #MAVEN_STEPS}. */
    private final List<String> steps;
    private final Path out;
    private final Path data;
    private final Path store;
    private final Path logs;
    private final Path tls;

    private final RegisterTimer registerTimer = new RegisterTimer();
    private Process standInsProcess;
    /** The stand-ins' own settings, on loopback: also for what is not measured, such as creating buckets. */
    private Regime loopback;
    /** The regime being measured. */
    private Regime regime;
    private Credentials credentials;
    private int bucketCounter;

    private Benchmark(Map<String, String> options) {
        root = Path.of(options.getOrDefault("root", ".")).toAbsolutePath();
        // bench/run.sh passes the pom's version, which it has just installed; a default here would go stale
        version = Objects.requireNonNull(options.get("version"), "--version=<plugin version> is required");
        quick = options.containsKey("quick");
        links = LinkProfile.parseList(options.getOrDefault("link", "none,region,far"));
        runsOption = options.containsKey("runs") ? Integer.valueOf(options.get("runs")) : null;
        maven = !options.containsKey("no-maven");
        https = !options.containsKey("http");
        threads = Integer.parseInt(options.getOrDefault("threads", String.valueOf(UploadOptions.DEFAULT_THREADS)));
        multipartThreshold = options.containsKey("multipartThresholdMib")
                ? Long.parseLong(options.get("multipartThresholdMib")) * MIB
                : UploadOptions.DEFAULT_MULTIPART_THRESHOLD;
        toolsOption = options.containsKey("tools") ? List.of(options.get("tools").split(",")) : null;
        workloads = List.of(options.getOrDefault("workloads", "W1,W2,W3,W4").split(","));
        steps = List.of(options.getOrDefault("steps", String.join(",", MAVEN_STEPS)).split(","));
        if (!MAVEN_STEPS.containsAll(steps)) {
            throw new IllegalArgumentException("--steps takes some of " + MAVEN_STEPS);
        }
        out = root.resolve("target/bench");
        data = out.resolve("data");
        store = out.resolve("s3proxy-store");
        logs = out.resolve("logs");
        tls = out.resolve("tls");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length == 2 ? pair[1] : "true");
        }
        if (options.containsKey("render")) {
            // the Markdown of an earlier results.json, e.g. after joining the sections of separate runs
            Path json = Path.of(options.get("render"));
            String table = ResultsTable.markdown(DliJson.MAPPER.readTree(json.toFile()));
            Files.writeString(json.resolveSibling("results.md"), table);
            System.out.println(table);
            return;
        }
        new Benchmark(options).run();
    }

    private void run() throws Exception {
        Files.createDirectories(logs);
        deleteTree(store);
        ObjectNode results = DliJson.MAPPER.createObjectNode();
        results.put("started", Instant.now().toString());
        results.put("quick", quick);
        results.put("protocol", https ? "https" : "http");
        results.put("ourThreads", threads);
        results.put("ourMultipartThresholdMib", multipartThreshold / MIB);
        results.set("machine", machine());

        Workload w1 = generateDependencies(quick ? 30 : 150, (quick ? 40 : 250) * MIB);
        Workload w3 = generateShadedJar((quick ? 100 : 600) * MIB);
        startStandIns();
        try {
            if (workloads.stream().anyMatch(List.of("W1", "W2", "W3")::contains)) {
                warmUp(w1);
            }
            ObjectNode regimes = results.putObject("regimes");
            for (LinkProfile link : links) {
                regimes.set(link.name(), measureRegime(link, w1, w3));
            }
        } finally {
            standInsProcess.destroy();
            standInsProcess.waitFor(20, TimeUnit.SECONDS);
        }
        results.put("finished", Instant.now().toString());
        results.put("loadAverageAtEnd", loadAverage());
        DliJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(out.resolve("results.json").toFile(), results);
        String table = ResultsTable.markdown(results);
        Files.writeString(out.resolve("results.md"), table);
        System.out.println(table);
    }

    /**
     * What one regime measures and how tools reach the stand-ins in it.
     *
     * @param connection the stand-ins' settings as the tools get them: under a link, with the OBS and DLI endpoints
     *     of the link proxies
     * @param obsSettings the in-process tools' OBS settings, from {@code connection}
     */
    private record Regime(LinkProfile link, int runs, List<String> tools, Properties connection,
            ObsClientSettings obsSettings) {

        /** The tools that run; {@code limit} is computed. */
        List<String> measured() {
            return tools.stream().filter(tool -> !tool.equals("limit")).toList();
        }
    }

    /**
     * One regime: under a link, every tool reaches the S3Proxy through one {@link LinkProxy} and the DLI emulator
     * through another of the same profile, and the link is checked first; W4 and the whole builds run on loopback
     * only.
     */
    private ObjectNode measureRegime(LinkProfile link, Workload w1, Workload w3) throws Exception {
        System.out.println("regime " + link.describe());
        ObjectNode node = DliJson.MAPPER.createObjectNode();
        node.set("link", linkNode(link));
        node.put("started", Instant.now().toString());
        node.put("loadAverageAtStart", loadAverage());
        List<String> tools = regimeTools(link);
        int runs = runsOption != null ? runsOption : quick ? 2 : link.isNone() ? 5 : 3;
        node.put("runs", runs);
        URI obs = URI.create(loopback.connection().getProperty("dli.obs.endpoint"));
        URI dli = URI.create(loopback.connection().getProperty("dli.endpoint"));
        try (LinkProxy obsLink = link.isNone() ? null : new LinkProxy(link, address(obs));
                LinkProxy dliLink = link.isNone() ? null : new LinkProxy(link, address(dli))) {
            Properties connection = new Properties();
            connection.putAll(loopback.connection());
            if (!link.isNone()) {
                // only the endpoints change: the same S3Proxy and DLI emulator, through the link
                connection.setProperty("dli.obs.endpoint", obsLink.endpoint(obs).toString());
                connection.setProperty("dli.endpoint", dliLink.endpoint(dli).toString());
                connection.setProperty("dli.iamEndpoint", dliLink.endpoint(dli).toString());
            }
            regime = new Regime(link, runs, tools, connection, obsSettings(connection));
            if (!link.isNone()) {
                node.set("modelCheck", checkModel(link, obsLink, w3));
            }
            ObjectNode measured = node.putObject("workloads");
            if (workloads.contains("W1")) {
                measured.set("W1", measureCold("W1", "cold: " + w1.files.size() + " jars, empty bucket", w1));
            }
            if (workloads.contains("W2")) {
                measured.set("W2", measureRedeploy(w1));
            }
            if (workloads.contains("W3")) {
                measured.set("W3", measureCold("W3", "big: one shaded jar (multipart)", w3));
            }
            if (link.isNone() && workloads.contains("W4")) {
                measured.set("W4", measureList(quick ? 50 : 500));
            }
            if (link.isNone() && maven) {
                // the groups W4 made, if it ran, are what dli:list lists
                node.set("maven", measureMaven(w1, workloads.contains("W4") ? (quick ? 50 : 500) : 0));
            }
        } finally {
            regime = loopback;
        }
        node.put("finished", Instant.now().toString());
        node.put("loadAverageAtEnd", loadAverage());
        return node;
    }

    /** The ceiling on loopback, the computed limit under a link; {@code --tools} narrows them down. */
    private List<String> regimeTools(LinkProfile link) {
        List<String> defaults = link.isNone() ? LOOPBACK_TOOLS : LINK_TOOLS;
        return toolsOption == null ? defaults : defaults.stream().filter(toolsOption::contains).toList();
    }

    private static ObjectNode linkNode(LinkProfile link) {
        ObjectNode node = DliJson.MAPPER.createObjectNode();
        node.put("name", link.name());
        if (!link.isNone()) {
            node.put("rttMs", link.rtt().toMillis());
            node.put("perConnectionMbit", link.perConnectionMbit());
            node.put("totalMbit", link.totalMbit());
        }
        return node;
    }

    private static InetSocketAddress address(URI endpoint) {
        return new InetSocketAddress(endpoint.getHost(), endpoint.getPort());
    }

    private ObsClientSettings obsSettings(Properties connection) {
        return ObsClientSettings.of(URI.create(connection.getProperty("dli.obs.endpoint")),
                connection.getProperty("dli.region"), credentials, true);
    }

    // ---------------------------------------------------------------- the link's model check

    /**
     * Whether the link holds its figures, measured with the ceiling's raw PUTs (the least client work): one PUT on
     * one connection must reach the per-connection rate, and PUTs on many connections at once the total rate, each
     * within 10%. Each transfer takes about {@value #MODEL_CHECK_SECONDS} s at the rate it checks, on connections
     * opened (TCP and TLS) by a small PUT each before the clock starts; its rate is bytes / (seconds - one RTT),
     * because the request's own round trip (its first byte's way there, the answer's way back) is delay, not rate.
     */
    private ObjectNode checkModel(LinkProfile link, LinkProxy proxy, Workload w3) throws Exception {
        String bucket = newBucket("model");
        HttpClient http = rawHttpClient();
        ObjectNode node = DliJson.MAPPER.createObjectNode();
        try {
            // a connection cannot go faster than the whole link
            double perConnection = Math.min(link.perConnectionBytesPerSecond(), link.totalBytesPerSecond());
            node.set("singleConnection", modelTransfer(link, proxy, http, bucket, w3.main(), 1, perConnection));
            int connections = Math.max(CEILING_CONCURRENCY,
                    2 * (int) Math.ceil(link.totalBytesPerSecond() / link.perConnectionBytesPerSecond()));
            node.set("parallel", modelTransfer(link, proxy, http, bucket, w3.main(), connections,
                    link.totalBytesPerSecond()));
        } finally {
            dropBucket(bucket);
        }
        return node;
    }

    private ObjectNode modelTransfer(LinkProfile link, LinkProxy proxy, HttpClient http, String bucket, Path file,
            int connections, double cap) throws Exception {
        long piece = (long) (cap * MODEL_CHECK_SECONDS / connections);
        long size = size(file);
        List<Piece> openers = new ArrayList<>();
        List<Piece> pieces = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            openers.add(new Piece(file, "model/open-" + i, 0, KIB));
            // slices of the W3 jar, overlapping where it is shorter than the transfer (--quick)
            pieces.add(new Piece(file, "model/" + connections + "-" + i, i * piece % (size - piece), piece));
        }
        parallelPuts(http, bucket, openers, connections);
        int opened = proxy.connections();
        long start = System.nanoTime();
        parallelPuts(http, bucket, pieces, connections);
        double seconds = (System.nanoTime() - start) / 1e9;
        opened = proxy.connections() - opened;
        double rate = piece * connections / (seconds - link.rttSeconds());
        ObjectNode node = DliJson.MAPPER.createObjectNode();
        node.put("connections", connections);
        node.put("bytes", piece * connections);
        node.put("seconds", round(seconds));
        node.put("mbPerSecond", round(rate / 1e6));
        node.put("capMbPerSecond", round(cap / 1e6));
        node.put("ratio", round(rate / cap));
        node.put("ok", Math.abs(rate / cap - 1) <= MODEL_CHECK_TOLERANCE);
        // should be 0: a connection opened on the clock pays its TCP and TLS handshakes in the rate
        node.put("connectionsOpenedOnTheClock", opened);
        System.out.printf(Locale.ROOT, "model check, %d connection(s): %.2f MB/s, cap %.2f MB/s, %d opened on the"
                + " clock%n", connections, rate / 1e6, cap / 1e6, opened);
        return node;
    }

    // ---------------------------------------------------------------- workloads

    /** Files of a workload; {@code main} is the one a redeploy changes. */
    private record Workload(Path directory, List<Path> files, Path main) {

        long bytes() {
            return files.stream().mapToLong(Benchmark::size).sum();
        }
    }

    /** Jar-sized incompressible files: sizes log-uniform in 5 KB..20 MB, scaled to about {@code total}. */
    private Workload generateDependencies(int count, long total) throws IOException {
        Random random = new Random(5);
        long min = 5 * KIB;
        long max = 20 * MIB;
        double[] logs = new double[count];
        for (int i = 0; i < count; i++) {
            logs[i] = Math.log(min) + random.nextDouble() * (Math.log(max) - Math.log(min));
        }
        long[] sizes = new long[count];
        // scale the exponent's spread until the sum fits: keeps 5 KB..20 MB and a realistic long tail
        double low = 0;
        double high = 1;
        for (int step = 0; step < 40; step++) {
            double spread = (low + high) / 2;
            long sum = 0;
            for (int i = 0; i < count; i++) {
                sizes[i] = (long) Math.exp(Math.log(min) + (logs[i] - Math.log(min)) * spread);
                sum += sizes[i];
            }
            if (sum < total) {
                low = spread;
            } else {
                high = spread;
            }
        }
        sizes[0] = max; // a shaded-ish dependency: goes multipart
        sizes[1] = 2 * MIB + 12_345; // the main jar
        Path directory = data.resolve("w1-" + count);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = i == 1 ? MAIN_JAR : String.format(Locale.ROOT, "lib-%03d-1.%d.jar", i, i % 7);
            files.add(randomFile(directory.resolve(name), sizes[i], i));
        }
        return new Workload(directory, files, files.get(1));
    }

    private Workload generateShadedJar(long size) throws IOException {
        Path directory = data.resolve("w3-" + size / MIB);
        Path jar = randomFile(directory.resolve("app-1.0-shaded.jar"), size, 600);
        return new Workload(directory, List.of(jar), jar);
    }

    /** Keeps an earlier run's file of the right size, so repeated runs skip the generation. */
    private static Path randomFile(Path file, long size, long seed) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) == size) {
            return file;
        }
        Files.createDirectories(file.getParent());
        writeRandom(file, size, new Random(seed));
        return file;
    }

    private static void writeRandom(Path file, long size, Random random) throws IOException {
        byte[] buffer = new byte[(int) MIB];
        try (OutputStream stream = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= buffer.length) {
                random.nextBytes(buffer);
                stream.write(buffer, 0, (int) Math.min(left, buffer.length));
            }
        }
    }

    /** A rebuilt main jar: same size, new bytes, new time stamp. */
    private static void rebuild(Path jar) throws IOException {
        writeRandom(jar, Files.size(jar), new Random());
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now()));
    }

    // ---------------------------------------------------------------- measurements

    private ObjectNode measureCold(String id, String title, Workload workload) throws Exception {
        Map<String, List<Sample>> samples = tools();
        for (int round = 0; round < regime.runs(); round++) {
            for (String tool : samples.keySet()) {
                String bucket = newBucket(tool);
                samples.get(tool).add(measure(tool, workload, workload.files(), bucket));
                dropBucket(bucket);
            }
            System.out.println(id + " round " + (round + 1) + "/" + regime.runs() + " done");
        }
        long largest = workload.files().stream().mapToLong(Benchmark::size).max().orElse(0);
        return summary(title, workload.files().size(), workload.bytes(), samples,
                () -> limitSeconds(regime.link(), workload.bytes(), largest, false));
    }

    /**
     * One untimed run on loopback of each tool any regime runs: loads and compiles the in-process tools' classes and
     * opens the TLS machinery once (the Maven runs show the cost of a cold JVM), and brings the CLIs' files into the
     * page cache.
     */
    private void warmUp(Workload w1) throws Exception {
        Set<String> tools = new LinkedHashSet<>();
        links.forEach(link -> tools.addAll(regimeTools(link)));
        tools.remove("limit");
        for (String tool : tools) {
            String bucket = newBucket(tool);
            measure(tool, w1, w1.files(), bucket);
            dropBucket(bucket);
        }
        System.out.println("warm-up done");
    }

    /** Each tool redeploys into a bucket it filled itself; each round changes only the main jar. */
    private ObjectNode measureRedeploy(Workload w1) throws Exception {
        Map<String, List<Sample>> samples = tools();
        Map<String, String> buckets = new LinkedHashMap<>();
        Regime measuring = regime;
        regime = loopback; // filling the buckets is not measured: on loopback, where it is quick
        try {
            for (String tool : samples.keySet()) {
                buckets.put(tool, newBucket(tool));
                measure(tool, w1, w1.files(), buckets.get(tool));
            }
        } finally {
            regime = measuring;
        }
        for (int round = 0; round < regime.runs(); round++) {
            rebuild(w1.main());
            for (String tool : samples.keySet()) {
                // the ceiling is the least work: the one changed jar
                List<Path> files = tool.equals("ceiling") ? List.of(w1.main()) : w1.files();
                samples.get(tool).add(measure(tool, w1, files, buckets.get(tool)));
            }
            System.out.println("W2 round " + (round + 1) + "/" + regime.runs() + " done");
        }
        buckets.values().forEach(this::dropBucket);
        return summary("redeploy: the W1 set with only the main jar changed", w1.files().size(), size(w1.main()),
                samples, () -> limitSeconds(regime.link(), size(w1.main()), size(w1.main()), true));
    }

    /**
     * The link's limit for sending {@code bytes}, whatever the tool: the bytes at the total rate, plus the round
     * trips nothing can overlap: opening the first connection (TCP handshake), its TLS 1.3 handshake, for a
     * redeploy one listing to learn what the bucket holds, and the last request's own round trip (its bytes' way
     * there, the answer's way back). Whole files go one per connection, so the largest must fit at the
     * per-connection rate; else files are cut into parts on several connections, which adds
     * CreateMultipartUpload before the parts and CompleteMultipartUpload after them; the faster way counts. The
     * DLI registration is not modelled: compare the limit with a tool's upload part.
     */
    static double limitSeconds(LinkProfile link, long bytes, long largest, boolean redeploy) {
        double rtt = link.rttSeconds();
        double atTotalRate = bytes / link.totalBytesPerSecond();
        double wholeFiles = Math.max(atTotalRate, largest / link.perConnectionBytesPerSecond());
        double parts = atTotalRate + 2 * rtt;
        return Math.min(wholeFiles, parts) + (redeploy ? 4 : 3) * rtt;
    }

    private Map<String, List<Sample>> tools() {
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        for (String tool : regime.measured()) {
            samples.put(tool, new ArrayList<>());
        }
        return samples;
    }

    /**
     * One timed run; in-process tools also report this JVM's CPU time and peak heap.
     *
     * @param registerSeconds the part spent registering the group with DLI (and the emulator checking each path)
     */
    private record Sample(double seconds, double registerSeconds, double cpuSeconds, long peakHeap) {}

    private Sample measure(String tool, Workload workload, List<Path> files, String bucket) throws Exception {
        flushDisks();
        boolean inProcess = !tool.equals("aws") && !tool.equals("rclone");
        if (inProcess) {
            System.gc();
            heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
        }
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        registerTimer.reset();
        switch (tool) {
            case "ours" -> ours(workload, bucket);
            case "aws" -> command(List.of(awsCommand(), "s3", "sync", workload.directory().toString(),
                    "s3://" + bucket + "/jars/", "--endpoint-url", obsEndpoint(),
                    "--only-show-errors"), awsEnvironment());
            case "rclone" -> command(rcloneCommand(workload, bucket), rcloneEnvironment());
            case "naive" -> naive(files, bucket);
            case "ceiling" -> ceiling(files, bucket);
            default -> throw new IllegalArgumentException(tool);
        }
        if (!tool.equals("ours") && !tool.equals("ceiling")) {
            // the same work as ours: a user of these tools calls the DLI API next
            register(workload, bucket);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double registerSeconds = registerTimer.seconds(System.nanoTime());
        if (!inProcess) {
            return new Sample(seconds, registerSeconds, Double.NaN, -1);
        }
        long peak = heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return new Sample(seconds, registerSeconds, (processCpuNanos() - cpuBefore) / 1e9, peak);
    }

    /** What a script does after {@code aws s3 sync}: register the uploaded jars as the group. */
    private void register(Workload workload, String bucket) {
        registerTimer.start();
        try (SignedHttpClient http = signedHttpClient()) {
            dliClient(http).uploadGroup(new UploadGroupRequest(workload.files().stream()
                    .map(file -> objectUrl(bucket, "jars/" + file.getFileName()))
                    .toList(), "jar", PROJECT_GROUP, false, List.of()));
        }
    }

    /** Notes when the publisher starts registering, from its events, so the DLI part of a run can be told apart. */
    private static final class RegisterTimer implements DliListener {

        private volatile long started;

        void reset() {
            started = 0;
        }

        void start() {
            started = System.nanoTime();
        }

        double seconds(long now) {
            return started == 0 ? 0 : (now - started) / 1e9;
        }

        @Override
        public void registering(String group, int packages, String kind, String projectId) {
            start();
        }

        @Override
        public void warn(String message) {
            System.err.println("[ours] " + message);
        }
    }

    /** Exactly what {@code dli:upload-group} runs after reading its settings: the core's publish. */
    private void ours(Workload workload, String bucket) {
        ProjectArtifacts project = new ProjectArtifacts(new ArtifactFile(
                new ArtifactCoordinates("dev.example", "bench-job", "1.0", "pom", null, null), null),
                List.of(), List.of());
        try (Dli dli = dli(registerTimer)) {
            dli.publish(PublishRequest.builder(project, PROJECT_GROUP)
                    .files(workload.files())
                    .bucket(bucket)
                    .pathStyle(true)
                    .uploadThreads(threads)
                    .multipartThreshold(multipartThreshold)
                    // the digest cache the goal keeps in target/
                    .digestCache(out.resolve("dli-digests.txt"))
                    .async(false)
                    .pollInterval(Duration.ofSeconds(1))
                    .timeout(Duration.ofSeconds(300))
                    .resultFile(out.resolve("ours-result.json"))
                    .build());
        }
    }

    /** What older S3 plugins do: one PutObject after the other, everything every time. */
    private void naive(List<Path> files, String bucket) {
        try (S3Client s3 = ObsClientFactory.create(regime.obsSettings(), BuildLog.SILENT)) {
            for (Path file : files) {
                s3.putObject(put -> put.bucket(bucket).key("jars/" + file.getFileName()), RequestBody.fromFile(file));
            }
        }
    }

    /**
     * The S3Proxy's own limit: many parallel PUTs with the least client work (JDK HTTP client, AWS V2 header
     * signature, no payload hashing), large files cut into 8 MiB objects.
     */
    private void ceiling(List<Path> files, String bucket) throws Exception {
        List<Piece> pieces = new ArrayList<>();
        for (Path file : files) {
            long size = size(file);
            long piece = 0;
            for (long offset = 0; offset < size || size == 0; offset += CEILING_PIECE, piece++) {
                pieces.add(new Piece(file, "raw/" + file.getFileName() + "." + piece, offset,
                        Math.min(CEILING_PIECE, size - offset)));
                if (size == 0) {
                    break;
                }
            }
        }
        parallelPuts(rawHttpClient(), bucket, pieces, CEILING_CONCURRENCY);
    }

    /** {@code length} bytes of {@code file} from {@code offset}, to be PUT as the object {@code key}. */
    private record Piece(Path file, String key, long offset, long length) {}

    private static HttpClient rawHttpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Raw PUTs, {@code concurrency} at a time: as many connections, which the client keeps open for the next. */
    private void parallelPuts(HttpClient http, String bucket, List<Piece> pieces, int concurrency) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> puts = new ArrayList<>();
            for (Piece piece : pieces) {
                puts.add(pool.submit(() -> rawPut(http, bucket, piece)));
            }
            for (Future<?> put : puts) {
                put.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Void rawPut(HttpClient http, String bucket, Piece piece) throws Exception {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC));
        String resource = "/" + bucket + "/" + piece.key();
        String stringToSign = "PUT\n\napplication/octet-stream\n\nx-amz-date:" + date + "\n" + resource;
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(credentials.secretKey().getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(obsEndpoint() + resource))
                .header("Content-Type", "application/octet-stream")
                .header("x-amz-date", date)
                .header("Authorization", "AWS " + credentials.accessKey() + ":" + signature)
                .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> slice(piece.file(), piece.offset(), piece.length())), piece.length()))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("raw PUT " + piece.key() + ": HTTP " + response.statusCode() + " "
                    + response.body());
        }
        return null;
    }

    private static InputStream slice(Path file, long offset, long length) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            channel.position(offset);
            InputStream whole = Channels.newInputStream(channel);
            return new InputStream() {
                private long left = length;

                @Override
                public int read() throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    left--;
                    return whole.read();
                }

                @Override
                public int read(byte[] buffer, int from, int count) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int read = whole.read(buffer, from, (int) Math.min(count, left));
                    if (read > 0) {
                        left -= read;
                    }
                    return read;
                }

                @Override
                public void close() throws IOException {
                    whole.close();
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** W4: the code path of {@code dli:list} (open a client, list, build the table) against many groups. */
    private ObjectNode measureList(int groups) throws Exception {
        createGroups(groups);
        List<Sample> samples = new ArrayList<>();
        for (int round = 0; round < Math.max(regime.runs(), 5); round++) {
            System.gc();
            heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
            long cpuBefore = processCpuNanos();
            long start = System.nanoTime();
            List<String> table;
            try (Dli dli = dli(DliListener.SILENT)) {
                table = dli.list(ListRequest.builder().build()).table("none");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (table.size() < groups) {
                throw new IllegalStateException("the listing has " + table.size() + " lines for " + groups
                        + " groups");
            }
            samples.add(new Sample(seconds, 0, (processCpuNanos() - cpuBefore) / 1e9,
                    heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum()));
        }
        return summary("list: dli:list's code path against " + groups + " groups", groups, 0,
                Map.of("ours", samples));
    }

    private void createGroups(int groups) {
        String bucket = newBucket("groups");
        try (S3Client s3 = ObsClientFactory.create(regime.obsSettings(), BuildLog.SILENT)) {
            s3.putObject(put -> put.bucket(bucket).key("udf.jar"), RequestBody.fromBytes(new byte[1024]));
        }
        String path = objectUrl(bucket, "udf.jar");
        try (SignedHttpClient http = signedHttpClient()) {
            DliClient dli = dliClient(http);
            for (int i = 0; i < groups; i++) {
                dli.uploadGroup(new UploadGroupRequest(List.of(path), "jar",
                        String.format(Locale.ROOT, "job-%03d", i), false, List.of()));
            }
        }
    }

    // ---------------------------------------------------------------- whole build

    /**
     * Real Maven runs of a jar project (no sources; one resource, rewritten before each build, so its jar changes)
     * whose {@code files} are the W1 jars: {@code package dli:upload-group} cold (new bucket) and warm (only the main
     * jar changed) against {@code package}, and
     * {@code dli:list} against {@code validate} (Maven's own start-up and project reading) and {@code help:help} (the
     * same plus loading a small plugin that does nothing), with {@code dli:help} (loading ours, doing nothing) in
     * between. The mojo skips pom projects, hence the jar packaging.
     */
    private ObjectNode measureMaven(Workload w1, int groups) throws Exception {
        Path project = out.resolve("w1-project");
        Files.createDirectories(project);
        StringBuilder files = new StringBuilder();
        for (Path file : w1.files()) {
            files.append("          <file>").append(file).append("</file>\n");
        }
        Files.writeString(project.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>dev.example</groupId>
                  <artifactId>bench-job</artifactId>
                  <version>1.0</version>
                  <packaging>jar</packaging>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>dev.dlitools</groupId>
                        <artifactId>dli-maven-plugin</artifactId>
                        <version>%s</version>
                        <configuration>
                          <group>%s</group>
                          <async>false</async>
                          <files>
                %s          </files>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(version, PROJECT_GROUP, files));
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        for (String step : steps) {
            samples.put(step, new ArrayList<>());
        }
        String warmBucket = newBucket("mvn-warm");
        // fills the warm bucket, and fetches the packaging plugins
        maven(project, List.of("package", "dli:upload-group"), warmBucket);
        maven(project, List.of("validate", HELP_PLUGIN_HELP), warmBucket);
        // the steps differ by tenths of a second, within one run's noise: more rounds than the tools get
        int rounds = quick ? regime.runs() : Math.max(regime.runs(), MIN_MAVEN_ROUNDS);
        for (int round = 0; round < rounds; round++) {
            for (String step : samples.keySet()) {
                String bucket = step.equals("upload-cold") ? newBucket("mvn-cold") : warmBucket;
                List<String> goals = switch (step) {
                    case "validate" -> List.of("validate");
                    case "help:help" -> List.of(HELP_PLUGIN_HELP);
                    case "dli:help" -> List.of("dli:help");
                    case "list" -> List.of("dli:list");
                    case "package" -> List.of("package");
                    case "jvm", "sdk-floor" -> List.of();
                    default -> List.of("package", "dli:upload-group");
                };
                if (goals.contains("package")) {
                    // a redeploy after a code change: the main jar differs each round, so it is sent and registered
                    Files.createDirectories(project.resolve("src/main/resources"));
                    Files.writeString(project.resolve("src/main/resources/build.txt"), step + " " + round + "\n");
                }
                flushDisks();
                long start = System.nanoTime();
                switch (step) {
                    case "jvm" -> sdkFloor(List.of());
                    case "sdk-floor" -> sdkFloor(List.of(warmBucket, "sdk-floor/bench-job.jar"));
                    default -> maven(project, goals, bucket);
                }
                samples.get(step).add(new Sample((System.nanoTime() - start) / 1e9, 0, Double.NaN, -1));
                if (step.equals("upload-cold")) {
                    dropBucket(bucket);
                }
            }
            System.out.println("Maven round " + (round + 1) + "/" + rounds + " done");
        }
        dropBucket(warmBucket);
        String listed = groups > 0 ? groups + " groups listed" : "only its own group listed";
        ObjectNode node = summary("whole build: mvn on the W1 project (" + w1.files().size() + " files), " + listed,
                w1.files().size(), w1.bytes(), samples);
        return node;
    }

    private void maven(Path project, List<String> goals, String bucket) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(root.resolve("mvnw").toString(), "-B", "-ntp",
                "-f", project.resolve("pom.xml").toString()));
        command.addAll(goals);
        // the stand-ins' settings, with this run's bucket
        Map<String, String> settings = connectionEntries("dli.");
        settings.put("dli.obs.bucket", bucket);
        command.addAll(LocalStandIns.asArguments(settings));
        String goal = goals.get(goals.size() - 1);
        Map<String, String> environment = connectionEntries("HUAWEICLOUD_");
        // BENCH_MAVEN_OPTS adds JVM options to the timed builds, e.g. a JFR recording to find their start-up cost
        environment.put("MAVEN_OPTS", String.join(" ", trustOptions()) + " "
                + Objects.requireNonNullElse(System.getenv("BENCH_MAVEN_OPTS"), ""));
        command(command, environment, logs.resolve("mvn-" + goal.replace(':', '-') + ".log"));
    }

    /**
     * {@link SdkFloor} in a JVM of its own, on what a build's plugin realm holds: the installed plugin's jar (with the
     * AWS SDK and Jackson shaded in) and SLF4J's API, which Maven gives it (no logger: the SDK logs nothing).
     *
     * @param bucketAndKey empty for the bare JVM
     */
    private void sdkFloor(List<String> bucketAndKey) throws IOException, InterruptedException {
        List<String> classPath = new ArrayList<>(List.of(root.resolve("target/test-classes").toString(),
                root.resolve("target/dli-maven-plugin-" + version + ".jar").toString()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith("slf4j-api-")) {
                classPath.add(entry);
            }
        }
        List<String> command = new ArrayList<>(List.of(javaCommand()));
        command.addAll(trustOptions());
        command.addAll(List.of("-cp", String.join(File.pathSeparator, classPath), SdkFloor.class.getName()));
        if (!bucketAndKey.isEmpty()) {
            Properties connection = regime.connection();
            command.addAll(List.of(connection.getProperty("dli.obs.endpoint"), connection.getProperty("dli.region"),
                    connection.getProperty("dli.obs.pathStyle", "false")));
            command.addAll(bucketAndKey);
        }
        command(command, connectionEntries("HUAWEICLOUD_"), logs.resolve("sdk-floor.log"));
    }

    // ---------------------------------------------------------------- stand-ins, buckets, tools

    /** The entries of the stand-ins' connection file whose names start with {@code prefix}, sorted by name. */
    private Map<String, String> connectionEntries(String prefix) {
        Map<String, String> entries = new TreeMap<>();
        for (String name : regime.connection().stringPropertyNames()) {
            if (name.startsWith(prefix)) {
                entries.put(name, regime.connection().getProperty(name));
            }
        }
        return entries;
    }


    private void startStandIns() throws Exception {
        if (https) {
            createCertificate();
        }
        Path connectionFile = out.resolve("stand-ins.properties");
        Files.deleteIfExists(connectionFile);
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xmx1g"));
        command.addAll(trustOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", BenchStandIns.class.getName(),
                connectionFile.toString(), store.toString()));
        if (https) {
            command.addAll(List.of(tls.resolve("stand-ins.p12").toString(), TLS_PASSWORD));
        }
        standInsProcess = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve("stand-ins.log").toFile())
                .start();
        for (int i = 0; i < 300 && !Files.exists(connectionFile); i++) {
            if (!standInsProcess.isAlive()) {
                throw new IllegalStateException("the stand-ins stopped; see " + logs.resolve("stand-ins.log"));
            }
            Thread.sleep(100);
        }
        Properties connection = new Properties();
        try (InputStream in = Files.newInputStream(connectionFile)) {
            connection.load(in);
        }
        credentials = new Credentials(connection.getProperty("HUAWEICLOUD_SDK_AK"),
                connection.getProperty("HUAWEICLOUD_SDK_SK"), null, "benchmark stand-ins");
        loopback = new Regime(LinkProfile.NONE, 0, List.of(), connection, obsSettings(connection));
        regime = loopback;
        Files.writeString(out.resolve("aws-config"), """
                [default]
                region = %s
                s3 =
                    addressing_style = path
                request_checksum_calculation = when_required
                response_checksum_validation = when_required
                """.formatted(connection.getProperty("dli.region")));
        Files.writeString(out.resolve("rclone.conf"), "");
        System.out.println("stand-ins: OBS " + connection.getProperty("dli.obs.endpoint") + ", DLI "
                + connection.getProperty("dli.endpoint") + ", store " + store);
    }

    /**
     * A key pair for 127.0.0.1 that both stand-ins serve, its certificate as PEM (for aws and rclone) and a trust
     * store of the JDK's authorities plus it (for the Java clients: this JVM's, the stand-ins' own, and Maven, which
     * still reaches Maven Central).
     */
    private void createCertificate() throws IOException, InterruptedException {
        deleteTree(tls);
        Files.createDirectories(tls);
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Path keyStore = LoopbackCertificate.create(tls.resolve("stand-ins.p12"), TLS_PASSWORD, "stand-ins").keyStore();
        command(List.of(keytool, "-exportcert", "-rfc", "-alias", "stand-ins", "-keystore", keyStore.toString(),
                "-storepass", TLS_PASSWORD, "-file", tls.resolve("stand-ins.pem").toString()), Map.of());
        Files.copy(Path.of(System.getProperty("java.home"), "lib", "security", "cacerts"),
                tls.resolve("trust.p12"));
        command(List.of(keytool, "-importcert", "-noprompt", "-alias", "bench-stand-ins", "-file",
                tls.resolve("stand-ins.pem").toString(), "-keystore", tls.resolve("trust.p12").toString(),
                "-storepass", "changeit"), Map.of());
        // before the first TLS connection of this JVM, which builds the default SSL context from them
        System.setProperty("javax.net.ssl.trustStore", tls.resolve("trust.p12").toString());
        System.setProperty("javax.net.ssl.trustStorePassword", "changeit");
    }

    private List<String> trustOptions() {
        return https
                ? List.of("-Djavax.net.ssl.trustStore=" + tls.resolve("trust.p12"),
                        "-Djavax.net.ssl.trustStorePassword=changeit")
                : List.of();
    }

    /** The core's entry point on the stand-ins, as the goals build it. */
    private Dli dli(DliListener listener) {
        Properties connection = regime.connection();
        return new Dli(DliSettings.builder(connection.getProperty("dli.region"))
                .projectId(connection.getProperty("dli.projectId"))
                .dliEndpoint(connection.getProperty("dli.endpoint"))
                .iamEndpoint(connection.getProperty("dli.iamEndpoint"))
                .obsEndpoint(obsEndpoint())
                .credentials(credentials)
                .build(), listener);
    }

    private String objectUrl(String bucket, String key) {
        return ObsClientSettings.objectUrl(regime.obsSettings().endpoint(), true, bucket, key);
    }

    /** The OBS endpoint the tools reach in this regime. */
    private String obsEndpoint() {
        return regime.connection().getProperty("dli.obs.endpoint");
    }

    /** The HTTP client of a bare DLI client, for what scripts do around other tools; the caller closes it. */
    private SignedHttpClient signedHttpClient() {
        return new SignedHttpClient(credentials, Duration.ofSeconds(10), Duration.ofSeconds(60), ProxySettings.NONE,
                new RetryPolicy(RetryPolicy.DEFAULT_RETRIES, duration -> Thread.sleep(duration.toMillis()),
                        Math::random),
                Clock.systemUTC(), BuildLog.SILENT);
    }

    private DliClient dliClient(SignedHttpClient http) {
        return new DliClient(http, URI.create(regime.connection().getProperty("dli.endpoint")),
                regime.connection().getProperty("dli.projectId"));
    }

    /** On loopback, whatever the regime: not measured. */
    private String newBucket(String tool) {
        String bucket = String.format(Locale.ROOT, "b%04d-%s", ++bucketCounter, tool);
        try (S3Client s3 = ObsClientFactory.create(loopback.obsSettings(), BuildLog.SILENT)) {
            s3.createBucket(create -> create.bucket(bucket));
        }
        return bucket;
    }

    /** Frees the disk between cold runs: the store keeps each bucket as a directory. */
    private void dropBucket(String bucket) {
        try {
            deleteTree(store.resolve(bucket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> awsEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("AWS_ACCESS_KEY_ID", credentials.accessKey());
        environment.put("AWS_SECRET_ACCESS_KEY", credentials.secretKey());
        environment.put("AWS_CONFIG_FILE", out.resolve("aws-config").toString());
        environment.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        environment.put("AWS_PAGER", "");
        if (https) {
            environment.put("AWS_CA_BUNDLE", tls.resolve("stand-ins.pem").toString());
        }
        return environment;
    }

    private List<String> rcloneCommand(Workload workload, String bucket) {
        List<String> command = new ArrayList<>(List.of("rclone", "copy", "--checksum",
                workload.directory().toString(), "bench:" + bucket + "/jars"));
        if (https) {
            command.addAll(List.of("--ca-cert", tls.resolve("stand-ins.pem").toString()));
        }
        return command;
    }

    private Map<String, String> rcloneEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("RCLONE_CONFIG", out.resolve("rclone.conf").toString());
        environment.put("RCLONE_CONFIG_BENCH_TYPE", "s3");
        environment.put("RCLONE_CONFIG_BENCH_PROVIDER", "Other");
        environment.put("RCLONE_CONFIG_BENCH_ACCESS_KEY_ID", credentials.accessKey());
        environment.put("RCLONE_CONFIG_BENCH_SECRET_ACCESS_KEY", credentials.secretKey());
        environment.put("RCLONE_CONFIG_BENCH_ENDPOINT", obsEndpoint());
        environment.put("RCLONE_CONFIG_BENCH_REGION", regime.connection().getProperty("dli.region"));
        environment.put("RCLONE_CONFIG_BENCH_FORCE_PATH_STYLE", "true");
        return environment;
    }

    /** The Debian package's aws (v2) when installed, else the first on the PATH. */
    static String awsCommand() {
        return Files.isExecutable(Path.of("/usr/bin/aws")) ? "/usr/bin/aws" : "aws";
    }

    private void command(List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        command(command, environment, logs.resolve("last-command.log"));
    }

    private void command(List<String> command, Map<String, String> environment, Path log)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // a CA bundle in the environment makes rclone's HTTP transport fail; aws gets ours explicitly
        builder.environment().remove("AWS_CA_BUNDLE");
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command.subList(0, Math.min(4, command.size())))
                    + " failed:\n" + Files.readString(log));
        }
    }

    // ---------------------------------------------------------------- summaries

    /** The summary of measured tools, and the link's limit when the regime has it. */
    private ObjectNode summary(String title, int files, long bytes, Map<String, List<Sample>> samples,
            DoubleSupplier limit) {
        ObjectNode node = summary(title, files, bytes, samples);
        if (regime.tools().contains("limit")) {
            double seconds = round(limit.getAsDouble());
            ObjectNode entry = ((ObjectNode) node.get("tools")).putObject("limit");
            entry.put("computed", true);
            entry.putArray("seconds");
            entry.put("median", seconds);
            entry.put("registerMedian", 0.0);
            entry.put("uploadMedian", seconds);
            entry.put("mibPerSecond", round(bytes / (double) MIB / seconds));
        }
        return node;
    }

    private ObjectNode summary(String title, int files, long bytes, Map<String, List<Sample>> samples) {
        ObjectNode node = DliJson.MAPPER.createObjectNode();
        node.put("title", title);
        node.put("files", files);
        node.put("bytes", bytes);
        ObjectNode tools = node.putObject("tools");
        samples.forEach((tool, list) -> {
            ObjectNode entry = tools.putObject(tool);
            ArrayNode seconds = entry.putArray("seconds");
            list.forEach(sample -> seconds.add(round(sample.seconds())));
            double median = median(list.stream().map(Sample::seconds).toList());
            entry.put("median", round(median));
            entry.put("registerMedian", round(median(list.stream().map(Sample::registerSeconds).toList())));
            // the part a link's limit is compared with
            entry.put("uploadMedian", round(median(list.stream()
                    .map(sample -> sample.seconds() - sample.registerSeconds()).toList())));
            if (bytes > 0 && median > 0) {
                entry.put("mibPerSecond", round(bytes / (double) MIB / median));
            }
            if (!Double.isNaN(list.get(0).cpuSeconds())) {
                entry.put("cpuSecondsMedian", round(median(list.stream().map(Sample::cpuSeconds).toList())));
                entry.put("peakHeapMiB", round(list.stream().mapToLong(Sample::peakHeap).max().orElse(0)
                        / (double) MIB));
            }
        });
        return node;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private ObjectNode machine() throws IOException, InterruptedException {
        ObjectNode machine = DliJson.MAPPER.createObjectNode();
        machine.put("cpus", Runtime.getRuntime().availableProcessors());
        machine.put("cpuModel", Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("model name")).findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown"));
        machine.put("memory", Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " "));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("aws", output(List.of(awsCommand(), "--version")));
        machine.put("rclone", output(List.of("rclone", "--version")).lines().findFirst().orElse(""));
        machine.put("loadAverageAtStart", loadAverage());
        return machine;
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    private static String output(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        process.waitFor();
        return text;
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

    /** Dirty pages of the previous run are written now, not during the next tool's run. */
    private static void flushDisks() throws IOException, InterruptedException {
        new ProcessBuilder("sync").inheritIO().start().waitFor();
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
