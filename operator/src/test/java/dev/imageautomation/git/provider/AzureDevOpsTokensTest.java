package dev.imageautomation.git.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.ProxyOptions;
import dev.imageautomation.git.GitCredentials;
import dev.imageautomation.testing.FakeEntraId;
import dev.imageautomation.testing.MutableClock;
import dev.imageautomation.testing.TestCertificates;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Azure Identity workload identity flow, configured with the variables AKS injects, against a local HTTPS
 * Entra ID: the Azure DevOps scope is asked for with the projected service account token, and the token is cached.
 */
class AzureDevOpsTokensTest {

    private static final String ASSERTION = "projected-service-account-token";
    private static TestCertificates tls;

    @TempDir Path directory;
    private final MutableClock clock = new MutableClock("2026-11-25T10:00:00Z");
    private FakeEntraId entra;

    @BeforeAll
    static void certificates() throws Exception {
        tls = TestCertificates.create(Files.createTempDirectory("entra-tls"));
    }

    @AfterAll
    static void removeCertificates() throws Exception {
        try (var files = Files.walk(tls.directory())) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @BeforeEach
    void startEntra() {
        entra = FakeEntraId.start(tls, ASSERTION, "entra-access-token-for-devops");
    }

    @AfterEach
    void stopEntra() {
        entra.close();
    }

    @Test
    void shouldAskEntraIdForTheAzureDevOpsScopeWithTheWorkloadIdentityAndCacheTheToken() {
        List<Optional<GitCredentials.ProxySettings>> built = new ArrayList<>();
        AzureDevOpsTokens tokens = new AzureDevOpsTokens(proxy -> {
            built.add(proxy);
            return entra.workloadIdentity(directory, ASSERTION);
        }, clock);

        ProviderToken token = tokens.token(null);
        ProviderToken again = tokens.token(null);

        assertThat(token.value()).isEqualTo("entra-access-token-for-devops");
        assertThat(again).isEqualTo(token);
        assertThat(built).containsExactly(Optional.empty());
        assertThat(entra.tokenRequests()).hasSize(1);
        assertThat(entra.tokenRequests().get(0))
                .startsWith("/" + FakeEntraId.TENANT + "/oauth2/v2.0/token ")
                .containsPattern("scope=[^&]*" + java.util.regex.Pattern.quote(AzureDevOpsTokens.SCOPE))
                .contains("client_assertion=" + ASSERTION);
    }

    @Test
    void shouldReportARefusedIdentityInOneLine() {
        AzureDevOpsTokens tokens = new AzureDevOpsTokens(
                proxy -> entra.workloadIdentity(directory, "a-token-entra-does-not-know"), clock);

        assertThatThrownBy(() -> tokens.token(null))
                .isInstanceOf(GitProviderException.class)
                .hasMessageStartingWith("azure: getting an Entra ID token for Azure DevOps failed: ")
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining("a-token-entra-does-not-know");
    }

    @Test
    void shouldRouteTokenRequestsThroughTheRepositorysProxy() {
        ProxyOptions http = AzureDevOpsTokens.proxyOptions(
                new GitCredentials.ProxySettings("http://proxy.internal:3128", "pu", "pp"));
        ProxyOptions socks = AzureDevOpsTokens.proxyOptions(
                new GitCredentials.ProxySettings("socks5://proxy.internal", null, null));

        assertThat(http.getType()).isEqualTo(ProxyOptions.Type.HTTP);
        assertThat(http.getAddress()).isEqualTo(InetSocketAddress.createUnresolved("proxy.internal", 3128));
        assertThat(http.getUsername()).isEqualTo("pu");
        assertThat(socks.getType()).isEqualTo(ProxyOptions.Type.SOCKS5);
        assertThat(socks.getAddress().getPort()).isEqualTo(1080);
    }
}
