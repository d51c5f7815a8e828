package dev.imageautomation.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

class TlsContextsTest {

    @Test
    void shouldAcceptAnEcClientKeyInSec1FormatAsKubernetesTlsSecretsOftenHoldIt() throws Exception {
        // BouncyCastle writes SEC1 with the curve named inside, as openssl does
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC",
                new org.bouncycastle.jce.provider.BouncyCastleProvider());
        generator.initialize(256);
        KeyPair key = generator.generateKeyPair();
        String keyPem = pem(key.getPrivate());
        String certPem = pem(selfSigned(key));

        assertThat(keyPem).startsWith("-----BEGIN EC PRIVATE KEY-----");
        assertThat(TlsContexts.create(new TlsSettings(certPem.getBytes(StandardCharsets.US_ASCII),
                certPem.getBytes(StandardCharsets.US_ASCII), keyPem.getBytes(StandardCharsets.US_ASCII))))
                .isNotNull();
    }

    @Test
    void shouldRejectGarbageWithoutEchoingIt() {
        byte[] garbage = "-----BEGIN PRIVATE KEY-----\nbm90LWEta2V5LXNlY3JldA==\n-----END PRIVATE KEY-----\n"
                .getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> TlsContexts.create(new TlsSettings(null, garbage, garbage)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("bm90LWEta2V5LXNlY3JldA");
    }

    @Test
    void shouldRequireBothHalvesOfAClientCertificate() {
        assertThatThrownBy(() -> new TlsSettings(null, new byte[] {1}, null)).hasMessageContaining("both");
    }

    private static String pem(Object value) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(value);
        }
        return out.toString();
    }

    private static java.security.cert.X509Certificate selfSigned(KeyPair key) throws Exception {
        X500Name name = new X500Name("CN=client");
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.TEN, new Date(), new Date(
                System.currentTimeMillis() + 86_400_000L), name, key.getPublic());
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
    }
}
