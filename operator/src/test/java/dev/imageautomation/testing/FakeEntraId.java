package dev.imageautomation.testing;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.core.util.Configuration;
import com.azure.identity.WorkloadIdentityCredentialBuilder;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.imageautomation.identity.EntraIdWorkloadIdentity;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLException;

/**
 * An Entra ID token endpoint over HTTPS on 127.0.0.1 ({@code POST /<tenant>/oauth2/v2.0/token}) that accepts one
 * federated (workload identity) assertion and issues a fixed access token; and the real Azure Identity workload
 * identity credential, configured with the variables AKS injects into a pod, pointed at it, or the settings that
 * point any other Azure Identity credential at it ({@link #authorityHost()}, {@link #httpClient()}).
 */
public final class FakeEntraId implements AutoCloseable {

    public static final String TENANT = "tenant-0000";
    public static final String CLIENT = "client-1111";

    private final HttpsServer server;
    private final TestCertificates tls;
    private final String assertion;
    private final String accessToken;
    private final List<String> forms = new CopyOnWriteArrayList<>();
    private volatile int lifetimeSeconds = 3599;

    private FakeEntraId(TestCertificates tls, String assertion, String accessToken) throws IOException {
        this.tls = tls;
        this.assertion = assertion;
        this.accessToken = accessToken;
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(FakeGitHubApi.serverContext(tls)));
        server.createContext("/", this::handle);
        server.start();
    }

    /** Issues {@code accessToken} to a client that presents {@code assertion} (the projected service account token). */
    public static FakeEntraId start(TestCertificates tls, String assertion, String accessToken) {
        try {
            return new FakeEntraId(tls, assertion, accessToken);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String authorityHost() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Tokens from now on expire after {@code seconds}. Under five minutes, Azure Identity (MSAL) no longer serves
     * them from its own cache, so every token the operator's cache does not hold is a request here.
     */
    public FakeEntraId issuingTokensFor(int seconds) {
        this.lifetimeSeconds = seconds;
        return this;
    }

    /** An Azure HTTP client that trusts this server's certificate. */
    public com.azure.core.http.HttpClient httpClient() {
        var netty = reactor.netty.http.client.HttpClient.create().secure(spec -> spec.sslContext(trustingCa()));
        return new NettyAsyncHttpClientBuilder(netty).build();
    }

    /** Object-level workload identity (a ServiceAccount's token as the client assertion) pointed at this server. */
    public EntraIdWorkloadIdentity serviceAccounts() {
        return new EntraIdWorkloadIdentity(Optional.empty(), builder -> builder.authorityHost(authorityHost())
                .disableInstanceDiscovery().httpClient(httpClient()));
    }

    /** The decoded form of every token request. */
    public List<String> tokenRequests() {
        return List.copyOf(forms);
    }

    /**
     * Azure Identity's workload identity credential as a pod with {@code azure.workload.identity/use} sees it:
     * {@code AZURE_TENANT_ID}, {@code AZURE_CLIENT_ID}, {@code AZURE_FEDERATED_TOKEN_FILE} (written to
     * {@code directory}) and {@code AZURE_AUTHORITY_HOST} (this server). Instance discovery is off: it would ask the
     * public cloud about this authority.
     */
    public TokenCredential workloadIdentity(Path directory, String serviceAccountToken) {
        try {
            Path tokenFile = Files.writeString(directory.resolve("azure-identity-token"), serviceAccountToken);
            Configuration environment = new Configuration()
                    .put("AZURE_TENANT_ID", TENANT).put("AZURE_CLIENT_ID", CLIENT)
                    .put("AZURE_FEDERATED_TOKEN_FILE", tokenFile.toString())
                    .put("AZURE_AUTHORITY_HOST", authorityHost());
            return new WorkloadIdentityCredentialBuilder().configuration(environment)
                    .disableInstanceDiscovery().httpClient(httpClient()).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private io.netty.handler.ssl.SslContext trustingCa() {
        try {
            return SslContextBuilder.forClient().trustManager(tls.caCertificateFile().toFile()).build();
        } catch (SSLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String form = URLDecoder.decode(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            forms.add(exchange.getRequestURI().getPath() + " " + form);
            boolean accepted = exchange.getRequestURI().getPath().equals("/" + TENANT + "/oauth2/v2.0/token")
                    && form.contains("client_assertion=" + assertion) && form.contains("client_id=" + CLIENT);
            byte[] answer = (accepted
                    ? "{\"token_type\":\"Bearer\",\"expires_in\":" + lifetimeSeconds + ",\"ext_expires_in\":"
                            + lifetimeSeconds + ",\"access_token\":\"" + accessToken + "\"}"
                    : "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS700211: No matching federated "
                            + "identity record found for presented assertion.\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(accepted ? 200 : 401, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }
}
