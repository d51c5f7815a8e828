package dev.imageautomation.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.eclipse.jgit.api.errors.CanceledException;
import org.eclipse.jgit.api.errors.UnsupportedSigningFormatException;
import org.eclipse.jgit.errors.UnsupportedCredentialItem;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.GpgSignature;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.Signer;
import org.eclipse.jgit.signing.ssh.SshSignerFactory;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;

/**
 * Signs commits in the SSHSIG format ({@code gpg.format=ssh}) with JGit's own SSH signer from
 * {@code org.eclipse.jgit.ssh.apache}. That signer reads the key from a file, so the key is written to an
 * owner-only file in the workspace's private directory just for the signing call and deleted right after.
 */
final class SshCommitSigner implements Signer {

    private final SigningKey.Ssh key;
    private final Path privateDirectory;
    private final Signer delegate = new SshSignerFactory().create();

    SshCommitSigner(SigningKey.Ssh key, Path privateDirectory) {
        this.key = key;
        this.privateDirectory = privateDirectory;
    }

    @Override
    public GpgSignature sign(Repository repository, GpgConfig config, byte[] data, PersonIdent committer,
            String signingKey, CredentialsProvider credentials) throws IOException {
        Path keyFile = Files.createTempFile(privateDirectory, "signing", ".key",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(keyFile, withTrailingNewline(key.privateKey()), StandardCharsets.UTF_8);
            return delegate.sign(repository, config, data, committer, keyFile.toString(),
                    new PassphraseProvider(key.passphrase()));
        } catch (IOException | RuntimeException | CanceledException | UnsupportedSigningFormatException e) {
            // unchecked so that JGit's commit command passes it through instead of wrapping it
            throw new IllegalArgumentException(
                    "SSH signing failed: the signing key 'identity' cannot be used (not a key, or wrong 'password')");
        } finally {
            Files.deleteIfExists(keyFile);
        }
    }

    @Override
    public boolean canLocateSigningKey(Repository repository, GpgConfig config, PersonIdent committer,
            String signingKey, CredentialsProvider credentials) {
        return true;
    }

    private static String withTrailingNewline(String text) {
        return text.endsWith("\n") ? text : text + "\n";
    }

    /** Answers the key-passphrase prompt with the Secret's {@code password}; refuses when there is none. */
    static final class PassphraseProvider extends CredentialsProvider {
        private final String passphrase;

        PassphraseProvider(String passphrase) {
            this.passphrase = passphrase;
        }

        @Override
        public boolean isInteractive() {
            return false;
        }

        @Override
        public boolean supports(CredentialItem... items) {
            for (CredentialItem item : items) {
                if (!(item instanceof CredentialItem.Password || item instanceof CredentialItem.InformationalMessage)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean get(URIish uri, CredentialItem... items) throws UnsupportedCredentialItem {
            if (passphrase == null) {
                return false;
            }
            for (CredentialItem item : items) {
                if (item instanceof CredentialItem.Password password) {
                    password.setValue(passphrase.toCharArray());
                } else if (!(item instanceof CredentialItem.InformationalMessage)) {
                    throw new UnsupportedCredentialItem(uri, item.getPromptText());
                }
            }
            return true;
        }
    }
}
