package dev.imageautomation.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.Test;

class KnownHostsDatabaseTest {

    private static final InetSocketAddress REMOTE = new InetSocketAddress("127.0.0.1", 2222);
    private final PublicKey serverKey = newKey();
    private final PublicKey otherKey = newKey();

    @Test
    void shouldAcceptOnlyTheListedKeyForTheListedHostAndPort() {
        KnownHostsDatabase database = new KnownHostsDatabase("[git.example.test]:2222 " + line(serverKey));
        assertThat(accepts(database, "[git.example.test]:2222", serverKey)).isTrue();
        assertThat(accepts(database, "[git.example.test]:2222", otherKey)).as("another key").isFalse();
        assertThat(accepts(database, "git.example.test", serverKey)).as("another port").isFalse();
        assertThat(accepts(database, "[evil.example.test]:2222", serverKey)).as("another host").isFalse();
        assertThat(database.lookup("[git.example.test]:2222", REMOTE, null)).hasSize(1);
    }

    @Test
    void shouldMatchHashedHostNames() throws GeneralSecurityException {
        KnownHostsDatabase database = new KnownHostsDatabase(hashed("github.example.test") + " " + line(serverKey));
        assertThat(accepts(database, "github.example.test", serverKey)).isTrue();
        assertThat(accepts(database, "gitlab.example.test", serverKey)).isFalse();
    }

    @Test
    void shouldRefuseARevokedKeyEvenWhenItIsAlsoListed() {
        KnownHostsDatabase database = new KnownHostsDatabase("git.example.test " + line(serverKey) + "\n"
                + "@revoked git.example.test " + line(serverKey) + "\n");
        assertThat(accepts(database, "git.example.test", serverKey)).isFalse();
    }

    @Test
    void shouldNotTrustCertificateAuthorityLinesAsHostKeys() {
        KnownHostsDatabase database = new KnownHostsDatabase("@cert-authority git.example.test " + line(serverKey));
        assertThat(accepts(database, "git.example.test", serverKey)).isFalse();
    }

    @Test
    void shouldRejectKnownHostsWithoutAnyEntry() {
        assertThatThrownBy(() -> new KnownHostsDatabase("# only a comment\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no host key");
    }

    private static boolean accepts(KnownHostsDatabase database, String address, PublicKey key) {
        return database.accept(address, REMOTE, key, null, null);
    }

    private static String line(PublicKey key) {
        return PublicKeyEntry.toString(key);
    }

    private static String hashed(String host) throws GeneralSecurityException {
        byte[] salt = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(salt, "HmacSHA1"));
        byte[] hash = mac.doFinal(host.getBytes(StandardCharsets.US_ASCII));
        return "|1|" + Base64.getEncoder().encodeToString(salt) + "|" + Base64.getEncoder().encodeToString(hash);
    }

    private static PublicKey newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair().getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
