package dev.imageautomation.registry;

import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import dev.imageautomation.registry.StubHttpServer.Response;
import io.netty.handler.ssl.SslContextBuilder;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * An Entra ID token endpoint on 127.0.0.1 over HTTPS (MSAL insists on an https authority) answering every request
 * with access token {@code entra-access-token}. {@link #httpClient()} is an Azure HTTP client that trusts it.
 */
final class LocalEntraId implements AutoCloseable {

    private final SelfSignedTls tls = SelfSignedTls.create();
    private final StubHttpServer server = new StubHttpServer(tls.serverContext()).handler(r -> Response.json(
            "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                    + "\"access_token\":\"entra-access-token\"}"));

    /** The authority host to give Azure Identity's credential builders. */
    String authorityHost() {
        return "https://" + server.hostPort();
    }

    /** What the endpoint received, as {@code <path> <form body>}. */
    List<String> requests() {
        return server.requests().stream().map(r -> r.uri().getPath() + " " + r.body()).toList();
    }

    HttpClient httpClient() {
        var netty = reactor.netty.http.client.HttpClient.create().secure(spec -> {
            try {
                spec.sslContext(SslContextBuilder.forClient().trustManager(tls.certificate()).build());
            } catch (SSLException e) {
                throw new IllegalStateException(e);
            }
        });
        return new NettyAsyncHttpClientBuilder(netty).build();
    }

    @Override
    public void close() {
        server.close();
    }
}
