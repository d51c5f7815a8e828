package dev.imageautomation.git;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;

/**
 * Applies one repository's credentials, TLS, proxy and timeout to every JGit transport it opens. All state is
 * per instance; nothing JVM-wide is configured. Closing it releases the SSH client.
 */
final class TransportSetup implements TransportConfigCallback, AutoCloseable {

    private final GitCredentials credentials;
    private final Duration timeout;
    private final ScopedHttpConnectionFactory httpConnections;
    private final SshdSessionFactory sshSessions;

    TransportSetup(GitUrl url, GitCredentials credentials, Path privateDirectory, Duration timeout) {
        credentials.validateFor(url);
        this.credentials = credentials.orFromUrl(url);
        this.timeout = timeout;
        this.httpConnections = url.isHttp() ? new ScopedHttpConnectionFactory(this.credentials) : null;
        this.sshSessions = url.isSsh() ? SshSessionFactories.create(this.credentials, privateDirectory) : null;
    }

    /** Configures a JGit command to use this setup (callback, timeout, credentials). */
    <C extends TransportCommand<C, ?>> C applyTo(C command) {
        return command.setTransportConfigCallback(this).setTimeout(timeoutSeconds());
    }

    @Override
    public void configure(Transport transport) {
        transport.setTimeout(timeoutSeconds());
        if (transport instanceof TransportHttp http) {
            http.setHttpConnectionFactory(httpConnections != null ? httpConnections
                    : new ScopedHttpConnectionFactory(credentials));
            if (credentials.bearerToken() != null) {
                http.setAdditionalHeaders(Map.of("Authorization", "Bearer " + credentials.bearerToken()));
            }
            if (credentials.username() != null) {
                http.setCredentialsProvider(new UsernamePasswordCredentialsProvider(credentials.username(),
                        credentials.password() == null ? "" : credentials.password()));
            }
        } else if (transport instanceof SshTransport ssh && sshSessions != null) {
            ssh.setSshSessionFactory(sshSessions);
        }
    }

    GitCredentials credentials() {
        return credentials;
    }

    private int timeoutSeconds() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
    }

    @Override
    public void close() {
        if (sshSessions != null) {
            sshSessions.close();
        }
    }
}
