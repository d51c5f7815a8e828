package dev.imageautomation.git;

import java.io.IOException;
import java.io.StringReader;
import java.security.PrivateKey;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Unencrypted PEM private keys as Secrets hold them: PKCS#8 ({@code BEGIN PRIVATE KEY}) and the PKCS#1/SEC1 forms
 * ({@code BEGIN RSA PRIVATE KEY}, {@code BEGIN EC PRIVATE KEY}) that GitHub and openssl write, which the JDK alone
 * cannot read (hence BouncyCastle).
 */
public final class PemKeys {

    private PemKeys() {
    }

    /**
     * @param secretKey the Secret key the PEM came from, for the message
     * @throws IllegalArgumentException naming {@code secretKey}, never the key material
     */
    public static PrivateKey privateKey(String pem, String secretKey) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object parsed = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (parsed instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            if (parsed instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("'" + secretKey + "' is not an unencrypted PEM private key", null);
        }
        throw new IllegalArgumentException("'" + secretKey + "' is not an unencrypted PEM private key");
    }
}
