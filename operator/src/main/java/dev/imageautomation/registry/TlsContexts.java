package dev.imageautomation.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Builds an {@link SSLContext} from {@link TlsSettings}. PEM keys are read with BouncyCastle because the JDK only
 * reads unencrypted PKCS#8, while Kubernetes TLS secrets often hold PKCS#1 RSA or SEC1 EC keys.
 */
final class TlsContexts {

    private static final char[] NO_PASSWORD = new char[0];

    private TlsContexts() {
    }

    static SSLContext create(TlsSettings settings) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            var keyManagers = settings.clientCertificate() == null ? null : keyManagers(settings);
            var trustManagers = settings.caCertificates() == null ? null : trustManagers(settings.caCertificates());
            context.init(keyManagers, trustManagers, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("TLS settings are unusable: " + e.getClass().getSimpleName(), null);
        }
    }

    private static javax.net.ssl.TrustManager[] trustManagers(byte[] caPem)
            throws GeneralSecurityException, IOException {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        int index = 0;
        for (X509Certificate system : systemIssuers()) {
            trust.setCertificateEntry("system-" + index++, system);
        }
        Collection<? extends Certificate> extra = certificates(caPem, "ca.crt");
        for (Certificate certificate : extra) {
            trust.setCertificateEntry("ca-" + index++, certificate);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        return factory.getTrustManagers();
    }

    private static X509Certificate[] systemIssuers() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (var manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509.getAcceptedIssuers();
            }
        }
        return new X509Certificate[0];
    }

    private static javax.net.ssl.KeyManager[] keyManagers(TlsSettings settings)
            throws GeneralSecurityException, IOException {
        Certificate[] chain = certificates(settings.clientCertificate(), "tls.crt").toArray(Certificate[]::new);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("client", privateKey(settings.clientKey()), NO_PASSWORD, chain);
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, NO_PASSWORD);
        return factory.getKeyManagers();
    }

    private static Collection<? extends Certificate> certificates(byte[] pem, String name)
            throws GeneralSecurityException {
        Collection<? extends Certificate> certificates =
                CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException(name + " holds no PEM certificate");
        }
        return certificates;
    }

    private static PrivateKey privateKey(byte[] pem) throws IOException {
        try (PEMParser parser = new PEMParser(new InputStreamReader(new ByteArrayInputStream(pem),
                StandardCharsets.US_ASCII))) {
            Object parsed = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (parsed instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo()); // SEC1 keys may lack the public half
            }
            if (parsed instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            throw new IllegalArgumentException("tls.key holds no unencrypted PEM private key");
        }
    }
}
