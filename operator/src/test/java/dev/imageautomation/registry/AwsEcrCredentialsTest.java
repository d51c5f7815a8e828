package dev.imageautomation.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imageautomation.registry.StubHttpServer.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The real AWS SDK v2 against a local endpoint that speaks ECR's JSON protocol. */
class AwsEcrCredentialsTest {

    private static final Instant EXPIRY = Instant.parse("2030-01-01T12:00:00Z");
    private final StubHttpServer ecr = new StubHttpServer();

    @AfterEach
    void stop() {
        ecr.close();
    }

    private CredentialProvider provider() {
        var fetcher = new AwsEcrCredentials(StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIDTESTONLY", "aws-secret-key")), URI.create("http://" + ecr.hostPort()));
        return AwsEcrCredentials.provider(fetcher, Clock.systemUTC());
    }

    @Test
    void shouldTurnTheEcrAuthorizationTokenIntoBasicCredentialsAndSignWithTheHostsRegion() {
        String token = Base64.getEncoder().encodeToString("AWS:ecr-password".getBytes(StandardCharsets.UTF_8));
        ecr.handler(r -> new Response(200, Map.of("Content-Type", "application/x-amz-json-1.1"),
                "{\"authorizationData\":[{\"authorizationToken\":\"" + token + "\",\"expiresAt\":"
                        + EXPIRY.getEpochSecond() + ",\"proxyEndpoint\":\"https://x\"}]}", 0));
        ImageReference image = ImageReference.parse("123456789012.dkr.ecr.eu-west-1.amazonaws.com/app-name");

        RegistryCredentials credentials = provider().credentialsFor(image);

        assertThat(credentials).isEqualTo(RegistryCredentials.basic("AWS", "ecr-password"));
        StubHttpServer.Request call = ecr.requests().get(0);
        assertThat(call.header("X-Amz-Target")).isEqualTo("AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken");
        assertThat(call.header("Authorization")).contains("Credential=AKIDTESTONLY/").contains("/eu-west-1/ecr/");
    }

    @Test
    void shouldReuseTheTokenInsteadOfCallingEcrOnEveryScan() {
        String token = Base64.getEncoder().encodeToString("AWS:p".getBytes(StandardCharsets.UTF_8));
        ecr.handler(r -> new Response(200, Map.of("Content-Type", "application/x-amz-json-1.1"),
                "{\"authorizationData\":[{\"authorizationToken\":\"" + token + "\",\"expiresAt\":"
                        + EXPIRY.getEpochSecond() + "}]}", 0));
        CredentialProvider provider = provider();
        ImageReference image = ImageReference.parse("123456789012.dkr.ecr.us-east-1.amazonaws.com/app");

        provider.credentialsFor(image);
        provider.credentialsFor(image);

        assertThat(ecr.requests()).hasSize(1);
    }

    @Test
    void shouldReportAnEcrErrorWithoutTheSecretKey() {
        ecr.handler(r -> new Response(400, Map.of("Content-Type", "application/x-amz-json-1.1"),
                "{\"__type\":\"AccessDeniedException\",\"message\":\"not authorized to perform ecr:GetAuthorizationToken\"}",
                0));
        ImageReference image = ImageReference.parse("123456789012.dkr.ecr.eu-west-1.amazonaws.com/app");

        assertThatThrownBy(() -> provider().credentialsFor(image))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("ecr:GetAuthorizationToken")
                .hasMessageNotContaining("aws-secret-key");
    }

    @Test
    void shouldRefuseARegistryOutsideEcrWithoutCallingAws() {
        assertThatThrownBy(() -> provider().credentialsFor(ImageReference.parse("ghcr.io/org/app")))
                .hasMessageContaining("provider 'aws' cannot authenticate to registry 'ghcr.io'");
        assertThat(ecr.requests()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app, eu-west-1",
        "123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com/app, us-gov-west-1",
        "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app, cn-north-1",
        "123456789012.dkr-ecr.eu-central-1.on.aws/app, eu-central-1",
    })
    void shouldFindTheRegionInEveryEcrHostForm(String image, String region) {
        assertThat(AwsEcrCredentials.region(ImageReference.parse(image))).contains(region);
    }
}
