package dev.imageautomation.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Docker registry token service (the {@code realm} of {@code auth.token} mode) inside the test JVM: issues RS256
 * JWTs whose {@code x5c} header carries the signing certificate, which the registry checks against its
 * {@code rootcertbundle}. Basic credentials get the actions they ask for; anonymous callers get {@code pull} only;
 * an OAuth2 POST with {@code grant_type=refresh_token} and the known refresh token counts as authenticated.
 */
public final class RegistryTokenServer implements AutoCloseable {

    public static final String ISSUER = "registry-test-issuer";
    public static final String SERVICE = "registry-test";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final PrivateKey key;
    private final String certificate;
    private final String username;
    private final String password;
    private final String refreshToken;
    private final long lifetimeSeconds;
    private final AtomicInteger issued = new AtomicInteger();

    private RegistryTokenServer(RegistryCertificates signer, String username, String password, String refreshToken,
            long lifetimeSeconds) throws IOException, GeneralSecurityException {
        String pem = new String(signer.pem("signer.key"), StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        this.key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(signer.pem("signer.crt")));
        this.certificate = Base64.getEncoder().encodeToString(cert.getEncoded());
        this.username = username;
        this.password = password;
        this.refreshToken = refreshToken;
        this.lifetimeSeconds = lifetimeSeconds;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/token", this::handle);
        server.start();
    }

    static RegistryTokenServer start(RegistryCertificates signer, String username, String password,
            String refreshToken, long lifetimeSeconds) throws IOException {
        try {
            return new RegistryTokenServer(signer, username, password, refreshToken, lifetimeSeconds);
        } catch (GeneralSecurityException e) {
            throw new IOException("token signer unusable", e);
        }
    }

    public String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    /** Tokens issued so far: lets tests prove that a client reuses its cached token. */
    public int tokensIssued() {
        return issued.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> params = form(exchange.getRequestURI().getRawQuery());
            if ("POST".equals(exchange.getRequestMethod())) {
                params.putAll(form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            }
            Boolean authenticated = authenticate(exchange, params);
            if (authenticated == null) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            String jwt = sign(params.getOrDefault("service", ""), params.get("scope"), authenticated);
            ObjectNode body = JSON.createObjectNode().put("token", jwt).put("access_token", jwt)
                    .put("expires_in", lifetimeSeconds);
            byte[] bytes = JSON.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            issued.incrementAndGet();
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /** true = known user, false = anonymous, null = wrong credentials. */
    private Boolean authenticate(HttpExchange exchange, Map<String, String> params) {
        if ("refresh_token".equals(params.get("grant_type"))) {
            return refreshToken.equals(params.get("refresh_token")) ? Boolean.TRUE : null;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null) {
            return Boolean.FALSE;
        }
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return expected.equals(header) ? Boolean.TRUE : null;
    }

    private String sign(String service, String scope, boolean authenticated) throws GeneralSecurityException {
        long now = System.currentTimeMillis() / 1000;
        ObjectNode claims = JSON.createObjectNode().put("iss", ISSUER).put("sub", authenticated ? username : "")
                .put("aud", service).put("exp", now + lifetimeSeconds).put("nbf", now - 10).put("iat", now)
                .put("jti", UUID.randomUUID().toString());
        ArrayNode access = claims.putArray("access");
        if (scope != null && !scope.isEmpty()) {
            String[] parts = scope.split(":");
            ObjectNode grant = access.addObject().put("type", parts[0])
                    .put("name", scope.substring(parts[0].length() + 1, scope.lastIndexOf(':')));
            ArrayNode actions = grant.putArray("actions");
            for (String action : parts[parts.length - 1].split(",")) {
                if (authenticated || action.equals("pull")) {
                    actions.add(action);
                }
            }
        }
        ObjectNode header = JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT");
        header.putArray("x5c").add(certificate);
        String input = base64Url(header.toString()) + "." + base64Url(claims.toString());
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> result = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return result;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            result.put(name, value);
        }
        return result;
    }
}
