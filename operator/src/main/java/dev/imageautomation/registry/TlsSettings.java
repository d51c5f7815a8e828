package dev.imageautomation.registry;

import java.util.Arrays;

/**
 * TLS material from {@code certSecretRef}, as PEM bytes: {@code ca.crt} (added to the system trust, not replacing
 * it) and an optional client certificate pair {@code tls.crt} + {@code tls.key}. Arrays are compared by content so
 * that equal settings share one HTTP client.
 *
 * @param caCertificates PEM certificates to trust besides the system ones, or {@code null}
 * @param clientCertificate PEM client certificate chain, or {@code null}
 * @param clientKey PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC) of the client certificate, or {@code null}
 */
public record TlsSettings(byte[] caCertificates, byte[] clientCertificate, byte[] clientKey) {

    public TlsSettings {
        if ((clientCertificate == null) != (clientKey == null)) {
            throw new IllegalArgumentException("a client certificate needs both tls.crt and tls.key");
        }
        if (caCertificates == null && clientCertificate == null) {
            throw new IllegalArgumentException("TLS settings need ca.crt, or tls.crt and tls.key, or all three");
        }
    }

    public static TlsSettings trusting(byte[] caPem) {
        return new TlsSettings(caPem, null, null);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TlsSettings that
                && Arrays.equals(caCertificates, that.caCertificates)
                && Arrays.equals(clientCertificate, that.clientCertificate)
                && Arrays.equals(clientKey, that.clientKey);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(caCertificates) + Arrays.hashCode(clientCertificate))
                + Arrays.hashCode(clientKey);
    }

    @Override
    public String toString() {
        return "TlsSettings[ca=" + (caCertificates != null) + ", clientCertificate=" + (clientCertificate != null) + "]";
    }
}
