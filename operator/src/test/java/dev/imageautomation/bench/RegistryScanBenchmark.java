package dev.imageautomation.bench;

import dev.imageautomation.registry.ConnectionSettings;
import dev.imageautomation.registry.CredentialSource;
import dev.imageautomation.registry.FileTagStore;
import dev.imageautomation.registry.HttpRegistryClients;
import dev.imageautomation.registry.ImageReference;
import dev.imageautomation.registry.RegistryClient;
import dev.imageautomation.registry.RegistryScanner;
import dev.imageautomation.registry.ScanOutcome;
import dev.imageautomation.registry.ScanRequest;
import dev.imageautomation.registry.TagStoreKey;
import dev.imageautomation.testing.RegistryServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A full scan (ping, {@code tags/list?n=1000} following {@code Link}, exclusion, sort, file-store write) of a
 * repository with 10,000 tags on the local Debian registry (which
 * ignores {@code n} and answers with one page), against the network floor: a {@code curl} loop that
 * fetches the same pages (following {@code Link} the same way) and discards them. See docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 2)
public class RegistryScanBenchmark {

    static final int TAGS = 10_000;
    private static final String REPOSITORY = "bench/app";

    private RegistryServer registry;
    /** Registry data kept between runs: building 10,000 tags costs more than the whole measurement. */
    static final Path DATA = Path.of(System.getProperty("bench.registry.dir", "target/bench-registry"));

    private RegistryScanner scanner;
    private RegistryClient client;
    private ScanRequest request;
    private Path storage;
    private String curlLoop;

    @Setup(Level.Trial)
    public void startRegistry() throws IOException {
        registry = RegistryServer.startKeepingData(RegistryServer.Mode.PLAIN, DATA.toAbsolutePath());
        Path tags = registry.directory().resolve("data/docker/registry/v2/repositories/" + REPOSITORY);
        if (!Files.isDirectory(tags.resolve("_manifests/tags/1.99.99"))) {
            registry.pushTags(REPOSITORY, "seed");
            cloneTagOnDisk(tags, "seed");
        }
        storage = Files.createTempDirectory("bench-tags");
        HttpRegistryClients clients = new HttpRegistryClients(Clock.systemUTC());
        client = clients.clientFor(ConnectionSettings.defaults(Duration.ofSeconds(60)));
        scanner = new RegistryScanner(clients, new FileTagStore(storage), Clock.systemUTC());
        request = new ScanRequest(new TagStoreKey("bench", "app"), ImageReference.parse(registry.image(REPOSITORY)),
                CredentialSource.ANONYMOUS, ConnectionSettings.defaults(Duration.ofSeconds(60)), null);
        curlLoop = """
                url="/v2/%s/tags/list?n=1000"
                while [ -n "$url" ]; do
                  hdr=$(curl -fsS -D - -o /dev/null "http://%s$url") || exit 1
                  url=$(printf '%%s' "$hdr" | tr -d '\\r' | sed -n 's/^[Ll]ink: <\\([^>]*\\)>; rel="next"/\\1/p')
                done
                """.formatted(REPOSITORY, registry.hostPort());
        int count = scanner.scan(request).tagCount();
        if (count != TAGS) {
            throw new IllegalStateException("expected " + TAGS + " tags, the registry has " + count);
        }
    }

    /**
     * Writes the tag links the registry keeps on disk, 9,999 copies of one pushed tag: pushing 10,000 manifests
     * over HTTP takes minutes on a shared machine, and the registry lists tags from exactly these directories.
     */
    private static void cloneTagOnDisk(Path repository, String seed) throws IOException {
        Path tags = repository.resolve("_manifests/tags");
        Path source = tags.resolve(seed);
        for (int i = 1; i < TAGS; i++) {
            Path target = tags.resolve("1." + (i / 100) + "." + (i % 100));
            if (Files.exists(target)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path copy = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(file, copy);
                    }
                }
            }
        }
    }

    @TearDown(Level.Trial)
    public void stopRegistry() throws IOException {
        registry.close();
        try (Stream<Path> files = Files.walk(storage)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** The operator's scan, end to end. */
    @Benchmark
    public ScanOutcome scan() {
        return scanner.scan(request);
    }

    /** The listing alone (ping + pages + parsing), without exclusion, sorting and the file-store write. */
    @Benchmark
    public List<String> listTags() {
        return client.listTags(request.image(), CredentialSource.ANONYMOUS);
    }

    /** The floor: one curl process per page, body discarded. */
    @Benchmark
    public int curlPages() throws IOException, InterruptedException {
        Process curl = new ProcessBuilder("bash", "-c", curlLoop).redirectErrorStream(true).start();
        curl.getInputStream().readAllBytes();
        int exit = curl.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("curl loop failed with " + exit);
        }
        return exit;
    }

    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args.length > 0 ? args : new String[] {RegistryScanBenchmark.class.getName()});
    }
}
