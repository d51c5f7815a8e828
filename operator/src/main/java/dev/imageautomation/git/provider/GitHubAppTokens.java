package dev.imageautomation.git.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imageautomation.git.GitCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * GitHub App installation tokens for HTTPS git ({@code provider: github}): signs the app JWT, finds the installation
 * when only its owner is known (as an organization, then as a user, as Flux does), and asks
 * {@code POST /app/installations/{id}/access_tokens}. Tokens are cached per app, installation, API and key, so that
 * a Secret with another key never receives a token minted with this one.
 */
public final class GitHubAppTokens {

    /** The user name GitHub expects with an installation token over HTTPS. */
    public static final String USERNAME = "x-access-token";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;
    private final TokenCache<CacheKey> cache;

    public GitHubAppTokens(Clock clock) {
        this.clock = clock;
        this.cache = new TokenCache<>(clock);
    }

    /**
     * @param connection the repository's credentials, for their CA, client certificate and proxy only
     * @throws GitProviderException when GitHub refuses, cannot be reached or answers nonsense
     */
    public ProviderToken installationToken(GitHubApp app, GitCredentials connection) {
        CacheKey key = new CacheKey(app.appId(), app.installationId(), app.installationOwner(), app.apiBase(),
                app.keyDigest());
        return cache.get(key, () -> issue(app, connection));
    }

    private ProviderToken issue(GitHubApp app, GitCredentials connection) {
        Api api = new Api(app, AppJwt.sign(app, clock.instant()), ApiClients.create(connection), connection);
        long installation = app.installationId() != null ? app.installationId() : api.installationOf(
                app.installationOwner());
        String operation = "creating a token for installation " + installation;
        JsonNode answer = api.expect(201, operation, api.request("/app/installations/" + installation
                + "/access_tokens").POST(HttpRequest.BodyPublishers.noBody()));
        String token = answer.path("token").asText("");
        if (token.isEmpty()) {
            throw api.failure(operation, "the answer has no token");
        }
        try {
            return new ProviderToken(token, Instant.parse(answer.path("expires_at").asText("")));
        } catch (DateTimeParseException e) {
            throw api.failure(operation, "the answer has no valid expires_at");
        }
    }

    private record CacheKey(long appId, Long installationId, String installationOwner, URI apiBase,
            String keyDigest) {
    }

    /** One token issue: the calls, signed with one JWT, and their failures, described without secrets. */
    private record Api(GitHubApp app, String jwt, HttpClient http, GitCredentials connection) {

        long installationOf(String owner) {
            String path = URLEncoder.encode(owner, StandardCharsets.UTF_8);
            Answer organization = send(request("/orgs/" + path + "/installation").GET());
            if (organization.status() == 200) {
                return id(organization, owner);
            }
            Answer user = send(request("/users/" + path + "/installation").GET());
            if (user.status() == 200) {
                return id(user, owner);
            }
            throw failure("finding the installation on '" + owner + "'", "not installed there, or the app "
                    + "cannot see it (as an organization: " + organization + "; as a user: " + user + ")");
        }

        HttpRequest.Builder request(String path) {
            return ApiClients.request(URI.create(app.apiBase() + path), connection)
                    .header("Accept", "application/vnd.github+json")
                    .header("X-GitHub-Api-Version", "2022-11-28")
                    .header("Authorization", "Bearer " + jwt);
        }

        JsonNode expect(int status, String operation, HttpRequest.Builder request) {
            Answer answer = send(request);
            if (answer.status() != status) {
                throw failure(operation, answer.toString());
            }
            return answer.json();
        }

        GitProviderException failure(String operation, String why) {
            return new GitProviderException("github: " + operation + " of app " + app.appId() + " at "
                    + app.apiBase() + " failed: " + why);
        }

        private long id(Answer answer, String owner) {
            long id = answer.json().path("id").asLong(0);
            if (id <= 0) {
                throw failure("finding the installation on '" + owner + "'", "the answer has no installation id");
            }
            return id;
        }

        @Override
        public String toString() {
            return "Api[" + app + "]"; // never the signed JWT
        }

        private Answer send(HttpRequest.Builder request) {
            HttpRequest built = request.build();
            try {
                HttpResponse<byte[]> response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
                return new Answer(response.statusCode(), response.body());
            } catch (IOException e) {
                throw failure("calling " + built.uri().getPath(), "cannot reach the API ("
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("calling " + built.uri().getPath(), "interrupted");
            }
        }
    }

    /** An HTTP answer: its status, and GitHub's {@code message} when it is an error. */
    private record Answer(int status, byte[] body) {

        JsonNode json() {
            if (body == null || body.length == 0) {
                return JSON.missingNode();
            }
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return JSON.missingNode();
            }
        }

        @Override
        public String toString() {
            String message = json().path("message").asText("");
            return "HTTP " + status + (message.isEmpty() ? "" : " "
                    + message.substring(0, Math.min(message.length(), 200)));
        }
    }
}
