package dev.imageautomation.git;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;

/**
 * Host-key verification against the Secret's {@code known_hosts} only: the server's key must be listed for the
 * host (plain or hashed entries, {@code [host]:port} form for other ports), {@code @revoked} keys are refused,
 * and unknown keys are never accepted or remembered, whatever ssh configuration says. {@code @cert-authority}
 * lines are ignored, as Flux's known_hosts handling ignores them.
 */
final class KnownHostsDatabase implements ServerKeyDatabase {

    private static final String REVOKED = "revoked";

    private final List<KnownHostEntry> entries;

    KnownHostsDatabase(String knownHosts) {
        try {
            this.entries = KnownHostEntry.readKnownHostEntries(new BufferedReader(new StringReader(knownHosts)));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("'known_hosts' cannot be parsed");
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("'known_hosts' contains no host key");
        }
    }

    @Override
    public List<PublicKey> lookup(String connectAddress, InetSocketAddress remoteAddress, Configuration config) {
        List<PublicKey> keys = new ArrayList<>();
        for (KnownHostEntry entry : matching(connectAddress, remoteAddress)) {
            if (entry.getMarker() == null) {
                PublicKey key = keyOf(entry);
                if (key != null) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    @Override
    public boolean accept(String connectAddress, InetSocketAddress remoteAddress, PublicKey serverKey,
            Configuration config, CredentialsProvider provider) {
        boolean known = false;
        for (KnownHostEntry entry : matching(connectAddress, remoteAddress)) {
            if (!KeyUtils.compareKeys(keyOf(entry), serverKey)) {
                continue;
            }
            if (isRevoked(entry)) {
                return false;
            }
            known |= entry.getMarker() == null;
        }
        return known;
    }

    private List<KnownHostEntry> matching(String connectAddress, InetSocketAddress remoteAddress) {
        HostPort target = HostPort.parse(connectAddress, remoteAddress);
        return entries.stream().filter(entry -> entry.isHostMatch(target.host(), target.port())).toList();
    }

    /** sshd keeps the marker with or without its {@code @}, depending on the version. */
    private static boolean isRevoked(KnownHostEntry entry) {
        String marker = entry.getMarker();
        return marker != null && REVOKED.equals(marker.startsWith("@") ? marker.substring(1) : marker);
    }

    private static PublicKey keyOf(KnownHostEntry entry) {
        try {
            return entry.getKeyEntry() == null ? null
                    : entry.getKeyEntry().resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            return null;
        }
    }

    /** JGit passes {@code host} for port 22 and {@code [host]:port} otherwise. */
    private record HostPort(String host, int port) {
        static HostPort parse(String connectAddress, InetSocketAddress remoteAddress) {
            if (connectAddress != null && connectAddress.startsWith("[")) {
                int close = connectAddress.indexOf(']');
                int colon = connectAddress.indexOf(':', close);
                int port = colon > 0 ? Integer.parseInt(connectAddress.substring(colon + 1)) : 22;
                return new HostPort(connectAddress.substring(1, close), port);
            }
            if (connectAddress != null && !connectAddress.isEmpty()) {
                return new HostPort(connectAddress, 22);
            }
            return new HostPort(remoteAddress.getHostString(), remoteAddress.getPort());
        }
    }
}
