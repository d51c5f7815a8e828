package dev.imageautomation.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imageautomation.testing.RegistryServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scans against the real registry into the file store: exclusions, restarts, and a registry that goes away. */
class RegistryScannerIT {

    private static final TagStoreKey KEY = new TagStoreKey("apps", "web");

    @TempDir
    Path storage;

    private ScanOutcome scan(RegistryServer registry, FileTagStore store, List<String> exclusions) {
        var scanner = new RegistryScanner(new HttpRegistryClients(new BearerTokenCache(Clock.systemUTC()),
                new RetryPolicy(2, Duration.ofMillis(100), Duration.ofSeconds(1)), Sleeper.SYSTEM, Clock.systemUTC()),
                store, Clock.systemUTC());
        return scanner.scan(new ScanRequest(KEY, ImageReference.parse(registry.image("web")), CredentialSource.ANONYMOUS,
                ConnectionSettings.defaults(Duration.ofSeconds(10)), exclusions));
    }

    @Test
    void shouldStoreFilteredTagsThatSurviveARestartAndKeepThemWhenTheRegistryGoesAway() {
        List<String> tags = IntStream.range(0, 120).mapToObj(i -> "1." + i + ".0").toList();
        ScanOutcome first;
        try (RegistryServer registry = RegistryServer.start(RegistryServer.Mode.PLAIN)) {
            registry.pushTags("web", tags);
            registry.pushTags("web", "dev-123", "latest", "sha256-0a1b.sig");

            first = scan(registry, new FileTagStore(storage), List.of("^dev-", "\\.sig$"));

            assertThat(first.tagCount()).isEqualTo(121);
            assertThat(first.latestTags()).startsWith("latest", "1.99.0", "1.98.0");
            RegistryServer stopped = registry;
            stopped.close();
            assertThatThrownBy(() -> scan(stopped, new FileTagStore(storage), List.of()))
                    .isInstanceOf(RegistryException.class);
        }

        List<String> afterRestart = new FileTagStore(storage).get(KEY).orElseThrow();
        assertThat(afterRestart).hasSize(121).startsWith("latest").doesNotContain("dev-123", "sha256-0a1b.sig");
        assertThat(TagChecksum.of(afterRestart)).isEqualTo(first.revision());
    }
}
