package dev.imageautomation.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.imageautomation.git.PemKeys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * The part of the GitHub REST API that mints App installation tokens, served over HTTPS on 127.0.0.1 under a GitHub
 * Enterprise style base path ({@code /api/v3}). It checks each app JWT as GitHub does (RS256 signature by the app's
 * key, {@code iss} = app ID, at most ten minutes of validity, not expired) and answers 401 otherwise; it finds
 * installations by organization or user and records every request.
 */
public final class FakeGitHubApi implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpsServer server;
    private final long appId;
    private final PublicKey appKey;
    private final Clock clock;
    private final Map<String, Long> organizations = new ConcurrentHashMap<>();
    private final Map<String, Long> users = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> issued = new CopyOnWriteArrayList<>();
    private volatile Duration tokenLifetime = Duration.ofHours(1);
    private volatile String fixedToken;
    private volatile int failureStatus;

    private FakeGitHubApi(TestCertificates tls, long appId, PublicKey appKey, Clock clock) throws IOException {
        this.appId = appId;
        this.appKey = appKey;
        this.clock = clock;
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext(tls)));
        server.createContext("/api/v3/", this::handle);
        server.start();
    }

    /** Serves app {@code appId}, whose JWTs must verify with {@code appKey}; {@code tls} gives the server identity. */
    public static FakeGitHubApi start(TestCertificates tls, long appId, PublicKey appKey, Clock clock) {
        try {
            return new FakeGitHubApi(tls, appId, appKey, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh RSA key pair for an app, and its private key as the PKCS#1 PEM GitHub hands out. */
    public static KeyPair newAppKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(KeyPair key) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(key.getPrivate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    public String baseUrl() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/api/v3";
    }

    public FakeGitHubApi organizationInstallation(String organization, long installationId) {
        organizations.put(organization, installationId);
        return this;
    }

    public FakeGitHubApi userInstallation(String user, long installationId) {
        users.put(user, installationId);
        return this;
    }

    public FakeGitHubApi tokenLifetime(Duration lifetime) {
        this.tokenLifetime = lifetime;
        return this;
    }

    /** Issues this token every time (so that a git server can be told it in advance). */
    public FakeGitHubApi issuing(String token) {
        this.fixedToken = token;
        return this;
    }

    /** Answers every call with this status (0: behave). */
    public FakeGitHubApi failingWith(int status) {
        this.failureStatus = status;
        return this;
    }

    /** {@code METHOD path} of every request, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public List<String> issuedTokens() {
        return List.copyOf(issued);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring("/api/v3".length());
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            exchange.getRequestBody().readAllBytes();
            if (failureStatus != 0) {
                reply(exchange, failureStatus, "{\"message\":\"Server Error\"}");
            } else if (!validJwt(exchange.getRequestHeaders().getFirst("Authorization"))) {
                reply(exchange, 401, "{\"message\":\"A JSON web token could not be decoded\"}");
            } else {
                route(exchange, exchange.getRequestMethod(), path);
            }
        }
    }

    private void route(HttpExchange exchange, String method, String path) throws IOException {
        String[] parts = path.split("/");
        if (method.equals("GET") && parts.length == 4 && parts[3].equals("installation")
                && (parts[1].equals("orgs") || parts[1].equals("users"))) {
            Long id = (parts[1].equals("orgs") ? organizations : users).get(parts[2]);
            reply(exchange, id == null ? 404 : 200, id == null ? "{\"message\":\"Not Found\"}" : "{\"id\":" + id + "}");
        } else if (method.equals("POST") && parts.length == 5 && parts[1].equals("app")
                && parts[4].equals("access_tokens") && (organizations.containsValue(Long.parseLong(parts[3]))
                        || users.containsValue(Long.parseLong(parts[3])))) {
            String token = fixedToken != null ? fixedToken : "ghs_" + HexFormat.of().formatHex(randomBytes());
            issued.add(token);
            reply(exchange, 201, "{\"token\":\"" + token + "\",\"expires_at\":\""
                    + clock.instant().plus(tokenLifetime) + "\"}");
        } else {
            reply(exchange, 404, "{\"message\":\"Not Found\"}");
        }
    }

    private boolean validJwt(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(appKey);
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            long now = clock.instant().getEpochSecond();
            long iat = claims.path("iat").asLong();
            long exp = claims.path("exp").asLong();
            return rs256.verify(Base64.getUrlDecoder().decode(parts[2])) && header.path("alg").asText().equals("RS256")
                    && claims.path("iss").asText().equals(Long.toString(appId))
                    && iat <= now + 60 && exp > now && exp - iat <= 600;
        } catch (GeneralSecurityException | IOException | RuntimeException malformed) {
            return false;
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** A server TLS context with the 127.0.0.1 certificate of {@code tls}. */
    static SSLContext serverContext(TestCertificates tls) {
        try {
            Certificate[] chain = CertificateFactory.getInstance("X.509").generateCertificates(
                    new ByteArrayInputStream(Files.readAllBytes(tls.serverCertificateFile()))).toArray(new Certificate[0]);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", PemKeys.privateKey(Files.readString(tls.serverKeyFile()), "server.key"),
                    new char[0], chain);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, new char[0]);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the fake GitHub API cannot use the test certificates", e);
        }
    }
}
