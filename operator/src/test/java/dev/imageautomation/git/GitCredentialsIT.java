package dev.imageautomation.git;

import static dev.imageautomation.testing.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imageautomation.testing.ConnectProxy;
import dev.imageautomation.testing.GitServers;
import dev.imageautomation.testing.StartedGitServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every credential kind of a GitRepository Secret against real servers: clone and push work with the right
 * credentials; wrong ones fail with a clear message that never contains a secret.
 */
class GitCredentialsIT {

    private static final AtomicInteger REPOSITORIES = new AtomicInteger();
    @StartedGitServers
    private static GitServers servers;

    @TempDir
    Path storage;


    @Test
    void shouldCloneAndPushOverHttpWithBasicAuth() throws IOException {
        String name = newRepository();
        assertRoundTrip(name, servers.httpUrl(name),
                GitCredentials.basicAuth(servers.httpUser(), servers.httpPassword()));
    }

    @Test
    void shouldFailWithoutTheSecretWhenTheBasicAuthPasswordIsWrong() {
        String name = newRepository();
        GitCredentials wrong = GitCredentials.basicAuth(servers.httpUser(), "wrong-password-123");
        assertFailsWithoutSecrets(servers.httpUrl(name), wrong, "not authorized", "wrong-password-123");
    }

    @Test
    void shouldTrustTheRepositoryCaForHttps() throws IOException {
        String name = newRepository();
        assertRoundTrip(name, servers.httpsUrl(name), GitCredentials
                .basicAuth(servers.httpUser(), servers.httpPassword()).withCaCertificate(servers.caCertificate()));
    }

    @Test
    void shouldRefuseAnHttpsServerWhoseCaIsNotTrusted() {
        String name = newRepository();
        GitCredentials noCa = GitCredentials.basicAuth(servers.httpUser(), servers.httpPassword());
        assertFailsWithoutSecrets(servers.httpsUrl(name), noCa, "certification path", servers.httpPassword());
    }

    @Test
    void shouldPresentTheClientCertificateForMutualTls() throws IOException {
        String name = newRepository();
        GitCredentials credentials = GitCredentials.basicAuth(servers.httpUser(), servers.httpPassword())
                .withCaCertificate(servers.caCertificate())
                .withClientCertificate(servers.clientCertificate(), servers.clientKey());
        assertRoundTrip(name, servers.mutualTlsUrl(name), credentials);
    }

    @Test
    void shouldFailMutualTlsWithoutAClientCertificate() {
        String name = newRepository();
        GitCredentials credentials = GitCredentials.basicAuth(servers.httpUser(), servers.httpPassword())
                .withCaCertificate(servers.caCertificate());
        assertThatThrownBy(() -> open(servers.mutualTlsUrl(name), credentials).close())
                .isInstanceOf(GitException.class);
    }

    @Test
    void shouldSendTheBearerToken() throws IOException {
        String name = newRepository();
        assertRoundTrip(name, servers.bearerUrl(name),
                GitCredentials.bearer(servers.bearerToken()).withCaCertificate(servers.caCertificate()));
    }

    @Test
    void shouldFailWithoutTheSecretWhenTheBearerTokenIsWrong() {
        String name = newRepository();
        GitCredentials wrong = GitCredentials.bearer("wrong-token-456").withCaCertificate(servers.caCertificate());
        assertFailsWithoutSecrets(servers.bearerUrl(name), wrong, "not permitted", "wrong-token-456");
    }

    @Test
    void shouldCloneAndPushOverSshWithAKnownHost() throws IOException {
        String name = newRepository();
        assertRoundTrip(name, servers.sshUrl(name),
                GitCredentials.ssh(servers.sshIdentity(), null, servers.sshKnownHosts()));
    }

    @Test
    void shouldRejectAnSshServerWhoseHostKeyIsNotInKnownHosts() {
        String name = newRepository();
        GitCredentials impostor = GitCredentials.ssh(servers.sshIdentity(), null, servers.sshKnownHostsWithWrongKey());
        assertThatThrownBy(() -> open(servers.sshUrl(name), impostor).close())
                .isInstanceOf(GitException.class)
                .hasMessageContaining("127.0.0.1");
        String otherHost = "[127.0.0.2]:22 " + servers.sshKnownHosts().split(" ", 2)[1];
        assertThatThrownBy(() -> open(servers.sshUrl(name),
                GitCredentials.ssh(servers.sshIdentity(), null, otherHost)).close())
                .as("a key listed for another host does not vouch for this one")
                .isInstanceOf(GitException.class);
    }

    @Test
    void shouldUseAPassphraseProtectedIdentity(@TempDir Path keys) throws IOException {
        String name = newRepository();
        Path key = GitServers.generateSshKey(keys, "protected", "key-passphrase-789");
        servers.authorizeSshKey(Files.readString(Path.of(key + ".pub")));
        String identity = Files.readString(key);
        assertRoundTrip(name, servers.sshUrl(name),
                GitCredentials.ssh(identity, "key-passphrase-789", servers.sshKnownHosts()));

        assertThatThrownBy(() -> open(servers.sshUrl(name),
                GitCredentials.ssh(identity, "not-the-passphrase", servers.sshKnownHosts())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'password'")
                .hasMessageNotContaining("not-the-passphrase");
    }

    @Test
    void shouldFailClearlyWhenTheSshKeyIsNotAuthorized(@TempDir Path keys) throws IOException {
        String name = newRepository();
        String stranger = Files.readString(GitServers.generateSshKey(keys, "stranger", ""));
        GitCredentials credentials = GitCredentials.ssh(stranger, null, servers.sshKnownHosts());
        assertThatThrownBy(() -> open(servers.sshUrl(name), credentials).close())
                .isInstanceOf(GitException.class)
                .hasMessageContaining("fetching main from")
                .hasMessageNotContaining("PRIVATE KEY");
    }

    @Test
    void shouldReachAnHttpsRepositoryThroughTheProxy() throws IOException {
        String name = newRepository();
        try (ConnectProxy proxy = ConnectProxy.open()) {
            assertRoundTrip(name, servers.httpsUrl(name), GitCredentials
                    .basicAuth(servers.httpUser(), servers.httpPassword()).withCaCertificate(servers.caCertificate())
                    .withProxy(new GitCredentials.ProxySettings(proxy.address(), null, null)));
            assertThat(proxy.tunnels()).isNotEmpty().allMatch(target -> target.startsWith("127.0.0.1:"));
        }
    }

    @Test
    void shouldReachAnSshRepositoryThroughAnAuthenticatingProxy() throws IOException {
        String name = newRepository();
        try (ConnectProxy proxy = ConnectProxy.requiringBasicAuth("proxy-user", "proxy-pass-321")) {
            GitCredentials credentials = GitCredentials.ssh(servers.sshIdentity(), null, servers.sshKnownHosts());
            assertRoundTrip(name, servers.sshUrl(name), credentials.withProxy(
                    new GitCredentials.ProxySettings(proxy.address(), "proxy-user", "proxy-pass-321")));
            assertThat(proxy.tunnels()).isNotEmpty();

            GitCredentials wrongProxyPassword = credentials.withProxy(
                    new GitCredentials.ProxySettings(proxy.address(), "proxy-user", "wrong-proxy-pass"));
            assertThatThrownBy(() -> open(servers.sshUrl(name), wrongProxyPassword).close())
                    .isInstanceOf(GitException.class)
                    .satisfies(failure -> assertThat(stackTraceOf(failure)).doesNotContain("wrong-proxy-pass"));
        }
    }

    @Test
    void shouldRequireAnIdentityAndKnownHostsForSshUrls() {
        String name = newRepository();
        assertThatThrownBy(() -> open(servers.sshUrl(name), GitCredentials.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'identity' is required");
        assertThatThrownBy(() -> open(servers.sshUrl(name), GitCredentials.ssh(servers.sshIdentity(), null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'known_hosts' is required");
    }

    private void assertRoundTrip(String name, String url, GitCredentials credentials) throws IOException {
        try (GitWorkspace workspace = open(url, credentials)) {
            PushResult result = workspace.commitAndPush(new FileEdit("deploy.yaml", "image: app:v2\n", "bump"),
                    new CommitRequest("fluxbot", "fluxbot@example.test"), PushRequest.TO_CHECKOUT_BRANCH);
            assertThat(result.pushed()).isTrue();
            assertThat(GitWorkspaceIT.head(servers.bareRepository(name), "main")).isEqualTo(result.commitSha());
        }
        assertThat(git(servers.bareRepository(name), "show", "main:deploy.yaml")).isEqualTo("image: app:v2\n");
    }

    private void assertFailsWithoutSecrets(String url, GitCredentials credentials, String expected, String secret) {
        assertThatThrownBy(() -> open(url, credentials).close())
                .isInstanceOf(GitException.class)
                .hasMessageContaining(expected)
                .satisfies(failure -> assertThat(stackTraceOf(failure))
                        .doesNotContain(secret)
                        .doesNotContain(servers.httpPassword())
                        .doesNotContain(servers.bearerToken()));
    }

    private GitWorkspace open(String url, GitCredentials credentials) {
        return new GitWorkspaces(storage).open(new GitSource(url, CheckoutRef.ofBranch("main")), credentials);
    }

    private static String newRepository() {
        String name = "creds-" + REPOSITORIES.incrementAndGet();
        servers.createRepository(name, Map.of("deploy.yaml", "image: app:v1\n"));
        return name;
    }

    private static String stackTraceOf(Throwable failure) {
        java.io.StringWriter text = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }
}
