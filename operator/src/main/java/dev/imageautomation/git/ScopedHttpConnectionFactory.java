package dev.imageautomation.git;

import java.io.IOException;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.security.GeneralSecurityException;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.HttpConnectionFactory;
import org.eclipse.jgit.transport.http.JDKHttpConnectionFactory;

/**
 * JGit HTTP connections for one repository: its own TLS trust and client certificate, and its own proxy with its
 * own proxy credentials. Set on each {@code TransportHttp} through a transport callback, so nothing JVM-wide
 * (default trust store, default {@code Authenticator}, default {@code ProxySelector}) is changed.
 */
final class ScopedHttpConnectionFactory implements HttpConnectionFactory {

    private final JDKHttpConnectionFactory jdk = new JDKHttpConnectionFactory();
    private final TlsMaterial tls;
    private final Proxy proxy;
    private final Authenticator proxyAuthenticator;

    ScopedHttpConnectionFactory(GitCredentials credentials) {
        this.tls = TlsMaterial.from(credentials);
        this.proxy = ProxyAddresses.toProxy(credentials.proxy());
        this.proxyAuthenticator = proxyAuthenticator(credentials.proxy());
    }

    @Override
    public HttpConnection create(URL url) throws IOException {
        return create(url, null);
    }

    @Override
    public HttpConnection create(URL url, Proxy jgitProxy) throws IOException {
        Proxy chosen = proxy != null ? proxy : jgitProxy;
        URL target = proxyAuthenticator == null ? url : new URL(null, url.toExternalForm(), new AuthenticatingHandler());
        HttpConnection connection = chosen == null ? jdk.create(target) : jdk.create(target, chosen);
        if (!tls.isDefault() && "https".equalsIgnoreCase(url.getProtocol())) {
            try {
                connection.configure(tls.keyManagers(), tls.trustManagers(), null);
            } catch (GeneralSecurityException e) {
                throw new IOException("TLS setup failed: " + e.getClass().getSimpleName(), e);
            }
        }
        return connection;
    }

    private static Authenticator proxyAuthenticator(GitCredentials.ProxySettings settings) {
        if (settings == null || settings.username() == null) {
            return null;
        }
        PasswordAuthentication credentials = new PasswordAuthentication(settings.username(),
                settings.password() == null ? new char[0] : settings.password().toCharArray());
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return getRequestorType() == RequestorType.PROXY ? credentials : null;
            }
        };
    }

    /**
     * Opens the JDK connection and gives it this repository's proxy authenticator, which {@code HttpURLConnection}
     * supports per connection but JGit's wrapper does not expose.
     */
    private final class AuthenticatingHandler extends URLStreamHandler {
        @Override
        protected URLConnection openConnection(URL url) throws IOException {
            return authenticate(new URL(url.toExternalForm()).openConnection());
        }

        @Override
        protected URLConnection openConnection(URL url, Proxy connectionProxy) throws IOException {
            return authenticate(new URL(url.toExternalForm()).openConnection(connectionProxy));
        }

        private URLConnection authenticate(URLConnection connection) {
            if (connection instanceof HttpURLConnection http) {
                http.setAuthenticator(proxyAuthenticator);
            }
            return connection;
        }
    }
}
