package dev.imageautomation.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RegistryScannerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final TagStoreKey KEY = new TagStoreKey("apps", "web");
    private static final ImageReference IMAGE = ImageReference.parse("ghcr.io/org/web");

    private final InMemoryTagStore store = new InMemoryTagStore();

    /** A registry that answers with a fixed list, or fails. */
    private record FakeRegistry(List<String> tags, RuntimeException failure) implements RegistryClient {
        @Override
        public List<String> listTags(ImageReference image, CredentialSource credentials) {
            if (failure != null) {
                throw failure;
            }
            return tags;
        }

        @Override
        public String fetchDigest(ImageReference image, String tag, CredentialSource credentials) {
            throw new UnsupportedOperationException();
        }
    }

    private RegistryScanner scanner(RegistryClient client) {
        return new RegistryScanner(settings -> client, store, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static ScanRequest request(List<String> exclusions) {
        return new ScanRequest(KEY, IMAGE, CredentialSource.ANONYMOUS,
                ConnectionSettings.defaults(Duration.ofSeconds(30)), exclusions);
    }

    @Test
    void shouldDropSignatureTagsByDefaultAndStoreTheRestInDescendingByteOrder() {
        var registry = new FakeRegistry(List.of("1.0.0", "sha256-abc.sig", "latest", "10.0.0", "9.0.0", "V2"), null);

        ScanOutcome outcome = scanner(registry).scan(request(null));

        List<String> expected = List.of("latest", "V2", "9.0.0", "10.0.0", "1.0.0");
        assertThat(store.get(KEY)).contains(expected);
        assertThat(outcome.tagCount()).isEqualTo(5);
        assertThat(outcome.latestTags()).isEqualTo(expected);
        assertThat(outcome.scanTime()).isEqualTo(NOW);
        assertThat(outcome.canonicalImageName()).isEqualTo("ghcr.io/org/web");
        assertThat(outcome.observedExclusionList()).containsExactly("^.*\\.sig$");
        assertThat(outcome.revision()).isEqualTo(sha256Lines(expected));
        assertThat(outcome.readyMessage()).isEqualTo("successful scan: found 5 tags with checksum " + outcome.revision());
    }

    @Test
    void shouldReportOnlyTheFirstTenTagsAsLatest() {
        var registry = new FakeRegistry(IntStream.range(0, 25).mapToObj(i -> "t" + (char) ('a' + i)).toList(), null);

        ScanOutcome outcome = scanner(registry).scan(request(List.of()));

        assertThat(outcome.tagCount()).isEqualTo(25);
        assertThat(outcome.latestTags()).hasSize(10).startsWith("ty", "tx");
    }

    @Test
    void shouldApplyEveryExclusionPatternAsAnUnanchoredFind() {
        var registry = new FakeRegistry(List.of("main-1", "pr-12-main", "v1.0.0", "x.sig"), null);

        scanner(registry).scan(request(List.of("^pr-", "rc")));

        assertThat(store.get(KEY)).contains(List.of("x.sig", "v1.0.0", "main-1"));
    }

    @Test
    void shouldKeepThePreviousTagsWhenTheRegistryFails() {
        store.put(KEY, List.of("v1"));
        var failing = new FakeRegistry(null, new RegistryException("listing tags: HTTP 503 (after 4 attempts)"));

        assertThatThrownBy(() -> scanner(failing).scan(request(null))).isInstanceOf(RegistryException.class);
        assertThat(store.get(KEY)).contains(List.of("v1"));
    }

    @Test
    void shouldRejectAnInvalidExclusionPatternWithFluxsMessageBeforeCallingTheRegistry() {
        var failing = new FakeRegistry(null, new IllegalStateException("the registry must not be called"));

        assertThatThrownBy(() -> scanner(failing).scan(request(List.of("(unclosed"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("failed to compile regex (unclosed:");
    }

    private static String sha256Lines(List<String> tags) {
        try {
            byte[] text = (String.join("\n", tags) + "\n").getBytes(StandardCharsets.UTF_8);
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
