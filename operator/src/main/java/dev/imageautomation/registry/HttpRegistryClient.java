package dev.imageautomation.registry;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * OCI distribution client on {@code java.net.http} (Jib core has neither tag listing nor manifest HEAD):
 * {@code /v2/} ping, Basic or Bearer challenge, {@code tags/list?n=1000} following {@code Link} pages, manifest
 * HEAD for digests. HTTPS first; plain HTTP as a fallback for {@code insecure} and for loopback/private
 * registries, as go-containerregistry does. Thread-safe; one instance per {@link ConnectionSettings}.
 */
public final class HttpRegistryClient implements RegistryClient {

    /** Index and manifest list first: a multi-arch image resolves to its index digest, as {@code docker pull}. */
    static final String MANIFEST_ACCEPT = String.join(", ",
            "application/vnd.oci.image.index.v1+json",
            "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.docker.distribution.manifest.v2+json");

    static final int PAGE_SIZE = 1000;

    /**
     * How long the HTTPS ping may take when plain HTTP is the fallback: a plain-HTTP server that does not
     * answer a TLS hello must not eat the whole operation deadline.
     */
    static final Duration HTTPS_PROBE_TIMEOUT = Duration.ofSeconds(5);

    private static final Pattern PRIVATE_IP = Pattern.compile(
            "^(10\\.|127\\.|192\\.168\\.|172\\.(1[6-9]|2[0-9]|3[01])\\.)[0-9.]+$");

    private final ConnectionSettings settings;
    private final RetryingSender sender;
    private final RegistryAuthenticator authenticator;
    private final Clock clock;
    private final String proxyAuthorization;
    private final Map<String, URI> baseUris = new ConcurrentHashMap<>();
    private final Duration httpsProbeTimeout;

    public HttpRegistryClient(ConnectionSettings settings, BearerTokenCache tokens, RetryPolicy retry,
            Sleeper sleeper, Clock clock) {
        this(settings, tokens, retry, sleeper, clock, HTTPS_PROBE_TIMEOUT);
    }

    HttpRegistryClient(ConnectionSettings settings, BearerTokenCache tokens, RetryPolicy retry,
            Sleeper sleeper, Clock clock, Duration httpsProbeTimeout) {
        this.settings = settings;
        this.clock = clock;
        this.httpsProbeTimeout = httpsProbeTimeout;
        HttpClient http = JdkHttpClients.create(settings);
        this.sender = new RetryingSender(http, retry, sleeper, clock);
        this.authenticator = new RegistryAuthenticator(sender, tokens);
        this.proxyAuthorization = JdkHttpClients.proxyAuthorization(settings);
    }

    public static HttpRegistryClient create(ConnectionSettings settings, BearerTokenCache tokens) {
        return new HttpRegistryClient(settings, tokens, RetryPolicy.DEFAULT, Sleeper.SYSTEM, Clock.systemUTC());
    }

    @Override
    public List<String> listTags(ImageReference image, CredentialSource credentials) {
        RegistrySession session = open(image, credentials);
        List<String> tags = new ArrayList<>();
        Set<URI> visited = new HashSet<>();
        URI page = session.base().resolve("/v2/" + image.repository() + "/tags/list?n=" + PAGE_SIZE);
        while (page != null) {
            if (!visited.add(page)) {
                throw new RegistryException("listing tags of " + image + ": the registry's Link pages loop");
            }
            String operation = "listing tags of " + image;
            HttpResponse<byte[]> response = session.send(
                    HttpRequest.newBuilder(page).header("Accept", "application/json").GET(), operation);
            expectOk(response, operation);
            try {
                TagListParser.appendTags(response.body(), tags);
            } catch (IOException e) {
                throw new RegistryException(operation + ": invalid tags/list answer (" + e.getMessage() + ")", e);
            }
            page = nextPage(session.base(), page, response, image);
        }
        return tags;
    }

    @Override
    public String fetchDigest(ImageReference image, String tag, CredentialSource credentials) {
        RegistrySession session = open(image, credentials);
        URI manifest = session.base().resolve("/v2/" + image.repository() + "/manifests/" + tag);
        String operation = "fetching digest of " + image + ":" + tag;
        HttpResponse<byte[]> head = session.send(HttpRequest.newBuilder(manifest).header("Accept", MANIFEST_ACCEPT)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()), operation);
        expectOk(head, operation);
        Optional<String> digest = head.headers().firstValue("Docker-Content-Digest");
        if (digest.isPresent()) {
            return digest.get();
        }
        // some registries omit the header on HEAD; the digest of the served bytes is the same value
        HttpResponse<byte[]> get = session.send(
                HttpRequest.newBuilder(manifest).header("Accept", MANIFEST_ACCEPT).GET(), operation);
        expectOk(get, operation);
        return get.headers().firstValue("Docker-Content-Digest").orElseGet(() -> sha256(get.body()));
    }

    private RegistrySession open(ImageReference image, CredentialSource credentials) {
        Deadline deadline = Deadline.after(settings.timeout(), clock);
        URI known = baseUris.get(image.registry());
        if (known != null) {
            return session(image, credentials, deadline, known, ping(image, deadline, known));
        }
        List<URI> candidates = candidateBases(image);
        RegistryException first = null;
        for (URI base : candidates) {
            boolean probe = base != candidates.get(candidates.size() - 1);
            Deadline pingDeadline = probe && deadline.remaining().compareTo(httpsProbeTimeout) > 0
                    ? Deadline.after(httpsProbeTimeout, clock) : deadline;
            try {
                AuthChallenge challenge = ping(image, pingDeadline, base);
                baseUris.put(image.registry(), base);
                return session(image, credentials, deadline, base, challenge);
            } catch (RegistryException e) {
                if (first != null) {
                    // the HTTPS failure is the informative one (e.g. an untrusted certificate)
                    throw new RegistryException(first.getMessage() + " (plain HTTP fallback: " + e.getMessage() + ")",
                            first.statusCode(), first);
                }
                if (e.statusCode() != 0) {
                    throw e;
                }
                first = e;
            }
        }
        throw first;
    }

    private RegistrySession session(ImageReference image, CredentialSource credentials, Deadline deadline, URI base,
            AuthChallenge challenge) {
        return new RegistrySession(sender, authenticator, image, credentials, deadline, base, challenge,
                proxyAuthorization);
    }

    /** {@code GET /v2/}: 200 means anonymous access, 401 carries the challenge to answer. */
    private AuthChallenge ping(ImageReference image, Deadline deadline, URI base) {
        String operation = "pinging " + base.getScheme() + "://" + image.registry() + "/v2/";
        HttpRequest.Builder ping = HttpRequest.newBuilder(base.resolve("/v2/")).GET();
        if (proxyAuthorization != null) {
            ping.header("Proxy-Authorization", proxyAuthorization);
        }
        HttpResponse<byte[]> response = sender.send(ping, deadline, operation);
        AuthChallenge challenge = null;
        if (response.statusCode() == 401) {
            challenge = response.headers().allValues("WWW-Authenticate").stream()
                    .flatMap(value -> AuthChallenge.parse(value).stream())
                    .filter(c -> c.isBearer() || c.isBasic())
                    .findFirst()
                    .orElseThrow(() -> new RegistryException(operation + ": HTTP 401 without a Basic or Bearer "
                            + "WWW-Authenticate challenge", 401, null));
        } else if (response.statusCode() != 200) {
            throw new RegistryException(operation + ": HTTP " + response.statusCode()
                    + RegistryErrors.detail(response.body()), response.statusCode(), null);
        }
        return challenge;
    }

    private List<URI> candidateBases(ImageReference image) {
        URI https = URI.create("https://" + image.registry());
        if (settings.insecure() || isLoopbackOrPrivate(image.host())) {
            return List.of(https, URI.create("http://" + image.registry()));
        }
        return List.of(https);
    }

    static boolean isLoopbackOrPrivate(String host) {
        if (host.equals("localhost") || host.endsWith(".local") || PRIVATE_IP.matcher(host).matches()) {
            return true;
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            try {
                return InetAddress.getByName(host.substring(1, host.length() - 1)).isLoopbackAddress();
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    private static URI nextPage(URI base, URI current, HttpResponse<byte[]> response, ImageReference image) {
        Optional<URI> next = LinkHeader.next(current, response.headers().allValues("Link"));
        if (next.isEmpty()) {
            return null;
        }
        URI uri = next.get();
        if (!base.getScheme().equals(uri.getScheme()) || !base.getRawAuthority().equals(uri.getRawAuthority())) {
            // following it would send the registry credentials to another server
            throw new RegistryException("listing tags of " + image + ": the registry's next page points to another "
                    + "server (" + uri.getScheme() + "://" + uri.getHost() + "), refusing to follow");
        }
        return uri;
    }

    private static void expectOk(HttpResponse<byte[]> response, String operation) {
        int status = response.statusCode();
        if (status == 200) {
            return;
        }
        String hint = switch (status) {
            case 401 -> " (authentication failed: check the credentials)";
            case 403 -> " (access denied: the credentials lack pull permission)";
            case 404 -> " (not found)";
            default -> "";
        };
        throw new RegistryException(operation + ": HTTP " + status + hint + RegistryErrors.detail(response.body()),
                status, null);
    }

    private static String sha256(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "sha256:" + java.util.HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
