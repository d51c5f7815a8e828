package dev.imageautomation.registry;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;
import software.amazon.awssdk.services.ecr.model.GetAuthorizationTokenRequest;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * {@code provider: aws}: ECR {@code GetAuthorizationToken} through the AWS SDK v2 in the region named by the
 * registry host, decoded from base64 {@code AWS:<password>} into Basic credentials valid for 12 hours.
 * AWS credentials come from the SDK's default chain (environment, IRSA web identity via STS, pod identity,
 * instance role) unless injected; the endpoint can be overridden to point at a local test server. Credentials
 * travel with each request, so one client per region can serve many identities.
 */
public final class AwsEcrCredentials implements CredentialFetcher {

    /** Flux's pattern (fluxcd/pkg/auth/aws); the region is the second group. */
    public static final Pattern ECR_HOST = Pattern.compile("^([0-9+]*).dkr[.-]ecr(?:-fips)?\\.([^/.]*)\\."
            + "(amazonaws\\.com[.cn]*|amazonaws\\.eu|sc2s\\.sgov\\.gov|c2s\\.ic\\.gov|cloud\\.adc-e\\.uk"
            + "|csp\\.hci\\.ic\\.gov|on\\.aws)$");

    private final Function<String, AwsCredentialsProvider> credentialsForRegion;
    private final AwsRegionalClients<EcrClient> clients;
    private final Map<String, AwsCredentialsProvider> credentialsByRegion = new ConcurrentHashMap<>();

    /**
     * Credentials for one identity, with ECR clients of its own.
     *
     * @param credentials AWS credentials, e.g. {@code DefaultCredentialsProvider.create()}
     * @param endpointOverride the ECR API endpoint, or {@code null} for the region's real endpoint
     */
    public AwsEcrCredentials(AwsCredentialsProvider credentials, URI endpointOverride) {
        this(region -> credentials, new AwsRegionalClients<>(region -> client(region, endpointOverride)));
    }

    /**
     * @param credentialsForRegion the registry's region → AWS credentials (a ServiceAccount's STS session is
     *     regional, as Flux asks STS in the ECR region); asked once per region, closed by {@link #close()}
     * @param clients the ECR clients, which may be shared with other credentials: each request carries its own
     */
    AwsEcrCredentials(Function<String, AwsCredentialsProvider> credentialsForRegion,
            AwsRegionalClients<EcrClient> clients) {
        this.credentialsForRegion = credentialsForRegion;
        this.clients = clients;
    }

    /**
     * An ECR client that signs with the credentials each request brings, never with any of its own: shared by many
     * identities, it must not fall back to the controller's. The SDK's HTTP client is the JDK's, not netty.
     */
    static EcrClient client(String region, URI endpointOverride) {
        var builder = EcrClient.builder().region(Region.of(region)).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(AnonymousCredentialsProvider.create());
        if (endpointOverride != null) {
            builder.endpointOverride(endpointOverride);
        }
        return builder.build();
    }

    /** The provider for {@code spec.provider: aws} with the SDK's default credential chain. */
    public static CredentialProvider defaultProvider(Clock clock) {
        return provider(new AwsEcrCredentials(DefaultCredentialsProvider.builder().build(), null), clock);
    }

    public static CredentialProvider provider(AwsEcrCredentials fetcher, Clock clock) {
        return new CachingCredentialProvider("aws", image -> region(image).isPresent(),
                "<account>.dkr.ecr.<region>.amazonaws.com", fetcher, clock);
    }

    static Optional<String> region(ImageReference image) {
        Matcher matcher = ECR_HOST.matcher(image.host());
        return matcher.matches() ? Optional.of(matcher.group(2)) : Optional.empty();
    }

    @Override
    public ExpiringCredentials fetch(ImageReference image) {
        String region = region(image).orElseThrow(() -> new RegistryException("not an ECR registry: " + image.registry()));
        AwsCredentialsProvider credentials = credentialsByRegion.computeIfAbsent(region, credentialsForRegion);
        GetAuthorizationTokenRequest request = GetAuthorizationTokenRequest.builder()
                .overrideConfiguration(o -> o.credentialsProvider(credentials)).build();
        AuthorizationData data;
        try {
            data = clients.in(region).getAuthorizationToken(request).authorizationData().stream().findFirst()
                    .orElseThrow(() -> new RegistryException("aws: ECR GetAuthorizationToken returned no data"));
        } catch (SdkException e) {
            throw new RegistryException("aws: ECR GetAuthorizationToken in " + region + " failed: " + e.getMessage(), e);
        }
        String decoded = new String(Base64.getDecoder().decode(data.authorizationToken()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new RegistryException("aws: ECR authorization token is not user:password");
        }
        return new ExpiringCredentials(
                RegistryCredentials.basic(decoded.substring(0, colon), decoded.substring(colon + 1)), data.expiresAt());
    }

    /** Closes the credentials this fetcher asked for (an account's STS sessions), never the shared clients. */
    @Override
    public void close() {
        credentialsByRegion.values().forEach(credentials -> {
            if (credentials instanceof SdkAutoCloseable closeable) {
                closeable.close();
            }
        });
        credentialsByRegion.clear();
    }
}
