package dev.imageautomation.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.auth.oauth2.ServiceAccountCredentials;
import dev.imageautomation.registry.StubHttpServer.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real Google Auth Library (service-account JWT grant) against a local OAuth2 token endpoint. */
class GcpCredentialsTest {

    private final StubHttpServer google = new StubHttpServer();

    @AfterEach
    void stop() {
        google.close();
    }

    @Test
    void shouldUseTheAccessTokenAsPasswordOfOauth2accesstokenAfterASignedJwtGrant() throws Exception {
        KeyPair key = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        google.handler(r -> Response.json("{\"access_token\":\"ya29.local-token\",\"expires_in\":3600,"
                + "\"token_type\":\"Bearer\"}"));
        var credentials = ServiceAccountCredentials.newBuilder()
                .setClientEmail("scanner@project.iam.gserviceaccount.com").setPrivateKey(key.getPrivate())
                .setPrivateKeyId("key-1").setScopes(GcpCredentials.SCOPES)
                .setTokenServerUri(URI.create("http://" + google.hostPort() + "/token")).build();
        CredentialProvider provider = GcpCredentials.provider(new GcpCredentials(() -> credentials), Clock.systemUTC());

        RegistryCredentials result = provider.credentialsFor(ImageReference.parse("europe-docker.pkg.dev/p/repo/app"));
        provider.credentialsFor(ImageReference.parse("europe-docker.pkg.dev/p/repo/app"));

        assertThat(result).isEqualTo(RegistryCredentials.basic("oauth2accesstoken", "ya29.local-token"));
        assertThat(google.requests()).hasSize(1);
        String form = URLDecoder.decode(google.requests().get(0).body(), StandardCharsets.UTF_8);
        assertThat(form).contains("grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer");
        assertThat(verifies(form.substring(form.indexOf("assertion=") + "assertion=".length()).split("&")[0], key))
                .isTrue();
    }

    @ParameterizedTest
    @CsvSource({"gcr.io/p/app, true", "eu.gcr.io/p/app, true", "us-central1-docker.pkg.dev/p/r/app, true",
        "docker.s3nsregistry.fr/p/app, true", "ghcr.io/p/app, false", "docker.pkg.dev/p/app, false"})
    void shouldServeOnlyGoogleRegistryHosts(String image, boolean supported) {
        CredentialProvider provider = GcpCredentials.provider(new GcpCredentials(() -> null), Clock.systemUTC());

        assertThat(provider.supports(ImageReference.parse(image))).isEqualTo(supported);
    }

    private static boolean verifies(String jwt, KeyPair key) throws Exception {
        String[] parts = jwt.split("\\.");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key.getPublic());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return rsa.verify(Base64.getUrlDecoder().decode(parts[2]));
    }
}
