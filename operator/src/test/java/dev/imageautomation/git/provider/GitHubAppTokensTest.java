package dev.imageautomation.git.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imageautomation.git.GitCredentials;
import dev.imageautomation.testing.ConnectProxy;
import dev.imageautomation.testing.FakeGitHubApi;
import dev.imageautomation.testing.MutableClock;
import dev.imageautomation.testing.TestCertificates;
import java.nio.file.Files;
import java.security.KeyPair;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Installation tokens from a local HTTPS GitHub API that checks every app JWT with the app's public key. */
class GitHubAppTokensTest {

    private static final long APP_ID = 1234;
    private static final KeyPair APP_KEY = FakeGitHubApi.newAppKey();
    private static TestCertificates tls;

    private final MutableClock clock = new MutableClock("2026-11-25T10:00:00Z");
    private FakeGitHubApi api;
    private GitCredentials connection;

    @BeforeAll
    static void certificates() {
        tls = TestCertificates.temporary();
    }

    @BeforeEach
    void startApi() {
        api = FakeGitHubApi.start(tls, APP_ID, APP_KEY.getPublic(), clock)
                .organizationInstallation("acme", 42).userInstallation("alice", 7);
        connection = GitCredentials.NONE.withCaCertificate(tls.caCertificate());
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    @AfterAll
    static void removeCertificates() {
        tls.delete();
    }

    @Test
    void shouldTradeASignedAppJwtForAnInstallationToken() {
        ProviderToken token = new GitHubAppTokens(clock).installationToken(app(42L, null), connection);

        assertThat(api.issuedTokens()).containsExactly(token.value());
        assertThat(token.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
        assertThat(api.requests()).containsExactly("POST /api/v3/app/installations/42/access_tokens");
        assertThat(token.toString()).doesNotContain(token.value());
    }

    @Test
    void shouldFindTheInstallationByOwnerAsAnOrganizationThenAsAUser() {
        GitHubAppTokens tokens = new GitHubAppTokens(clock);

        tokens.installationToken(app(null, "acme"), connection);
        tokens.installationToken(app(null, "alice"), connection);

        assertThat(api.requests()).containsExactly(
                "GET /api/v3/orgs/acme/installation",
                "POST /api/v3/app/installations/42/access_tokens",
                "GET /api/v3/orgs/alice/installation",
                "GET /api/v3/users/alice/installation",
                "POST /api/v3/app/installations/7/access_tokens");
    }

    @Test
    void shouldSayWhenTheOwnerHasNoInstallation() {
        assertThatThrownBy(() -> new GitHubAppTokens(clock).installationToken(app(null, "nobody"), connection))
                .isInstanceOf(GitProviderException.class)
                .hasMessageContaining("finding the installation on 'nobody' of app 1234")
                .hasMessageContaining("as an organization: HTTP 404 Not Found; as a user: HTTP 404 Not Found");
    }

    @Test
    void shouldReuseATokenForFourFifthsOfItsLifetime() {
        GitHubAppTokens tokens = new GitHubAppTokens(clock);
        ProviderToken first = tokens.installationToken(app(42L, null), connection);

        clock.advance(Duration.ofMinutes(47));
        ProviderToken cached = tokens.installationToken(app(42L, null), connection);
        clock.advance(Duration.ofMinutes(2));
        ProviderToken renewed = tokens.installationToken(app(42L, null), connection);

        assertThat(cached).isEqualTo(first);
        assertThat(renewed).isNotEqualTo(first);
        assertThat(api.issuedTokens()).hasSize(2);
    }

    @Test
    void shouldNeverHandOutACachedTokenForASecretWithAnotherKey() {
        GitHubAppTokens tokens = new GitHubAppTokens(clock);
        tokens.installationToken(app(42L, null), connection);
        GitHubApp impostor = GitHubApp.of(APP_ID, FakeGitHubApi.pem(FakeGitHubApi.newAppKey()), 42L, null,
                api.baseUrl());

        assertThatThrownBy(() -> tokens.installationToken(impostor, connection))
                .isInstanceOf(GitProviderException.class)
                .hasMessageContaining("HTTP 401 A JSON web token could not be decoded");
        assertThat(api.issuedTokens()).hasSize(1);
    }

    @Test
    void shouldReportRefusalsAndOutagesWithoutTheKeyOrAToken() {
        GitHubApp wrongKey = GitHubApp.of(APP_ID, FakeGitHubApi.pem(FakeGitHubApi.newAppKey()), 42L, null,
                api.baseUrl());
        assertThatThrownBy(() -> new GitHubAppTokens(clock).installationToken(wrongKey, connection))
                .hasMessageStartingWith("github: creating a token for installation 42 of app 1234 at "
                        + api.baseUrl() + " failed: HTTP 401")
                .hasMessageNotContaining("PRIVATE KEY").hasMessageNotContaining("Bearer");

        api.failingWith(502);
        assertThatThrownBy(() -> new GitHubAppTokens(clock).installationToken(app(42L, null), connection))
                .hasMessageContaining("HTTP 502 Server Error");

        api.close();
        assertThatThrownBy(() -> new GitHubAppTokens(clock).installationToken(app(42L, null), connection))
                .isInstanceOf(GitProviderException.class)
                .hasMessageContaining("cannot reach the API");
    }

    @Test
    void shouldTrustTheApiOnlyThroughTheSecretsCa() {
        assertThatThrownBy(() -> new GitHubAppTokens(clock).installationToken(app(42L, null), GitCredentials.NONE))
                .isInstanceOf(GitProviderException.class)
                .hasMessageContaining("cannot reach the API (SSLHandshakeException");
        assertThat(api.issuedTokens()).isEmpty();
    }

    @Test
    void shouldCallTheApiThroughTheRepositorysAuthenticatingProxy() throws Exception {
        try (ConnectProxy proxy = ConnectProxy.requiringBasicAuth("proxy-user", "proxy-pass-987")) {
            GitCredentials proxied = connection.withProxy(
                    new GitCredentials.ProxySettings(proxy.address(), "proxy-user", "proxy-pass-987"));

            ProviderToken token = new GitHubAppTokens(clock).installationToken(app(42L, null), proxied);

            assertThat(api.issuedTokens()).containsExactly(token.value());
            assertThat(proxy.tunnels()).containsExactly(api.baseUrl().replaceAll("https://|/api/v3", ""));
        }
    }

    @Test
    void shouldRefuseToGoAroundASocksProxy() {
        GitCredentials socks = connection.withProxy(new GitCredentials.ProxySettings("socks5://127.0.0.1:1080",
                null, null));

        assertThatThrownBy(() -> new GitHubAppTokens(clock).installationToken(app(42L, null), socks))
                .isInstanceOf(GitProviderException.class)
                .hasMessageContaining("cannot be reached through a SOCKS proxy");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void shouldSignAJwtThatStartsAMinuteAgoAndLastsMinutes() throws Exception {
        String jwt = AppJwt.sign(app(42L, null), clock.instant());
        String claims = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);

        long now = clock.instant().getEpochSecond();
        assertThat(claims).isEqualTo("{\"iat\":" + (now - 60) + ",\"exp\":" + (now + 300) + ",\"iss\":\"1234\"}");
    }

    @Test
    void shouldRefuseKeysAndUrlsThatCannotWork() throws Exception {
        assertThatThrownBy(() -> GitHubApp.of(APP_ID, "not a key", 42L, null, null))
                .hasMessage("'githubAppPrivateKey' is not an unencrypted PEM private key");
        String ecKey = Files.readString(tls.directory().resolve("client.key"));
        assertThatThrownBy(() -> GitHubApp.of(APP_ID, ecKey, 42L, null, null))
                .hasMessageContaining("is not an RSA key");
        assertThatThrownBy(() -> GitHubApp.of(APP_ID, FakeGitHubApi.pem(APP_KEY), 42L, null, "ftp://github.example"))
                .hasMessageContaining("'githubAppBaseURL' must be an http(s) URL");
        assertThat(GitHubApp.of(APP_ID, FakeGitHubApi.pem(APP_KEY), 42L, null, " ").apiBase())
                .isEqualTo(GitHubApp.DEFAULT_API);
        assertThat(GitHubApp.of(APP_ID, FakeGitHubApi.pem(APP_KEY), 42L, null, "https://ghe.example/api/v3/")
                .apiBase()).hasToString("https://ghe.example/api/v3");
        assertThat(app(42L, null).toString()).doesNotContain("PRIVATE", "modulus");
    }

    private GitHubApp app(Long installationId, String owner) {
        return GitHubApp.of(APP_ID, FakeGitHubApi.pem(APP_KEY), installationId, owner, api.baseUrl());
    }
}
