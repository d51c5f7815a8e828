package dev.imageautomation.registry;

import dev.imageautomation.identity.ServiceAccountIdentity;
import dev.imageautomation.identity.ServiceAccountTokens;
import java.net.URI;
import java.time.Clock;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleWithWebIdentityCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * {@code provider: aws} as a ServiceAccount (object-level workload identity, as IRSA but per object): a Kubernetes
 * token for audience {@code sts.amazonaws.com} is exchanged through STS {@code AssumeRoleWithWebIdentity} for the
 * role in the account's {@code eks.amazonaws.com/role-arn} annotation, in the registry's region, with Flux's
 * session name {@code <account>.<namespace>.<region>.fluxcd.io}; the session then signs ECR's
 * {@code GetAuthorizationToken}. The SDK keeps the session until shortly before it expires and asks for a fresh
 * Kubernetes token each time it renews. All accounts share one STS and one ECR client per region: an account is
 * only its sessions, which travel with each ECR request.
 */
public final class AwsWorkloadIdentity implements WorkloadIdentity {

    static final String AUDIENCE = "sts.amazonaws.com";
    /** Flux's pattern (fluxcd/pkg/auth/aws). */
    static final Pattern ROLE_ARN = Pattern.compile("^arn:aws[\\w-]*:iam::[0-9]{1,30}:role/.{1,200}$");

    private final AwsRegionalClients<StsClient> sts;
    private final AwsRegionalClients<EcrClient> ecr;

    /**
     * @param stsEndpoint the STS endpoint, or {@code null} for the region's real one
     * @param ecrEndpoint the ECR API endpoint, or {@code null} for the region's real one
     */
    public AwsWorkloadIdentity(URI stsEndpoint, URI ecrEndpoint) {
        this(new AwsRegionalClients<>(region -> stsClient(region, stsEndpoint)),
                new AwsRegionalClients<>(region -> AwsEcrCredentials.client(region, ecrEndpoint)));
    }

    /** Every account's sessions and tokens go through these clients, one per region each. */
    AwsWorkloadIdentity(AwsRegionalClients<StsClient> sts, AwsRegionalClients<EcrClient> ecr) {
        this.sts = sts;
        this.ecr = ecr;
    }

    /** STS and ECR where they really are, in the registry's region. */
    public static AwsWorkloadIdentity standard() {
        return new AwsWorkloadIdentity((URI) null, null);
    }

    @Override
    public CredentialProvider providerFor(ServiceAccountIdentity account, ServiceAccountTokens tokens, Clock clock) {
        String roleArn = roleArn(account);
        ServiceAccountTokens reported = RegistryTokens.reporting(tokens);
        return AwsEcrCredentials.provider(new AwsEcrCredentials(
                region -> session(account, roleArn, region, reported), ecr), clock);
    }

    /** AssumeRoleWithWebIdentity is unsigned: anonymous credentials keep the SDK from probing for any others. */
    static StsClient stsClient(String region, URI endpoint) {
        var builder = StsClient.builder().region(Region.of(region))
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    static String roleArn(ServiceAccountIdentity account) {
        String arn = account.annotation(ServiceAccountIdentity.AWS_ROLE_ARN);
        if (!ROLE_ARN.matcher(arn).matches()) {
            throw new IllegalArgumentException("failed to get provider identity from service account '"
                    + account.reference() + "' annotations: invalid " + ServiceAccountIdentity.AWS_ROLE_ARN
                    + " annotation: '" + arn + "'. must match " + ROLE_ARN.pattern());
        }
        return arn;
    }

    /**
     * The account's session in {@code region}, renewed by the SDK through the region's shared STS client. Closing it
     * (when the account's provider is dropped) closes only its own cache.
     */
    private AwsCredentialsProvider session(ServiceAccountIdentity account, String roleArn, String region,
            ServiceAccountTokens tokens) {
        String sessionName = account.name() + "." + account.namespace() + "." + region + ".fluxcd.io";
        StsAssumeRoleWithWebIdentityCredentialsProvider assumed = StsAssumeRoleWithWebIdentityCredentialsProvider
                .builder().stsClient(new RegionalSts(sts, region))
                .refreshRequest(() -> AssumeRoleWithWebIdentityRequest.builder().roleArn(roleArn)
                        .roleSessionName(sessionName).webIdentityToken(tokens.issue(account, AUDIENCE)).build())
                .build();
        // said as STS's, or the failure would read as ECR's, whose request the session was signing
        return new Session(assumed, "aws: failed to create provider access token for service account '"
                + account.reference() + "': STS AssumeRoleWithWebIdentity for " + roleArn + " in " + region + ": ");
    }

    private record Session(StsAssumeRoleWithWebIdentityCredentialsProvider assumed, String failure)
            implements AwsCredentialsProvider, SdkAutoCloseable {

        @Override
        public AwsCredentials resolveCredentials() {
            try {
                return assumed.resolveCredentials();
            } catch (SdkException e) {
                throw new RegistryException(failure + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            assumed.close();
        }
    }

    /**
     * STS in one region as whichever client serves it now: a session lives longer than the client of its region may
     * (evicted and closed when objects name more regions than the bound), so it asks for the client at each renewal.
     */
    private record RegionalSts(AwsRegionalClients<StsClient> clients, String region) implements StsClient {

        @Override
        public AssumeRoleWithWebIdentityResponse assumeRoleWithWebIdentity(AssumeRoleWithWebIdentityRequest request) {
            return clients.in(region).assumeRoleWithWebIdentity(request);
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        /** The client is shared; its AwsRegionalClients closes it. */
        @Override
        public void close() {
        }
    }
}
