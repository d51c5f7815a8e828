package dev.imageautomation.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GitCredentialsTest {

    private static final GitUrl HTTPS = GitUrl.parse("https://git.example.test/app.git");
    private static final GitUrl SSH = GitUrl.parse("ssh://git.example.test/app.git");

    @Test
    void shouldNeverShowSecretsInToString() {
        GitCredentials credentials = new GitCredentials("user", "pass-secret", null, "ca", "crt", "key-secret",
                "identity-secret", "phrase-secret", "known", new GitCredentials.ProxySettings(
                        "http://proxy:3128", "proxy-user", "proxy-secret"));
        assertThat(credentials.toString())
                .doesNotContain("pass-secret", "key-secret", "identity-secret", "phrase-secret", "proxy-secret")
                .contains("basicAuth", "sshIdentity", "proxy");
        assertThat(new SigningKey.OpenPgp("armored-secret", "pp-secret").toString()).doesNotContain("secret");
        assertThat(new SigningKey.Ssh("key-secret", "pp-secret").toString()).doesNotContain("secret");
    }

    @Test
    void shouldRedactEverySecretValueFromMessages() {
        GitCredentials credentials = GitCredentials.bearer("token-123456");
        assertThat(credentials.redact("Authorization: Bearer token-123456 refused")).isEqualTo(
                "Authorization: Bearer *** refused");
        assertThat(GitException.of("push failed", new RuntimeException("saw token-123456"), credentials))
                .hasMessage("push failed: saw ***")
                .hasNoCause();
    }

    @Test
    void shouldApplyFluxRulesPerScheme() {
        assertThatThrownBy(() -> GitCredentials.NONE.validateFor(SSH)).hasMessageContaining("'identity' is required");
        assertThatThrownBy(() -> GitCredentials.ssh("id", null, null).validateFor(SSH))
                .hasMessageContaining("'known_hosts' is required");
        assertThatCode(() -> GitCredentials.basicAuth("u", "p").validateFor(HTTPS)).doesNotThrowAnyException();
        assertThatThrownBy(() -> new GitCredentials("u", "p", "t", null, null, null, null, null, null, null)
                .validateFor(HTTPS)).hasMessageContaining("cannot be used together");
        assertThatThrownBy(() -> GitCredentials.basicAuth(null, "p").validateFor(HTTPS))
                .hasMessageContaining("'username' is missing");
        assertThatThrownBy(() -> GitCredentials.NONE.withClientCertificate("crt", null).validateFor(HTTPS))
                .hasMessageContaining("'tls.crt' and 'tls.key'");
        assertThatCode(() -> GitCredentials.NONE.validateFor(HTTPS)).doesNotThrowAnyException();
    }

    @Test
    void shouldUseCredentialsFromTheUrlOnlyWhenTheSecretHasNone() {
        GitUrl withPassword = GitUrl.parse("https://bot:hunter2@host/app.git");
        assertThat(GitCredentials.NONE.orFromUrl(withPassword).password()).isEqualTo("hunter2");
        assertThat(GitCredentials.basicAuth("secret-user", "secret-pass").orFromUrl(withPassword).username())
                .isEqualTo("secret-user");
        assertThat(GitCredentials.bearer("token").orFromUrl(withPassword).username()).isNull();
    }

    @Test
    void shouldDefaultTheSshUserToGitAndHideUrlPasswords() {
        assertThat(SSH.forTransport()).isEqualTo("ssh://git@git.example.test/app.git");
        assertThat(GitUrl.parse("ssh://deploy@host:2222/app.git").forTransport())
                .isEqualTo("ssh://deploy@host:2222/app.git");
        assertThat(GitUrl.parse("https://user:hunter2@host/app.git").toString()).doesNotContain("hunter2");
        assertThat(GitUrl.parse("https://user:hunter2@host/app.git").forTransport()).doesNotContain("hunter2");
        assertThat(GitUrl.parse("https://user:hunter2@host/app.git").withoutUserInfo())
                .isEqualTo("https://host/app.git");
        assertThat(GitUrl.parse("git@github.com:org/app.git").isSsh()).isTrue();
        assertThatThrownBy(() -> GitUrl.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
