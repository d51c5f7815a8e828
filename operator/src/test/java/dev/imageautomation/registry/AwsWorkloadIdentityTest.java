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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.GetAuthorizationTokenRequest;
import software.amazon.awssdk.services.ecr.model.GetAuthorizationTokenResponse;

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
    private final List<String> stsBuilt = new CopyOnWriteArrayList<>();
    private final List<RecordingEcr> ecrBuilt = new CopyOnWriteArrayList<>();

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

    /** Real SDK clients at the local endpoints, recorded as they are built. */
    private AwsWorkloadIdentity recordingIdentity() {
        URI ecrEndpoint = URI.create("http://" + ecr.hostPort());
        return new AwsWorkloadIdentity(new AwsRegionalClients<>(region -> {
            stsBuilt.add(region);
            return AwsWorkloadIdentity.stsClient(region, URI.create("http://" + sts.hostPort()));
        }), new AwsRegionalClients<>(region -> {
            RecordingEcr client = new RecordingEcr(AwsEcrCredentials.client(region, ecrEndpoint));
            ecrBuilt.add(client);
            return client;
        }));
    }

    private static ServiceAccountIdentity reader(int number) {
        return new ServiceAccountIdentity("apps", "reader-" + number,
                Map.of(ServiceAccountIdentity.AWS_ROLE_ARN, ROLE));
    }

    private void stsAnswers() {
        stsAnswers(session -> "ASIASESSIONTEST");
    }

    /** Each session gets its own access key, so that a request signed with another account's would show. */
    private void stsAnswers(UnaryOperator<String> accessKeyOfSession) {
        sts.handler(r -> new Response(200, Map.of("Content-Type", "text/xml"), """
                <AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <AssumeRoleWithWebIdentityResult>
                    <Credentials>
                      <AccessKeyId>%s</AccessKeyId>
                      <SecretAccessKey>session-secret-key</SecretAccessKey>
                      <SessionToken>session-token-value</SessionToken>
                      <Expiration>2030-01-01T00:00:00Z</Expiration>
                    </Credentials>
                  </AssumeRoleWithWebIdentityResult>
                  <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>
                </AssumeRoleWithWebIdentityResponse>
                """.formatted(accessKeyOfSession.apply(sessionName(r))), 0));
    }

    private static String signingKey(StubHttpServer.Request signed) {
        return signed.header("Authorization").replaceAll(".*Credential=([^/]+)/.*", "$1");
    }

    private static String sessionName(StubHttpServer.Request assume) {
        Matcher session = Pattern.compile("RoleSessionName=([^&]+)")
                .matcher(URLDecoder.decode(assume.body(), StandardCharsets.UTF_8));
        return session.find() ? session.group(1) : "";
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
    void shouldShareOneStsAndOneEcrClientPerRegionWhileEachAccountSignsWithItsOwnSession() {
        stsAnswers(session -> "KEY-" + session.replace(".fluxcd.io", "").replace(".apps.", "-"));
        ecrAnswers();
        AwsWorkloadIdentity identity = recordingIdentity();
        ImageReference inUsEast = ImageReference.parse("123456789012.dkr.ecr.us-east-1.amazonaws.com/app-name");

        for (int i = 0; i < 5; i++) {
            CredentialProvider provider = identity.providerFor(reader(i), tokens, Clock.systemUTC());
            assertThat(provider.credentialsFor(IMAGE)).isEqualTo(RegistryCredentials.basic("AWS", "ecr-password"));
            assertThat(provider.credentialsFor(inUsEast)).isEqualTo(RegistryCredentials.basic("AWS", "ecr-password"));
        }

        assertThat(stsBuilt).containsExactlyInAnyOrder("eu-west-1", "us-east-1");
        assertThat(ecrBuilt).hasSize(2);
        assertThat(sts.requests()).hasSize(10);
        assertThat(ecr.requests()).extracting(AwsWorkloadIdentityTest::signingKey).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, 5).boxed().flatMap(i -> Stream.of("KEY-reader-" + i + "-eu-west-1",
                        "KEY-reader-" + i + "-us-east-1")).toList());
    }

    @Test
    void shouldLeaveTheSharedClientsOpenWhenAnAccountsProviderIsClosed() {
        stsAnswers();
        ecrAnswers();
        AwsWorkloadIdentity identity = recordingIdentity();
        CredentialProvider dropped = identity.providerFor(reader(0), tokens, Clock.systemUTC());
        CredentialProvider kept = identity.providerFor(reader(1), tokens, Clock.systemUTC());
        dropped.credentialsFor(IMAGE);
        kept.credentialsFor(IMAGE);

        dropped.close();
        RegistryCredentials later = kept.credentialsFor(
                ImageReference.parse("210987654321.dkr.ecr.eu-west-1.amazonaws.com/other"));

        assertThat(later).isEqualTo(RegistryCredentials.basic("AWS", "ecr-password"));
        assertThat(ecrBuilt).singleElement().extracting(RecordingEcr::closed).isEqualTo(false);
        assertThat(ecr.requests()).hasSize(3);
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

    /** A real ECR client that remembers whether it was closed. */
    private static final class RecordingEcr implements EcrClient {

        private final EcrClient real;
        private volatile boolean closed;

        RecordingEcr(EcrClient real) {
            this.real = real;
        }

        boolean closed() {
            return closed;
        }

        @Override
        public GetAuthorizationTokenResponse getAuthorizationToken(GetAuthorizationTokenRequest request) {
            return real.getAuthorizationToken(request);
        }

        @Override
        public String serviceName() {
            return real.serviceName();
        }

        @Override
        public void close() {
            closed = true;
            real.close();
        }
    }
}
