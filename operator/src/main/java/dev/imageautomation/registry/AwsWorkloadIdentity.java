package dev.imageautomation.registry;

import dev.imageautomation.identity.ServiceAccountIdentity;
import dev.imageautomation.identity.ServiceAccountTokens;
import java.net.URI;
import java.time.Clock;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleWithWebIdentityCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;

/**
 * {@code provider: aws} as a ServiceAccount (object-level workload identity, as IRSA but per object): a Kubernetes
 * token for audience {@code sts.amazonaws.com} is exchanged through STS {@code AssumeRoleWithWebIdentity} for the
 * role in the account's {@code eks.amazonaws.com/role-arn} annotation, in the registry's region, with Flux's
 * session name {@code <account>.<namespace>.<region>.fluxcd.io}; the session then signs ECR's
 * {@code GetAuthorizationToken}. The SDK keeps the session until shortly before it expires and asks for a fresh
 * Kubernetes token each time it renews.
 */
public final class AwsWorkloadIdentity implements WorkloadIdentity {

    static final String AUDIENCE = "sts.amazonaws.com";
    /** Flux's pattern (fluxcd/pkg/auth/aws). */
    static final Pattern ROLE_ARN = Pattern.compile("^arn:aws[\\w-]*:iam::[0-9]{1,30}:role/.{1,200}$");

    private final URI stsEndpoint;
    private final URI ecrEndpoint;

    /**
     * @param stsEndpoint the STS endpoint, or {@code null} for the region's real one
     * @param ecrEndpoint the ECR API endpoint, or {@code null} for the region's real one
     */
    public AwsWorkloadIdentity(URI stsEndpoint, URI ecrEndpoint) {
        this.stsEndpoint = stsEndpoint;
        this.ecrEndpoint = ecrEndpoint;
    }

    /** STS and ECR where they really are, in the registry's region. */
    public static AwsWorkloadIdentity standard() {
        return new AwsWorkloadIdentity(null, null);
    }

    @Override
    public CredentialProvider providerFor(ServiceAccountIdentity account, ServiceAccountTokens tokens, Clock clock) {
        String roleArn = roleArn(account);
        ServiceAccountTokens reported = RegistryTokens.reporting(tokens);
        return AwsEcrCredentials.provider(new AwsEcrCredentials(
                region -> session(account, roleArn, region, reported), ecrEndpoint), clock);
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

    private AwsCredentialsProvider session(ServiceAccountIdentity account, String roleArn, String region,
            ServiceAccountTokens tokens) {
        // AssumeRoleWithWebIdentity is unsigned: anonymous credentials keep the SDK from probing for any others
        var sts = StsClient.builder().region(Region.of(region))
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create());
        if (stsEndpoint != null) {
            sts.endpointOverride(stsEndpoint);
        }
        String sessionName = account.name() + "." + account.namespace() + "." + region + ".fluxcd.io";
        AwsCredentialsProvider assumed = StsAssumeRoleWithWebIdentityCredentialsProvider.builder()
                .stsClient(sts.build())
                .refreshRequest(() -> AssumeRoleWithWebIdentityRequest.builder().roleArn(roleArn)
                        .roleSessionName(sessionName).webIdentityToken(tokens.issue(account, AUDIENCE)).build())
                .build();
        return () -> {
            try {
                return assumed.resolveCredentials();
            } catch (SdkException e) {
                // said here, or the failure would read as ECR's, whose request it was signing
                throw new RegistryException("aws: failed to create provider access token for service account '"
                        + account.reference() + "': STS AssumeRoleWithWebIdentity for " + roleArn + " in " + region
                        + ": " + e.getMessage(), e);
            }
        };
    }
}
