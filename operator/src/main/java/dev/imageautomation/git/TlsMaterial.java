package dev.imageautomation.git;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Per-repository TLS: {@code ca.crt} is trusted in addition to the JVM's default CAs (as Flux adds it to the
 * system pool) and {@code tls.crt}/{@code tls.key} become the client certificate. Built as key and trust managers
 * for one connection factory, so the JVM-wide trust store is never touched.
 */
public record TlsMaterial(KeyManager[] keyManagers, TrustManager[] trustManagers) {

    /**
     * @throws IllegalArgumentException when a certificate or key does not parse; the message names the key
     */
    public static TlsMaterial from(GitCredentials credentials) {
        try {
            TrustManager[] trust = credentials.caCertificate() == null ? null
                    : new TrustManager[] {new ExtraCaTrustManager(certificates(credentials.caCertificate(), "ca.crt"))};
            KeyManager[] keys = credentials.clientCertificate() == null ? null
                    : keyManagers(credentials.clientCertificate(), credentials.clientKey());
            return new TlsMaterial(keys, trust);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("the TLS material ('ca.crt', 'tls.crt', 'tls.key') cannot be used: "
                    + e.getClass().getSimpleName());
        }
    }

    boolean isDefault() {
        return keyManagers == null && trustManagers == null;
    }

    /** A TLS context with this material, for the provider APIs a repository's credentials come from. */
    public SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trustManagers, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available: " + e.getClass().getSimpleName(), e);
        }
    }

    private static KeyManager[] keyManagers(String certificatePem, String keyPem)
            throws GeneralSecurityException, IOException {
        List<X509Certificate> chain = certificates(certificatePem, "tls.crt");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = new char[0];
        store.setKeyEntry("client", PemKeys.privateKey(keyPem, "tls.key"), password,
                chain.toArray(new Certificate[0]));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        return factory.getKeyManagers();
    }

    private static List<X509Certificate> certificates(String pem, String key) throws CertificateException {
        Collection<? extends Certificate> parsed = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("'" + key + "' contains no certificate");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        parsed.forEach(certificate -> certificates.add((X509Certificate) certificate));
        return certificates;
    }

    /** Trusts a server chain that either the given CAs or the JVM's default CAs vouch for. */
    private static final class ExtraCaTrustManager implements X509TrustManager {
        private final X509TrustManager extra;
        private final X509TrustManager system;

        ExtraCaTrustManager(List<X509Certificate> authorities) throws GeneralSecurityException, IOException {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < authorities.size(); i++) {
                store.setCertificateEntry("ca-" + i, authorities.get(i));
            }
            this.extra = x509(store);
            this.system = x509(null);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                extra.checkServerTrusted(chain, authType);
            } catch (CertificateException notByExtra) {
                system.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client certificates are not checked here");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            List<X509Certificate> all = new ArrayList<>(List.of(extra.getAcceptedIssuers()));
            all.addAll(List.of(system.getAcceptedIssuers()));
            return all.toArray(new X509Certificate[0]);
        }

        private static X509TrustManager x509(KeyStore store) throws GeneralSecurityException {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new GeneralSecurityException("no X.509 trust manager available");
        }
    }
}
