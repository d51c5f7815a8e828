package dev.imageautomation.git;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Collection;
import java.util.List;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * Builds a JGit SSH session factory (Apache MINA sshd) for one repository's credentials: the identity is parsed
 * in memory, host keys come only from the Secret's known_hosts, and nothing is read from {@code ~/.ssh}, the
 * ssh config or an agent; the home and ssh directories point at an empty private directory.
 */
final class SshSessionFactories {

    private SshSessionFactories() {
    }

    static SshdSessionFactory create(GitCredentials credentials, Path privateDirectory) {
        List<KeyPair> identity = loadIdentity(credentials);
        KnownHostsDatabase knownHosts = new KnownHostsDatabase(credentials.knownHosts());
        ProxyAddresses.toProxy(credentials.proxy()); // validates the address before any connection
        Path sshDirectory = privateDirectory.resolve("ssh");
        return new SshdSessionFactoryBuilder()
                .setHomeDirectory(privateDirectory.toFile())
                .setSshDirectory(sshDirectory.toFile())
                .setConfigStoreFactory((home, configFile, localUser) -> null)
                .setDefaultIdentities(directory -> List.of())
                .setDefaultKnownHostsFiles(directory -> List.of())
                .setDefaultKeysProvider(directory -> identity)
                .setServerKeyDatabase((home, directory) -> knownHosts)
                .setPreferredAuthentications("publickey")
                .setProxyDataFactory((InetSocketAddress address) -> ProxyAddresses.sshProxy(credentials.proxy()))
                .build(null);
    }

    private static List<KeyPair> loadIdentity(GitCredentials credentials) {
        FilePasswordProvider passphrase = credentials.sshPassphrase() == null
                ? FilePasswordProvider.EMPTY : FilePasswordProvider.of(credentials.sshPassphrase());
        try {
            Collection<KeyPair> keys = SecurityUtils.getKeyPairResourceParser().loadKeyPairs(
                    null, NamedResource.ofName("identity"), passphrase, credentials.sshIdentity());
            if (keys == null || keys.isEmpty()) {
                throw new IllegalArgumentException("'identity' contains no private key");
            }
            return List.copyOf(keys);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (e instanceof IllegalArgumentException known && known.getMessage().startsWith("'identity'")) {
                throw known;
            }
            throw new IllegalArgumentException(
                    "'identity' cannot be loaded: not a private key, or the 'password' (passphrase) is wrong or missing");
        }
    }
}
