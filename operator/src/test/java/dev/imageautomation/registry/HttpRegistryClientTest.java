package dev.imageautomation.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imageautomation.registry.StubHttpServer.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Failure modes and protocol details against a scripted local HTTP server. */
class HttpRegistryClientTest {

    private final StubHttpServer stub = new StubHttpServer();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void shouldFollowRelativeLinkHeadersAcrossPagesAndAskForAThousandTagsPerPage() {
        stub.handler(r -> switch (r.uri().getPath()) {
            case "/v2/" -> Response.json("{}");
            default -> page(r.uri().getQuery());
        });

        List<String> tags = client().listTags(image("team/app"), CredentialSource.ANONYMOUS);

        assertThat(tags).containsExactly("a", "b", "c", "d", "e");
        assertThat(stub.requestsTo("/v2/team/app/tags/list").get(0).uri().getQuery()).isEqualTo("n=1000");
        assertThat(stub.requestsTo("/v2/team/app/tags/list")).hasSize(3);
    }

    @Test
    void shouldRefuseANextPageOnAnotherServerSoCredentialsStayWithTheRegistry() {
        stub.handler(r -> r.uri().getPath().equals("/v2/") ? Response.json("{}")
                : Response.json("{\"tags\":[\"a\"]}").withHeader("Link", "<http://evil.example/v2/x?n=1>; rel=\"next\""));

        assertThatThrownBy(() -> client().listTags(image("app"), CredentialSource.ANONYMOUS))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("another server");
    }

    @Test
    void shouldFailInsteadOfLoopingWhenTheNextPageRepeats() {
        stub.handler(r -> r.uri().getPath().equals("/v2/") ? Response.json("{}")
                : Response.json("{\"tags\":[\"a\"]}").withHeader("Link", "</v2/app/tags/list?n=1000>; rel=\"next\""));

        assertThatThrownBy(() -> client().listTags(image("app"), CredentialSource.ANONYMOUS))
                .hasMessageContaining("loop");
    }

    @Test
    void shouldWaitAsLongAsRetryAfterSaysWhenRateLimitedAndThenSucceed() {
        AtomicInteger calls = new AtomicInteger();
        stub.handler(r -> {
            if (r.uri().getPath().equals("/v2/")) {
                return Response.json("{}");
            }
            return calls.incrementAndGet() == 1 ? Response.status(429, Map.of("Retry-After", "7"))
                    : Response.json("{\"tags\":[\"v1\"]}");
        });

        assertThat(client(Duration.ofSeconds(30)).listTags(image("app"), CredentialSource.ANONYMOUS))
                .containsExactly("v1");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void shouldBackOffExponentiallyOnServerErrorsAndFailWithoutAPartialListWhenTheyPersist() {
        stub.handler(r -> switch (r.uri().getPath()) {
            case "/v2/" -> Response.json("{}");
            default -> r.uri().getQuery().equals("n=1000")
                    ? Response.json("{\"tags\":[\"a\"]}").withHeader("Link", "</v2/app/tags/list?last=a>; rel=\"next\"")
                    : Response.status(503, Map.of());
        });

        assertThatThrownBy(() -> client(Duration.ofSeconds(60)).listTags(image("app"), CredentialSource.ANONYMOUS))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("HTTP 503")
                .hasMessageContaining("after 4 attempts");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void shouldFailAtOnceWhenRetryAfterIsLongerThanTheScanMayWait() {
        stub.handler(r -> r.uri().getPath().equals("/v2/") ? Response.json("{}")
                : Response.status(429, Map.of("Retry-After", "3600")));

        assertThatThrownBy(() -> client().listTags(image("app"), CredentialSource.ANONYMOUS))
                .hasMessageContaining("HTTP 429")
                .hasMessageContaining("retry after 3600s");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void shouldTimeOutWhenTheRegistryAnswersSlowerThanTheTimeout() {
        stub.handler(r -> r.uri().getPath().equals("/v2/") ? Response.json("{}")
                : Response.json("{\"tags\":[]}").delayed(3000));

        assertThatThrownBy(() -> client(Duration.ofSeconds(1)).listTags(image("app"), CredentialSource.ANONYMOUS))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("timed out after 1000ms");
    }

    @Test
    void shouldAnswerACaseInsensitiveBearerChallengeWithATokenFromTheRealm() {
        String realm = "http://" + stub.hostPort() + "/token";
        stub.handler(r -> {
            if (r.uri().getPath().equals("/token")) {
                return Response.json("{\"access_token\":\"tok-123\",\"expires_in\":300}");
            }
            if (!"Bearer tok-123".equals(r.header("Authorization"))) {
                // scheme and parameter names in unusual case: both are case-insensitive
                return Response.status(401, Map.of("www-authenticate",
                        "BEARER Realm=\"" + realm + "\",Service=\"stub\",scope=\"repository:app:pull,push\""));
            }
            return r.uri().getPath().equals("/v2/") ? Response.json("{}") : Response.json("{\"tags\":[\"t\"]}");
        });
        CredentialSource user = CredentialSource.fixed(RegistryCredentials.basic("me", "pa55word"));

        assertThat(client().listTags(image("app"), user)).containsExactly("t");
        StubHttpServer.Request token = stub.requestsTo("/token").get(0);
        assertThat(token.uri().getQuery()).contains("service=stub").contains("scope=repository:app:pull");
        assertThat(token.header("Authorization")).isEqualTo(RegistryAuthenticator.basicHeader(
                new RegistryCredentials.Basic("me", "pa55word")));
    }

    @Test
    void shouldNotAskForCredentialsWhenTheRegistryDoesNotChallenge() {
        stub.handler(r -> r.uri().getPath().equals("/v2/") ? Response.json("{}") : Response.json("{\"tags\":[\"x\"]}"));
        AtomicInteger asked = new AtomicInteger();

        client().listTags(image("app"), img -> {
            asked.incrementAndGet();
            return RegistryCredentials.ANONYMOUS;
        });

        assertThat(asked).hasValue(0);
    }

    @Test
    void shouldAcceptIndexMediaTypesAndFallBackToHashingTheBodyWhenHeadHasNoDigest() {
        String manifest = "{\"schemaVersion\":2}";
        stub.handler(r -> r.uri().getPath().equals("/v2/") ? Response.json("{}") : Response.json(manifest));

        String digest = client().fetchDigest(image("app"), "v1", CredentialSource.ANONYMOUS);

        assertThat(digest).isEqualTo("sha256:" + java.util.HexFormat.of().formatHex(sha256(manifest)));
        assertThat(stub.requestsTo("/v2/app/manifests/v1").get(0).method()).isEqualTo("HEAD");
        assertThat(stub.requestsTo("/v2/app/manifests/v1").get(0).header("Accept"))
                .startsWith("application/vnd.oci.image.index.v1+json")
                .contains("application/vnd.docker.distribution.manifest.list.v2+json");
    }

    @Test
    void shouldSendProxyCredentialsToTheProxyAndRequestTheRegistryThroughIt() {
        stub.handler(r -> "Basic cHJveHl1c2VyOnByb3h5cGFzcw==".equals(r.header("Proxy-Authorization"))
                ? (r.uri().getPath().equals("/v2/") ? Response.json("{}") : Response.json("{\"tags\":[\"p\"]}"))
                : Response.status(407, Map.of()));
        ProxySettings proxy = ProxySettings.of("http://" + stub.hostPort(), "proxyuser", "proxypass");
        ConnectionSettings settings = ConnectionSettings.defaults(Duration.ofSeconds(10)).withInsecure(true)
                .withProxy(proxy);

        List<String> tags = client(settings, new BearerTokenCache(Clock.systemUTC()))
                .listTags(ImageReference.parse("registry.example.test:5000/app"), CredentialSource.ANONYMOUS);

        assertThat(tags).containsExactly("p");
        assertThat(stub.requestsTo("/v2/app/tags/list").get(0).uri().getHost()).isEqualTo("registry.example.test");
    }

    @Test
    void shouldFollowARedirectToAnotherServerWithoutTakingTheRegistryCredentialsAlong() {
        try (StubHttpServer storage = new StubHttpServer()) {
            storage.handler(r -> Response.json("{\"tags\":[\"moved\"]}"));
            stub.handler(r -> {
                if (r.header("Authorization") == null) {
                    return Response.status(401, Map.of("WWW-Authenticate", "Basic realm=\"stub\""));
                }
                return r.uri().getPath().equals("/v2/") ? Response.json("{}") : Response.status(307,
                        Map.of("Location", "http://" + storage.hostPort() + "/elsewhere/tags"));
            });

            List<String> tags = client().listTags(image("app"),
                    CredentialSource.fixed(RegistryCredentials.basic("me", "secret")));

            assertThat(tags).containsExactly("moved");
            assertThat(storage.requests()).hasSize(1);
            assertThat(storage.requests().get(0).header("Authorization")).isNull();
        }
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response page(String query) {
        return switch (query) {
            case "n=1000" -> Response.json("{\"name\":\"team/app\",\"tags\":[\"a\",\"b\"]}")
                    .withHeader("Link", "</v2/team/app/tags/list?n=1000&last=b>; rel=\"next\"");
            case "n=1000&last=b" -> Response.json("{\"tags\":[\"c\",\"d\"]}")
                    .withHeader("Link", "</v2/team/app/tags/list?n=1000&last=d>; rel=\"next\"");
            default -> Response.json("{\"tags\":[\"e\"]}");
        };
    }

    private RegistryClient client() {
        return client(Duration.ofSeconds(10));
    }

    private RegistryClient client(Duration timeout) {
        return client(ConnectionSettings.defaults(timeout), new BearerTokenCache(Clock.systemUTC()));
    }

    private RegistryClient client(ConnectionSettings settings, BearerTokenCache tokens) {
        // the JDK stub does not answer a TLS hello, so the HTTPS probe gives up quickly
        return new HttpRegistryClient(settings, tokens, RetryPolicy.DEFAULT, sleeps::add, Clock.systemUTC(),
                Duration.ofMillis(300));
    }

    private ImageReference image(String repository) {
        return ImageReference.parse(stub.hostPort() + "/" + repository);
    }
}
