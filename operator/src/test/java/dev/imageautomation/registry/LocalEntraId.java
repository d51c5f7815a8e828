package dev.imageautomation.registry;

import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An Entra ID token endpoint on 127.0.0.1 over HTTPS (MSAL insists on an https authority) with a self-signed
 * certificate, answering every request with access token {@code entra-access-token}; requests are recorded as
 * {@code <path> <form body>}. {@link #httpClient()} is an Azure HTTP client that trusts it.
 */
final class LocalEntraId implements AutoCloseable {

    private final HttpsServer server;
    private final X509Certificate certificate;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    LocalEntraId() throws GeneralSecurityException, IOException, OperatorCreationException {
        KeyPair key = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        certificate = selfSigned(key);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("entra", key.getPrivate(), new char[0], new X509Certificate[] {certificate});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, new char[0]);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                requests.add(exchange.getRequestURI().getPath() + " " + body);
                byte[] answer = ("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                        + "\"access_token\":\"entra-access-token\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        server.start();
    }

    /** The authority host to give Azure Identity's credential builders. */
    String authorityHost() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What the endpoint received, as {@code <path> <form body>}. */
    List<String> requests() {
        return requests;
    }

    HttpClient httpClient() {
        var netty = reactor.netty.http.client.HttpClient.create().secure(spec -> {
            try {
                spec.sslContext(SslContextBuilder.forClient().trustManager(certificate).build());
            } catch (SSLException e) {
                throw new IllegalStateException(e);
            }
        });
        return new NettyAsyncHttpClientBuilder(netty).build();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static X509Certificate selfSigned(KeyPair key) throws GeneralSecurityException, OperatorCreationException {
        X500Name name = new X500Name("CN=127.0.0.1");
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, new Date(System.currentTimeMillis() - 60_000),
                new Date(System.currentTimeMillis() + 86_400_000L), name, key.getPublic());
        try {
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
        } catch (org.bouncycastle.cert.CertIOException e) {
            throw new IllegalStateException(e);
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate())));
    }
}
