package dev.imageautomation.registry;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code provider: gcp}: an OAuth2 access token from the Google Auth Library (application default credentials:
 * GKE workload identity, service account key, gcloud user) used as the password of user
 * {@code oauth2accesstoken}, for GCR and Artifact Registry hosts.
 */
public final class GcpCredentials implements CredentialFetcher {

    /** Flux's pattern (fluxcd/pkg/auth/gcp). */
    public static final Pattern GCP_HOST =
            Pattern.compile("^(((.+\\.)?gcr\\.io)|(.+-docker\\.pkg\\.dev)|(docker\\.s3nsregistry\\.fr))$");
    public static final String USERNAME = "oauth2accesstoken";
    public static final List<String> SCOPES = List.of("https://www.googleapis.com/auth/cloud-platform",
            "https://www.googleapis.com/auth/userinfo.email");

    private final Supplier<GoogleCredentials> credentials;
    private volatile GoogleCredentials resolved;

    /** @param credentials where the Google credentials come from; resolved on first use */
    public GcpCredentials(Supplier<GoogleCredentials> credentials) {
        this.credentials = credentials;
    }

    /** The provider for {@code spec.provider: gcp} with application default credentials. */
    public static CredentialProvider defaultProvider(Clock clock) {
        return provider(new GcpCredentials(GcpCredentials::applicationDefault), clock);
    }

    public static CredentialProvider provider(GcpCredentials fetcher, Clock clock) {
        return new CachingCredentialProvider("gcp", image -> GCP_HOST.matcher(image.host()).matches(),
                "gcr.io, *.gcr.io, *-docker.pkg.dev or docker.s3nsregistry.fr", fetcher, clock);
    }

    @Override
    public ExpiringCredentials fetch(ImageReference image) {
        try {
            GoogleCredentials google = google();
            google.refreshIfExpired();
            AccessToken token = google.getAccessToken();
            if (token == null) {
                throw new RegistryException("gcp: Google credentials produced no access token");
            }
            Instant expiresAt = token.getExpirationTime() == null
                    ? Instant.now().plus(Duration.ofMinutes(30)) : token.getExpirationTime().toInstant();
            return new ExpiringCredentials(RegistryCredentials.basic(USERNAME, token.getTokenValue()), expiresAt);
        } catch (IOException e) {
            throw new RegistryException("gcp: fetching an access token failed: " + e.getMessage(), e);
        }
    }

    private GoogleCredentials google() {
        if (resolved == null) {
            resolved = credentials.get();
        }
        return resolved;
    }

    private static GoogleCredentials applicationDefault() {
        try {
            return GoogleCredentials.getApplicationDefault().createScoped(SCOPES);
        } catch (IOException e) {
            throw new RegistryException("gcp: no Google application default credentials: " + e.getMessage(), e);
        }
    }
}
