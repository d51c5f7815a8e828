package dev.imageautomation.git;

import static dev.imageautomation.testing.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imageautomation.testing.GitCli;
import dev.imageautomation.testing.GitServers;
import dev.imageautomation.testing.StartedGitServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Signed commits that the real {@code git verify-commit} accepts: OpenPGP keys made by gpg, SSH keys by ssh-keygen. */
class GitSigningIT {

    private static final String EMAIL = "fluxbot@example.test";
    private static final AtomicInteger REPOSITORIES = new AtomicInteger();
    @StartedGitServers
    private static GitServers servers;

    @TempDir
    Path storage;
    @TempDir
    Path keys;


    @AfterEach
    void stopGpgAgent() {
        if (Files.isDirectory(keys.resolve("gnupg"))) {
            GitCli.exec(keys, gnupgHome(), List.of("gpgconf", "--kill", "gpg-agent"));
        }
    }

    @ParameterizedTest(name = "{0} key, passphrase ''{1}''")
    @CsvSource({"ed25519, gpg-passphrase-1", "rsa2048, gpg-passphrase-2", "ed25519, ''"})
    void shouldSignCommitsWithAnOpenPgpKeyThatGitVerifies(String algorithm, String passphrase) throws IOException {
        String armoredKey = generateGpgKey(algorithm, passphrase);
        String sha = pushSigned(new SigningKey.OpenPgp(armoredKey, passphrase.isEmpty() ? null : passphrase));

        GitCli.Result verification = GitCli.tryGit(bare(), gnupgHome(), "verify-commit", "--raw", sha);
        assertThat(verification.exitCode()).as(verification.output()).isZero();
        assertThat(verification.output()).contains("GOODSIG");
    }

    @ParameterizedTest(name = "passphrase ''{0}''")
    @CsvSource({"ssh-passphrase-1", "''"})
    void shouldSignCommitsWithAnSshKeyThatGitVerifies(String passphrase) throws IOException {
        Path key = GitServers.generateSshKey(keys, "signing", passphrase);
        Path allowedSigners = keys.resolve("allowed_signers");
        Files.writeString(allowedSigners, EMAIL + " namespaces=\"git\" " + Files.readString(Path.of(key + ".pub")));
        String sha = pushSigned(new SigningKey.Ssh(Files.readString(key), passphrase.isEmpty() ? null : passphrase));

        GitCli.Result verification = GitCli.tryGit(bare(), Map.of(), "-c",
                "gpg.ssh.allowedSignersFile=" + allowedSigners, "verify-commit", sha);
        assertThat(verification.exitCode()).as(verification.output()).isZero();
        assertThat(verification.output()).contains("Good \"git\" signature for " + EMAIL);
    }

    @Test
    void shouldRefuseAWrongOpenPgpPassphraseWithoutRevealingIt() {
        String armoredKey = generateGpgKey("ed25519", "right-passphrase");
        assertThatThrownBy(() -> pushSigned(new SigningKey.OpenPgp(armoredKey, "wrong-passphrase")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'passphrase' is wrong")
                .hasMessageNotContaining("wrong-passphrase");
    }

    @Test
    void shouldFailWithoutRevealingTheSshPassphraseWhenItIsWrong() throws IOException {
        Path key = GitServers.generateSshKey(keys, "signing", "right-passphrase");
        SigningKey.Ssh wrong = new SigningKey.Ssh(Files.readString(key), "wrong-passphrase");
        assertThatThrownBy(() -> pushSigned(wrong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SSH signing failed")
                .hasMessageNotContaining("wrong-passphrase");
        assertThat(git(bare(), "log", "--format=%s", "main")).isEqualTo("initial\n");
    }

    private String pushSigned(SigningKey key) throws IOException {
        String name = "signed-" + REPOSITORIES.incrementAndGet();
        servers.createRepository(name, Map.of("deploy.yaml", "image: app:v1\n"));
        try (GitWorkspace workspace = new GitWorkspaces(storage).open(
                new GitSource(servers.daemonUrl(name), CheckoutRef.ofBranch("main")), GitCredentials.NONE)) {
            return workspace.commitAndPush(new FileEdit("deploy.yaml", "image: app:v2\n", "signed bump"),
                    new CommitRequest("fluxbot", EMAIL, key), PushRequest.TO_CHECKOUT_BRANCH).commitSha();
        }
    }

    private Path bare() {
        return servers.bareRepository("signed-" + REPOSITORIES.get());
    }

    private String generateGpgKey(String algorithm, String passphrase) {
        Map<String, String> env = gnupgHome();
        try {
            Files.createDirectories(keys.resolve("gnupg"), java.nio.file.attribute.PosixFilePermissions
                    .asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        GitCli.run(keys, env, List.of("gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", passphrase,
                "--quick-gen-key", "Flux Bot <" + EMAIL + ">", algorithm, "sign", "never"));
        return GitCli.run(keys, env, List.of("gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase",
                passphrase, "--armor", "--export-secret-keys", EMAIL));
    }

    private Map<String, String> gnupgHome() {
        return Map.of("GNUPGHOME", keys.resolve("gnupg").toString());
    }
}
