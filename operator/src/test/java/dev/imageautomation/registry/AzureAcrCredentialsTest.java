package dev.imageautomation.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.imageautomation.registry.StubHttpServer.Response;
import io.netty.handler.ssl.SslContextBuilder;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real Azure Identity (MSAL client-credentials flow) against a local HTTPS Entra ID token endpoint, then the
 * ACR {@code /oauth2/exchange} call against a local endpoint.
 */
class AzureAcrCredentialsTest {

    private static final Instant REFRESH_EXPIRY = Instant.parse("2031-05-01T00:00:00Z");

    private final StubHttpServer acr = new StubHttpServer();
    private final List<String> entraRequests = new CopyOnWriteArrayList<>();
    private HttpsServer entra;
    private X509Certificate entraCertificate;

    @BeforeEach
    void startEntra() throws Exception {
        KeyPair key = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        entraCertificate = selfSigned(key);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("entra", key.getPrivate(), new char[0], new X509Certificate[] {entraCertificate});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, new char[0]);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        entra = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        entra.setHttpsConfigurator(new HttpsConfigurator(tls));
        entra.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                entraRequests.add(exchange.getRequestURI().getPath() + " " + body);
                byte[] answer = ("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                        + "\"access_token\":\"entra-access-token\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        entra.start();
    }

    @AfterEach
    void stop() {
        entra.stop(0);
        acr.close();
    }

    @Test
    void shouldExchangeTheEntraTokenForAnAcrRefreshTokenUsedAsPasswordOfTheZeroUser() throws Exception {
        String refresh = jwtExpiringAt(REFRESH_EXPIRY);
        acr.handler(r -> Response.json("{\"refresh_token\":\"" + refresh + "\"}"));
        CredentialProvider provider = provider();

        RegistryCredentials credentials = provider.credentialsFor(ImageReference.parse("myregistry.azurecr.io/app"));
        provider.credentialsFor(ImageReference.parse("myregistry.azurecr.io/app"));

        assertThat(credentials).isEqualTo(RegistryCredentials.basic(AzureAcrCredentials.USERNAME, refresh));
        assertThat(entraRequests).hasSize(1);
        assertThat(URLDecoder.decode(entraRequests.get(0), StandardCharsets.UTF_8))
                .startsWith("/tenant-id/oauth2/v2.0/token")
                .contains("grant_type=client_credentials")
                .contains("scope=https://management.azure.com/.default");
        assertThat(acr.requests()).hasSize(1);
        String form = URLDecoder.decode(acr.requests().get(0).body(), StandardCharsets.UTF_8);
        assertThat(form).contains("grant_type=access_token").contains("service=myregistry.azurecr.io")
                .contains("access_token=entra-access-token");
    }

    @Test
    void shouldReportARefusedExchangeWithTheRegistrysErrorButNotTheToken() throws Exception {
        acr.handler(r -> new Response(401, java.util.Map.of(),
                "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"identity not authorized\"}]}", 0));

        assertThatThrownBy(() -> provider().credentialsFor(ImageReference.parse("myregistry.azurecr.io/app")))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("HTTP 401 UNAUTHORIZED identity not authorized")
                .hasMessageNotContaining("entra-access-token");
    }

    @Test
    void shouldPickTheSovereignCloudScopeFromTheRegistryHost() {
        assertThat(AzureAcrCredentials.scopeFor("r.azurecr.cn")).contains("chinacloudapi.cn");
        assertThat(AzureAcrCredentials.scopeFor("r.azurecr.us")).contains("usgovcloudapi.net");
        assertThat(AzureAcrCredentials.jwtExpiry(jwtExpiringAt(REFRESH_EXPIRY))).contains(REFRESH_EXPIRY);
    }

    private CredentialProvider provider() throws Exception {
        var netty = reactor.netty.http.client.HttpClient.create().secure(spec -> {
            try {
                spec.sslContext(SslContextBuilder.forClient().trustManager(entraCertificate).build());
            } catch (javax.net.ssl.SSLException e) {
                throw new IllegalStateException(e);
            }
        });
        var credential = new ClientSecretCredentialBuilder().tenantId("tenant-id").clientId("client-id")
                .clientSecret("client-secret").authorityHost("https://127.0.0.1:" + entra.getAddress().getPort())
                .disableInstanceDiscovery().httpClient(new NettyAsyncHttpClientBuilder(netty).build()).build();
        var fetcher = new AzureAcrCredentials(credential,
                registry -> URI.create("http://" + acr.hostPort() + "/oauth2/exchange"), HttpClient.newHttpClient());
        return AzureAcrCredentials.provider(fetcher, Clock.systemUTC());
    }

    private static String jwtExpiringAt(Instant exp) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"exp\":" + exp.getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8))
                + ".c2ln";
    }

    private static X509Certificate selfSigned(KeyPair key) throws Exception {
        X500Name name = new X500Name("CN=127.0.0.1");
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, new Date(System.currentTimeMillis() - 60_000),
                new Date(System.currentTimeMillis() + 86_400_000L), name, key.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate())));
    }
}
