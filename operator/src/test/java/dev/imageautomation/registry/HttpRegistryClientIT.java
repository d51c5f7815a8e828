package dev.imageautomation.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imageautomation.testing.RegistryServer;
import dev.imageautomation.testing.RegistryServer.Mode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client against Debian's real registry, one instance per mode, started once for the class. */
class HttpRegistryClientIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final RegistryCredentials USER = RegistryCredentials.basic(RegistryServer.USERNAME,
            RegistryServer.PASSWORD);

    private static RegistryServer plain;
    private static RegistryServer htpasswd;
    private static RegistryServer tls;
    private static RegistryServer mutualTls;
    private static RegistryServer token;

    @BeforeAll
    static void startRegistries() {
        plain = RegistryServer.start(Mode.PLAIN);
        htpasswd = RegistryServer.start(Mode.HTPASSWD);
        tls = RegistryServer.start(Mode.TLS);
        mutualTls = RegistryServer.start(Mode.MUTUAL_TLS);
        token = RegistryServer.start(Mode.TOKEN);
    }

    @AfterAll
    static void stopRegistries() {
        for (RegistryServer server : new RegistryServer[] {plain, htpasswd, tls, mutualTls, token}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void shouldListEveryPushedTagFromAnAnonymousPlainHttpRegistry() {
        List<String> tags = IntStream.range(0, 300).mapToObj(i -> "1.0." + i).toList();
        plain.pushTags("many/app", tags);

        List<String> listed = client(settings()).listTags(ImageReference.parse(plain.image("many/app")),
                CredentialSource.ANONYMOUS);

        assertThat(listed).containsExactlyInAnyOrderElementsOf(tags);
    }

    @Test
    void shouldAuthenticateWithBasicCredentialsWhenTheRegistryChallengesWithBasic() {
        htpasswd.pushTags("app", "v1", "v2");
        ImageReference image = ImageReference.parse(htpasswd.image("app"));

        assertThat(client(settings()).listTags(image, CredentialSource.fixed(USER))).containsExactlyInAnyOrder("v1", "v2");
    }

    @Test
    void shouldFailWithoutLeakingThePasswordWhenBasicCredentialsAreWrong() {
        htpasswd.pushTags("app", "v1");
        ImageReference image = ImageReference.parse(htpasswd.image("app"));
        CredentialSource wrong = CredentialSource.fixed(RegistryCredentials.basic("testuser", "s3cret-wrong"));

        assertThatThrownBy(() -> client(settings()).listTags(image, wrong))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("401")
                .hasMessageNotContaining("s3cret-wrong");
        assertThatThrownBy(() -> client(settings()).listTags(image, CredentialSource.ANONYMOUS))
                .hasMessageContaining("Basic");
    }

    @Test
    void shouldTrustAPrivateCaFromCertSecretAndRejectTheRegistryWithoutIt() {
        tls.pushTags("secure/app", "1.0.0");
        ImageReference image = ImageReference.parse(tls.image("secure/app"));

        List<String> tags = client(settings().withTls(TlsSettings.trusting(tls.caCertificatePem())))
                .listTags(image, CredentialSource.fixed(USER));

        assertThat(tags).containsExactly("1.0.0");
        assertThatThrownBy(() -> client(settings()).listTags(image, CredentialSource.fixed(USER)))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("SSL");
    }

    @Test
    void shouldPresentTheClientCertificateWhenTheRegistryRequiresMutualTls() {
        mutualTls.pushTags("mtls/app", "2.0.0");
        ImageReference image = ImageReference.parse(mutualTls.image("mtls/app"));
        TlsSettings withClientCertificate = new TlsSettings(mutualTls.caCertificatePem(),
                mutualTls.clientCertificatePem(), mutualTls.clientKeyPem());

        assertThat(client(settings().withTls(withClientCertificate)).listTags(image, CredentialSource.ANONYMOUS))
                .containsExactly("2.0.0");
        assertThatThrownBy(() -> client(settings().withTls(TlsSettings.trusting(mutualTls.caCertificatePem())))
                .listTags(image, CredentialSource.ANONYMOUS)).isInstanceOf(RegistryException.class);
    }

    @Test
    void shouldFetchABearerTokenOnceAndReuseItUntilItExpires() {
        token.pushTags("tokened/app", "a", "b");
        ImageReference image = ImageReference.parse(token.image("tokened/app"));
        RegistryClient client = client(settings());
        int before = token.tokenServer().tokensIssued();

        assertThat(client.listTags(image, CredentialSource.fixed(USER))).containsExactlyInAnyOrder("a", "b");
        assertThat(client.listTags(image, CredentialSource.fixed(USER))).containsExactlyInAnyOrder("a", "b");

        assertThat(token.tokenServer().tokensIssued() - before).isEqualTo(1);
    }

    @Test
    void shouldPullAnonymouslyAndWithAnIdentityTokenFromATokenRegistry() {
        token.pushTags("open/app", "x");
        ImageReference image = ImageReference.parse(token.image("open/app"));
        CredentialSource identity = CredentialSource.fixed(
                new RegistryCredentials.IdentityToken(RegistryServer.IDENTITY_TOKEN));

        assertThat(client(settings()).listTags(image, CredentialSource.ANONYMOUS)).containsExactly("x");
        assertThat(client(settings()).listTags(image, identity)).containsExactly("x");
    }

    @Test
    void shouldResolveTheIndexDigestOfAMultiArchImageAndTheManifestDigestOfASingleOne() {
        String single = htpasswd.pushTags("digests/app", "single");
        String index = htpasswd.pushIndex("digests/app", "multi");
        ImageReference image = ImageReference.parse(htpasswd.image("digests/app"));
        RegistryClient client = client(settings());

        assertThat(client.fetchDigest(image, "single", CredentialSource.fixed(USER))).isEqualTo(single);
        assertThat(client.fetchDigest(image, "multi", CredentialSource.fixed(USER))).isEqualTo(index);
    }

    @Test
    void shouldReportAMissingRepositoryAsNotFound() {
        ImageReference image = ImageReference.parse(plain.image("does/not-exist"));

        assertThatThrownBy(() -> client(settings()).listTags(image, CredentialSource.ANONYMOUS))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("404")
                .hasMessageContaining("NAME_UNKNOWN");
    }

    private static ConnectionSettings settings() {
        return ConnectionSettings.defaults(TIMEOUT);
    }

    private static RegistryClient client(ConnectionSettings settings) {
        return new HttpRegistryClient(settings, new BearerTokenCache(Clock.systemUTC()), RetryPolicy.DEFAULT,
                Sleeper.SYSTEM, Clock.systemUTC());
    }
}
