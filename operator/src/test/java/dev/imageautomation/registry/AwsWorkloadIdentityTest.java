package dev.imageautomation.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imageautomation.identity.ServiceAccountIdentity;
import dev.imageautomation.registry.StubHttpServer.Response;
import dev.imageautomation.testing.FakeServiceAccountTokens;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real AWS SDK v2: STS {@code AssumeRoleWithWebIdentity} and ECR {@code GetAuthorizationToken} against local
 * endpoints speaking their protocols (STS query/XML, ECR JSON), with a fake Kubernetes token issuer.
 */
class AwsWorkloadIdentityTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/ecr-reader";
    private static final ImageReference IMAGE =
            ImageReference.parse("123456789012.dkr.ecr.eu-west-1.amazonaws.com/app-name");

    private final StubHttpServer sts = new StubHttpServer();
    private final StubHttpServer ecr = new StubHttpServer();
    private final FakeServiceAccountTokens tokens = new FakeServiceAccountTokens();

    @AfterEach
    void stop() {
        sts.close();
        ecr.close();
    }

    private CredentialProvider provider(String roleArn) {
        ServiceAccountIdentity account = new ServiceAccountIdentity("apps", "ecr-reader",
                Map.of(ServiceAccountIdentity.AWS_ROLE_ARN, roleArn));
        return new AwsWorkloadIdentity(URI.create("http://" + sts.hostPort()), URI.create("http://" + ecr.hostPort()))
                .providerFor(account, tokens, Clock.systemUTC());
    }

    private void stsAnswers() {
        sts.handler(r -> new Response(200, Map.of("Content-Type", "text/xml"), """
                <AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <AssumeRoleWithWebIdentityResult>
                    <Credentials>
                      <AccessKeyId>ASIASESSIONTEST</AccessKeyId>
                      <SecretAccessKey>session-secret-key</SecretAccessKey>
                      <SessionToken>session-token-value</SessionToken>
                      <Expiration>2030-01-01T00:00:00Z</Expiration>
                    </Credentials>
                  </AssumeRoleWithWebIdentityResult>
                  <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>
                </AssumeRoleWithWebIdentityResponse>
                """, 0));
    }

    private void ecrAnswers() {
        String token = Base64.getEncoder().encodeToString("AWS:ecr-password".getBytes(StandardCharsets.UTF_8));
        ecr.handler(r -> new Response(200, Map.of("Content-Type", "application/x-amz-json-1.1"),
                "{\"authorizationData\":[{\"authorizationToken\":\"" + token + "\",\"expiresAt\":1893456000}]}", 0));
    }

    @Test
    void shouldAssumeTheAnnotatedRoleWithTheAccountsTokenAndSignEcrWithThatSession() {
        stsAnswers();
        ecrAnswers();

        RegistryCredentials credentials = provider(ROLE).credentialsFor(IMAGE);

        assertThat(credentials).isEqualTo(RegistryCredentials.basic("AWS", "ecr-password"));
        assertThat(tokens.requests()).containsExactly("apps/ecr-reader sts.amazonaws.com");
        StubHttpServer.Request assume = sts.requests().get(0);
        assertThat(URLDecoder.decode(assume.body(), StandardCharsets.UTF_8)).contains(
                "Action=AssumeRoleWithWebIdentity", "RoleArn=" + ROLE, "WebIdentityToken=kubernetes-jwt",
                "RoleSessionName=ecr-reader.apps.eu-west-1.fluxcd.io");
        assertThat(assume.header("Authorization")).isNull();
        StubHttpServer.Request getToken = ecr.requests().get(0);
        assertThat(getToken.header("Authorization")).contains("Credential=ASIASESSIONTEST/")
                .contains("/eu-west-1/ecr/");
        assertThat(getToken.header("X-Amz-Security-Token")).isEqualTo("session-token-value");
    }

    @Test
    void shouldReuseTheRegistryCredentialsUntilTheyAreDue() {
        stsAnswers();
        ecrAnswers();
        CredentialProvider provider = provider(ROLE);

        provider.credentialsFor(IMAGE);
        provider.credentialsFor(IMAGE);

        assertThat(sts.requests()).hasSize(1);
        assertThat(ecr.requests()).hasSize(1);
    }

    @Test
    void shouldRefuseAnAccountWhoseRoleAnnotationIsNotAnIamRoleArn() {
        assertThatThrownBy(() -> provider("ecr-reader"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("failed to get provider identity from service account 'apps/ecr-reader' "
                        + "annotations: invalid eks.amazonaws.com/role-arn annotation: 'ecr-reader'. must match");
        assertThat(sts.requests()).isEmpty();
    }

    @Test
    void shouldReportAnStsRefusalWithoutTheKubernetesToken() {
        sts.handler(r -> new Response(403, Map.of("Content-Type", "text/xml"), """
                <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <Error><Type>Sender</Type><Code>AccessDenied</Code>
                    <Message>Not authorized to perform sts:AssumeRoleWithWebIdentity</Message></Error>
                  <RequestId>r-2</RequestId>
                </ErrorResponse>
                """, 0));

        assertThatThrownBy(() -> provider(ROLE).credentialsFor(IMAGE))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("Not authorized to perform sts:AssumeRoleWithWebIdentity")
                .hasMessageStartingWith("aws: failed to create provider access token for service account "
                        + "'apps/ecr-reader': STS AssumeRoleWithWebIdentity for " + ROLE + " in eu-west-1: ")
                .hasMessageContaining("Not authorized to perform sts:AssumeRoleWithWebIdentity")
                .hasMessageNotContaining("kubernetes-jwt");
        assertThat(ecr.requests()).isEmpty();
    }

    @Test
    void shouldPassOnWhyTheKubernetesTokenCouldNotBeIssued() {
        CredentialProvider provider = provider(ROLE);
        tokens.refusing("forbidden");

        assertThatThrownBy(() -> provider.credentialsFor(IMAGE))
                .isInstanceOf(RegistryException.class)
                .hasMessage("failed to create kubernetes token for service account 'apps/ecr-reader': forbidden");
        assertThat(sts.requests()).isEmpty();
        assertThat(ecr.requests()).isEmpty();
    }
}
