package dev.imageautomation.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A real OCI registry (Debian's {@code docker-registry}, Distribution 2.8) started as a child process on a free
 * port of 127.0.0.1, with its data in a fresh temporary directory, for integration and end-to-end tests.
 *
 * <pre>{@code
 * try (RegistryServer registry = RegistryServer.start(RegistryServer.Mode.HTPASSWD)) {
 *     String digest = registry.pushTags("team/app", "1.0.0", "1.1.0", "latest");
 *     String image = registry.image("team/app");          // "127.0.0.1:<port>/team/app" for spec.image
 *     String auth = registry.dockerConfigJson();           // a .dockerconfigjson granting access
 * }
 * }</pre>
 *
 * <p>Modes: {@link Mode#PLAIN} (HTTP, anonymous), {@link Mode#HTPASSWD} (HTTP, Basic {@link #USERNAME} /
 * {@link #PASSWORD}), {@link Mode#TLS} (HTTPS with a private CA, plus Basic), {@link Mode#MUTUAL_TLS} (HTTPS that
 * requires a client certificate from the same CA, no password), {@link Mode#TOKEN} (HTTP, Bearer tokens from a
 * {@link RegistryTokenServer} in this JVM; anonymous pull allowed, push needs the user).
 *
 * <p>The binaries ({@code docker-registry}, {@code htpasswd}, {@code openssl}) must be installed; when one is
 * missing the test fails with a message naming {@code scripts/install-test-deps.sh}. Debian's registry ignores
 * {@code n}/{@code last} on {@code tags/list} and returns tags unsorted: pagination needs a stub server.
 */
public final class RegistryServer implements AutoCloseable {

    /** The user every authenticated mode accepts. */
    public static final String USERNAME = "testuser";
    public static final String PASSWORD = "testpass";
    /** The refresh token that {@link Mode#TOKEN}'s token service accepts (docker config {@code identitytoken}). */
    public static final String IDENTITY_TOKEN = "test-identity-token";

    public enum Mode { PLAIN, HTPASSWD, TLS, MUTUAL_TLS, TOKEN }

    private static final String INSTALL_HINT = "run scripts/install-test-deps.sh";

    private final Mode mode;
    private final Path dir;
    private final int port;
    private final Process process;
    private final RegistryCertificates certificates;
    private final RegistryTokenServer tokenServer;
    private final RegistryPusher pusher;
    private volatile boolean keepData;
    /** Stops the process and removes the data even when a test forgets to close or the JVM is interrupted. */
    private final Thread shutdownHook = new Thread(this::close, "registry-server-shutdown");

    private RegistryServer(Mode mode, Path dir, int port, Process process, RegistryCertificates certificates,
            RegistryTokenServer tokenServer) {
        this.mode = mode;
        this.dir = dir;
        this.port = port;
        this.process = process;
        this.certificates = certificates;
        this.tokenServer = tokenServer;
        this.pusher = new RegistryPusher(httpClient(), baseUri(), this::pushAuthorization);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts a registry in the given mode and waits until it answers {@code /v2/}. Close it (try-with-resources). */
    public static RegistryServer start(Mode mode) {
        try {
            return RegistryProcess.start(mode, Files.createTempDirectory("registry-" + mode.name().toLowerCase()));
        } catch (IOException e) {
            throw new UncheckedIOException("starting the " + mode + " registry failed", e);
        }
    }

    /**
     * Starts a registry on existing data in {@code dir} (created if absent) and keeps it on {@link #close()}:
     * for benchmarks that would otherwise rebuild thousands of tags on every run.
     */
    public static RegistryServer startKeepingData(Mode mode, Path dir) {
        try {
            Files.createDirectories(dir);
            RegistryServer server = RegistryProcess.start(mode, dir);
            server.keepData = true;
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("starting the " + mode + " registry in " + dir + " failed", e);
        }
    }

    static RegistryServer create(Mode mode, Path dir, int port, Process process, RegistryCertificates certificates,
            RegistryTokenServer tokenServer) {
        return new RegistryServer(mode, dir, port, process, certificates, tokenServer);
    }

    /**
     * Pushes one new image (a unique config, so a digest no earlier push had) and points every given tag at it.
     * Calling it again with the same tags moves them to a new digest, as a CI re-push would. Thousands of tags
     * are fine (manifest PUTs, eight in flight; about 2–5 ms per tag here).
     *
     * @param repository repository path without the registry, e.g. {@code "team/app"}
     * @param tags at least one tag
     * @return the manifest digest ({@code sha256:…}) all the tags now point to
     */
    public String pushTags(String repository, String... tags) {
        if (tags.length == 0) {
            throw new IllegalArgumentException("pushTags needs at least one tag");
        }
        try {
            return pusher.pushTags(repository, Arrays.asList(tags));
        } catch (IOException e) {
            throw new UncheckedIOException("pushing " + repository + " to the " + mode + " registry failed", e);
        }
    }

    /** {@link #pushTags(String, String...)} for a generated list of tags. */
    public String pushTags(String repository, List<String> tags) {
        return pushTags(repository, tags.toArray(String[]::new));
    }

    /** Pushes a two-platform (amd64, arm64) OCI image index under {@code tag}; returns the index digest. */
    public String pushIndex(String repository, String tag) {
        try {
            return pusher.pushIndex(repository, tag);
        } catch (IOException e) {
            throw new UncheckedIOException("pushing an index to " + repository + " failed", e);
        }
    }

    /** {@code 127.0.0.1:<port>}: the registry part of an image reference. */
    public String hostPort() {
        return "127.0.0.1:" + port;
    }

    /** {@code 127.0.0.1:<port>/<repository>}: a value for {@code ImageRepository.spec.image}. */
    public String image(String repository) {
        return hostPort() + "/" + repository;
    }

    public URI baseUri() {
        return URI.create((isTls() ? "https://" : "http://") + hostPort());
    }

    public Mode mode() {
        return mode;
    }

    /** A {@code .dockerconfigjson} value with {@link #USERNAME}/{@link #PASSWORD} for this registry. */
    public String dockerConfigJson() {
        return "{\"auths\":{\"" + hostPort() + "\":{\"auth\":\"" + basicToken() + "\"}}}";
    }

    /** PEM of the private CA that signed the TLS modes' server and client certificates ({@code ca.crt}). */
    public byte[] caCertificatePem() {
        return requireCertificates().pem("ca.crt");
    }

    /** PEM client certificate accepted by {@link Mode#MUTUAL_TLS} ({@code tls.crt}). */
    public byte[] clientCertificatePem() {
        return requireCertificates().pem("client.crt");
    }

    /** PEM (PKCS#8) key of {@link #clientCertificatePem()} ({@code tls.key}). */
    public byte[] clientKeyPem() {
        return requireCertificates().pem("client.key");
    }

    /** The token service of {@link Mode#TOKEN}. */
    public RegistryTokenServer tokenServer() {
        if (tokenServer == null) {
            throw new IllegalStateException("only the TOKEN mode has a token server");
        }
        return tokenServer;
    }

    public Path directory() {
        return dir;
    }

    /**
     * Stops the registry (TERM, then KILL after 10 s) and the token server; the temporary directory is removed
     * (unless started by {@link #startKeepingData}). Safe to call twice.
     */
    @Override
    public void close() {
        forgetShutdownHook();
        RegistryProcess.stop(process);
        if (tokenServer != null) {
            tokenServer.close();
        }
        if (!keepData) {
            RegistryProcess.deleteRecursively(dir);
        }
    }

    /** For a start attempt that failed: its process is stopped by the caller, its directory is reused. */
    void forgetShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // close() is running as the hook itself
        }
    }

    static String requireTool(String name) {
        for (String dirName : List.of("/usr/bin", "/usr/sbin", "/usr/local/bin", "/bin")) {
            Path candidate = Path.of(dirName, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException("'" + name + "' is not installed; " + INSTALL_HINT);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    boolean isTls() {
        return mode == Mode.TLS || mode == Mode.MUTUAL_TLS;
    }

    HttpClient httpClient() {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (isTls()) {
            builder.sslContext(RegistryProcess.sslContext(certificates, mode == Mode.MUTUAL_TLS));
        }
        return builder.build();
    }

    private String pushAuthorization(String repository) {
        return switch (mode) {
            case PLAIN, MUTUAL_TLS -> "";
            case HTPASSWD, TLS -> "Basic " + basicToken();
            case TOKEN -> "Bearer " + pushToken(repository);
        };
    }

    private String pushToken(String repository) {
        URI uri = URI.create(tokenServer.realm() + "?service=" + RegistryTokenServer.SERVICE
                + "&scope=repository:" + repository + ":pull,push");
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                    .header("Authorization", "Basic " + basicToken()).build(), HttpResponse.BodyHandlers.ofString());
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).path("token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basicToken() {
        return Base64.getEncoder().encodeToString((USERNAME + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private RegistryCertificates requireCertificates() {
        if (certificates == null) {
            throw new IllegalStateException("the " + mode + " registry has no certificates");
        }
        return certificates;
    }

    @Override
    public String toString() {
        return "RegistryServer[" + mode + " " + hostPort() + ", pid " + process.pid() + "]";
    }
}
