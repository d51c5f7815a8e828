package dev.imageautomation.registry;

import com.google.api.client.http.HttpTransport;
import com.google.auth.http.HttpTransportFactory;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.IdentityPoolCredentials;
import dev.imageautomation.identity.ServiceAccountIdentity;
import dev.imageautomation.identity.ServiceAccountTokens;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * {@code provider: gcp} as a ServiceAccount (object-level workload identity federation): the account's token, for
 * the audience of the workload identity pool provider in its {@code gcp.auth.fluxcd.io/workload-identity-provider}
 * annotation, is exchanged at Google's STS for an access token, through the Google Auth Library's identity-pool
 * credentials; with {@code iam.gke.io/gcp-service-account} that token then impersonates the Google service account.
 * GKE's own pool (found from the metadata server when the annotation is absent, in Flux) is not looked up: nothing
 * here asks a metadata server, so the annotation is required. All accounts share one HTTP transport; an account's
 * credentials own nothing to close.
 */
public final class GcpWorkloadIdentity implements WorkloadIdentity {

    /** Flux's patterns (fluxcd/pkg/auth/gcp). */
    static final Pattern POOL_PROVIDER = Pattern.compile(
            "^projects/\\d{1,30}/locations/global/workloadIdentityPools/[^/]{1,100}/providers/[^/]{1,100}$");
    static final Pattern SERVICE_ACCOUNT_EMAIL =
            Pattern.compile("^[a-zA-Z0-9-]{1,100}@[a-zA-Z0-9-]{1,100}\\.iam\\.gserviceaccount\\.com$");
    static final String JWT_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:jwt";

    private final String stsTokenUrl;
    private final String impersonationUrlPrefix;
    private final HttpTransportFactory transport;

    /**
     * @param stsTokenUrl Google's STS token endpoint (the library accepts https URLs only)
     * @param impersonationUrlPrefix the IAM Credentials URL up to the service account's email
     * @param transport how to reach them, asked once for the transport all accounts share, or {@code null} for
     *     the library's default (itself one process-wide transport)
     */
    public GcpWorkloadIdentity(String stsTokenUrl, String impersonationUrlPrefix, HttpTransportFactory transport) {
        this.stsTokenUrl = stsTokenUrl;
        this.impersonationUrlPrefix = impersonationUrlPrefix;
        this.transport = transport == null ? null : new SharedTransport(transport);
    }

    public static GcpWorkloadIdentity standard() {
        return new GcpWorkloadIdentity("https://sts.googleapis.com/v1/token",
                "https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/", null);
    }

    @Override
    public CredentialProvider providerFor(ServiceAccountIdentity account, ServiceAccountTokens tokens, Clock clock) {
        String audience = "//iam.googleapis.com/" + annotation(account,
                ServiceAccountIdentity.GCP_WORKLOAD_IDENTITY_PROVIDER, POOL_PROVIDER, true);
        String email = annotation(account, ServiceAccountIdentity.GCP_SERVICE_ACCOUNT, SERVICE_ACCOUNT_EMAIL, false);
        ServiceAccountTokens reported = RegistryTokens.reporting(tokens);
        IdentityPoolCredentials.Builder builder = IdentityPoolCredentials.newBuilder().setAudience(audience)
                .setSubjectTokenType(JWT_TOKEN_TYPE).setTokenUrl(stsTokenUrl).setScopes(GcpCredentials.SCOPES)
                .setSubjectTokenSupplier(context -> reported.issue(account, audience));
        if (transport != null) {
            builder.setHttpTransportFactory(transport);
        }
        if (!email.isEmpty()) {
            builder.setServiceAccountImpersonationUrl(impersonationUrlPrefix + email + ":generateAccessToken");
        }
        GoogleCredentials credentials = builder.build();
        return GcpCredentials.provider(new GcpCredentials(() -> credentials), clock);
    }

    private static String annotation(ServiceAccountIdentity account, String key, Pattern pattern, boolean required) {
        String value = account.annotation(key);
        if (value.isEmpty() && !required) {
            return value;
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException("failed to get provider audience from service account '"
                    + account.reference() + "': annotation " + key + " is required (the GKE metadata server is not"
                    + " asked for the cluster's workload identity pool)");
        }
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid " + key + " annotation on service account '"
                    + account.reference() + "': '" + value + "'. must match " + pattern.pattern());
        }
        return value;
    }

    /** The library asks its factory for a transport at every token exchange; this one answers with the same. */
    private static final class SharedTransport implements HttpTransportFactory {

        private final HttpTransportFactory factory;
        private HttpTransport shared;

        SharedTransport(HttpTransportFactory factory) {
            this.factory = factory;
        }

        @Override
        public synchronized HttpTransport create() {
            if (shared == null) {
                shared = factory.create();
            }
            return shared;
        }
    }
}
