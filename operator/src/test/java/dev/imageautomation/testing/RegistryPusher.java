package dev.imageautomation.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Pushes small OCI images into a {@link RegistryServer} with plain HTTP requests (blob upload, manifest PUT),
 * so tests need neither Docker nor skopeo. Each image has a unique config blob, hence a unique digest.
 */
final class RegistryPusher {

    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    private static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int IN_FLIGHT = 8;

    private final HttpClient http;
    private final URI base;
    private final Function<String, String> authorizationForRepository;
    private final Map<String, String> authorizations = new ConcurrentHashMap<>();

    RegistryPusher(HttpClient http, URI base, Function<String, String> authorizationForRepository) {
        this.http = http;
        this.base = base;
        this.authorizationForRepository = authorizationForRepository;
    }

    /** Uploads a new single-platform image and points every tag at it; returns the manifest digest. */
    String pushTags(String repository, List<String> tags) throws IOException {
        byte[] manifest = pushImage(repository, "amd64");
        putManifests(repository, tags, manifest, OCI_MANIFEST);
        return digest(manifest);
    }

    /** Uploads two platform images and an OCI index over them under {@code tag}; returns the index digest. */
    String pushIndex(String repository, String tag) throws IOException {
        ObjectNode index = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", OCI_INDEX);
        var manifests = index.putArray("manifests");
        for (String arch : List.of("amd64", "arm64")) {
            byte[] manifest = pushImage(repository, arch);
            String digest = digest(manifest);
            putManifests(repository, List.of(digest), manifest, OCI_MANIFEST);
            manifests.addObject().put("mediaType", OCI_MANIFEST).put("digest", digest).put("size", manifest.length)
                    .putObject("platform").put("architecture", arch).put("os", "linux");
        }
        byte[] bytes = JSON.writeValueAsBytes(index);
        putManifests(repository, List.of(tag), bytes, OCI_INDEX);
        return digest(bytes);
    }

    private byte[] pushImage(String repository, String arch) throws IOException {
        ObjectNode config = JSON.createObjectNode().put("architecture", arch).put("os", "linux");
        config.putObject("config").putObject("Labels").put("test.nonce", UUID.randomUUID().toString());
        config.putObject("rootfs").put("type", "layers").putArray("diff_ids");
        byte[] configBytes = JSON.writeValueAsBytes(config);
        uploadBlob(repository, configBytes);
        ObjectNode manifest = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", OCI_MANIFEST);
        manifest.putObject("config").put("mediaType", OCI_CONFIG).put("digest", digest(configBytes))
                .put("size", configBytes.length);
        manifest.putArray("layers");
        return JSON.writeValueAsBytes(manifest);
    }

    private void uploadBlob(String repository, byte[] blob) throws IOException {
        HttpResponse<String> start = send(repository, HttpRequest.newBuilder(
                base.resolve("/v2/" + repository + "/blobs/uploads/")).POST(HttpRequest.BodyPublishers.noBody()));
        expect(start, 202, "starting blob upload");
        URI location = base.resolve(start.headers().firstValue("Location")
                .orElseThrow(() -> new IOException("blob upload without Location")));
        String separator = location.getRawQuery() == null ? "?" : "&";
        URI finish = URI.create(location + separator + "digest=" + URLEncoder.encode(digest(blob), StandardCharsets.UTF_8));
        HttpResponse<String> done = send(repository, HttpRequest.newBuilder(finish)
                .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(blob)));
        expect(done, 201, "finishing blob upload");
    }

    /** Manifest PUTs for many tags, a few in flight at a time over kept-alive connections. */
    private void putManifests(String repository, List<String> references, byte[] manifest, String mediaType)
            throws IOException {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        for (String reference : references) {
            slots.acquireUninterruptibly();
            HttpRequest request = authorize(repository, HttpRequest.newBuilder(
                    base.resolve("/v2/" + repository + "/manifests/" + reference))
                    .header("Content-Type", mediaType).PUT(HttpRequest.BodyPublishers.ofByteArray(manifest))).build();
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, e) -> slots.release())
                    .thenAccept(response -> {
                        if (response.statusCode() != 201) {
                            throw new IllegalStateException("manifest PUT " + reference + ": HTTP "
                                    + response.statusCode() + " " + response.body());
                        }
                    }));
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            throw new IOException("pushing manifests to " + repository + " failed", e);
        }
    }

    private HttpResponse<String> send(String repository, HttpRequest.Builder request) throws IOException {
        try {
            return http.send(authorize(repository, request).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private HttpRequest.Builder authorize(String repository, HttpRequest.Builder request) {
        String authorization = authorizations.computeIfAbsent(repository, authorizationForRepository);
        return authorization == null || authorization.isEmpty() ? request : request.header("Authorization", authorization);
    }

    private static void expect(HttpResponse<String> response, int status, String what) throws IOException {
        if (response.statusCode() != status) {
            throw new IOException(what + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }

    static String digest(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
