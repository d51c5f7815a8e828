package dev.imageautomation.git.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.ProxyOptions;
import dev.imageautomation.git.GitCredentials;
import dev.imageautomation.identity.EntraIdWorkloadIdentity;
import dev.imageautomation.identity.ServiceAccountIdentity;
import dev.imageautomation.testing.ConnectProxy;
import dev.imageautomation.testing.FakeEntraId;
import dev.imageautomation.testing.FakeServiceAccountTokens;
import dev.imageautomation.testing.MutableClock;
import dev.imageautomation.testing.TestCertificates;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Azure Identity workload identity flows against a local HTTPS Entra ID: as the operator (configured with
 * the variables AKS injects) and as a ServiceAccount (its TokenRequest token as the client assertion). The Azure
 * DevOps scope is asked for, and tokens are cached per identity.
 */
class AzureDevOpsTokensTest {

    private static final String ASSERTION = "projected-service-account-token";
    private static TestCertificates tls;

    @TempDir Path directory;
    private final MutableClock clock = new MutableClock("2026-11-25T10:00:00Z");
    private FakeEntraId entra;

    @BeforeAll
    static void certificates() {
        tls = TestCertificates.temporary();
    }

    @AfterAll
    static void removeCertificates() {
        tls.delete();
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

    @Test
    void shouldSendTheServiceAccountsTokenAsClientAssertionForTheAzureDevOpsScope() {
        FakeServiceAccountTokens kubernetes = new FakeServiceAccountTokens();
        ProviderToken token = accountTokens(FakeServiceAccountTokens.TOKEN)
                .token(account("flux-system", "git-reader"), kubernetes, null);

        assertThat(token.value()).isEqualTo("entra-access-token-for-devops");
        assertThat(kubernetes.requests()).isNotEmpty()
                .containsOnly("flux-system/git-reader " + EntraIdWorkloadIdentity.AUDIENCE);
        assertThat(entra.tokenRequests()).hasSize(1);
        assertThat(entra.tokenRequests().get(0))
                .startsWith("/" + FakeEntraId.TENANT + "/oauth2/v2.0/token ")
                .contains("client_id=" + FakeEntraId.CLIENT, "client_assertion=" + FakeServiceAccountTokens.TOKEN,
                        "client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                .containsPattern("scope=[^&]*" + java.util.regex.Pattern.quote(AzureDevOpsTokens.SCOPE));
    }

    @Test
    void shouldCacheAServiceAccountsTokenUntilShortlyBeforeItExpiresAndApartFromOtherAccounts() {
        MutableClock now = new MutableClock(java.time.Instant.now().toString());
        AzureDevOpsTokens tokens = accountTokens(FakeServiceAccountTokens.TOKEN, now);
        // under five minutes: Azure Identity's own cache gives such tokens up, so only ours can save a request
        entra.issuingTokensFor(120);
        FakeServiceAccountTokens kubernetes = new FakeServiceAccountTokens();

        tokens.token(account("flux-system", "git-reader"), kubernetes, null);
        tokens.token(account("flux-system", "git-reader"), kubernetes, null);
        assertThat(entra.tokenRequests()).hasSize(1);

        tokens.token(account("team-a", "git-reader"), kubernetes, null);
        assertThat(entra.tokenRequests()).hasSize(2);

        now.advance(java.time.Duration.ofSeconds(100));
        tokens.token(account("flux-system", "git-reader"), kubernetes, null);
        assertThat(entra.tokenRequests()).hasSize(3);
    }

    @Test
    void shouldKeepCredentialsOnlyForTheMostRecentlyUsedAccounts() {
        MutableClock now = new MutableClock(java.time.Instant.now().toString());
        accountTokens(FakeServiceAccountTokens.TOKEN);
        AzureDevOpsTokens tokens = new AzureDevOpsTokens(proxy -> {
            throw new AssertionError("the operator's own identity is not asked for");
        }, entra.serviceAccounts(), now, 2);
        // tokens of two minutes, so that a used account must ask Entra ID again, and so use its credential
        entra.issuingTokensFor(120);
        FakeServiceAccountTokens kubernetes = new FakeServiceAccountTokens();
        tokens.token(account("team-a", "git-reader"), kubernetes, null);
        tokens.token(account("team-b", "git-reader"), kubernetes, null);
        now.advance(java.time.Duration.ofSeconds(100));

        tokens.token(account("team-a", "git-reader"), kubernetes, null);
        ProviderToken third = tokens.token(account("team-c", "git-reader"), kubernetes, null);

        assertThat(third.value()).isEqualTo("entra-access-token-for-devops");
        assertThat(tokens.accountsWithCredentials()).containsExactly("team-a/git-reader", "team-c/git-reader");
        assertThat(entra.tokenRequests()).hasSize(4);
    }

    @Test
    void shouldSayWhyTheServiceAccountHadNoKubernetesToken() {
        FakeServiceAccountTokens kubernetes = new FakeServiceAccountTokens().refusing("serviceaccounts \"git-reader\" "
                + "is forbidden");

        assertThatThrownBy(() -> accountTokens(FakeServiceAccountTokens.TOKEN)
                .token(account("flux-system", "git-reader"), kubernetes, null))
                .isInstanceOf(GitProviderException.class)
                .hasMessage("azure: failed to create kubernetes token for service account 'flux-system/git-reader': "
                        + "serviceaccounts \"git-reader\" is forbidden");
        assertThat(entra.tokenRequests()).isEmpty();
    }

    @Test
    void shouldReportARefusedServiceAccountInOneLineWithoutItsToken() {
        assertThatThrownBy(() -> accountTokens("what-entra-accepts")
                .token(account("flux-system", "git-reader"), new FakeServiceAccountTokens(), null))
                .isInstanceOf(GitProviderException.class)
                .hasMessageStartingWith("azure: getting an Entra ID token for Azure DevOps as service account "
                        + "'flux-system/git-reader' failed: ")
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining(FakeServiceAccountTokens.TOKEN);
    }

    @Test
    void shouldRefuseAServiceAccountWithoutAnApplicationBeforeCallingAnyone() {
        FakeServiceAccountTokens kubernetes = new FakeServiceAccountTokens();
        ServiceAccountIdentity unannotated = new ServiceAccountIdentity("flux-system", "git-reader", Map.of());

        assertThatThrownBy(() -> accountTokens(FakeServiceAccountTokens.TOKEN).token(unannotated, kubernetes, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("failed to get provider identity from service account 'flux-system/git-reader' "
                        + "annotations: azure client ID is not set in the service account annotation "
                        + "azure.workload.identity/client-id");
        assertThat(kubernetes.requests()).isEmpty();
        assertThat(entra.tokenRequests()).isEmpty();
    }

    @Test
    void shouldAskEntraIdForAServiceAccountsTokenThroughTheRepositorysProxy() throws Exception {
        // Azure Identity only builds its own (proxied) HTTP client without one given, and that client does not
        // trust the local Entra ID: the CONNECT the proxy saw is the proof, the TLS failure after it expected
        EntraIdWorkloadIdentity unpinned = new EntraIdWorkloadIdentity(Optional.empty(),
                builder -> builder.authorityHost(entra.authorityHost()).disableInstanceDiscovery());
        AzureDevOpsTokens tokens = new AzureDevOpsTokens(proxy -> {
            throw new AssertionError("the operator's own identity is not asked for");
        }, unpinned, clock);
        try (ConnectProxy proxy = ConnectProxy.open()) {
            assertThatThrownBy(() -> tokens.token(account("flux-system", "git-reader"), new FakeServiceAccountTokens(),
                    new GitCredentials.ProxySettings(proxy.address(), null, null)))
                    .isInstanceOf(GitProviderException.class);

            assertThat(proxy.tunnels()).isNotEmpty()
                    .allMatch(tunnel -> tunnel.equals(entra.authorityHost().substring("https://".length())));
        }
    }

    private AzureDevOpsTokens accountTokens(String acceptedAssertion) {
        return accountTokens(acceptedAssertion, clock);
    }

    /** Tokens as ServiceAccounts from an Entra ID that accepts {@code acceptedAssertion} as client assertion. */
    private AzureDevOpsTokens accountTokens(String acceptedAssertion, java.time.Clock clock) {
        entra.close();
        entra = FakeEntraId.start(tls, acceptedAssertion, "entra-access-token-for-devops");
        return new AzureDevOpsTokens(proxy -> {
            throw new AssertionError("the operator's own identity is not asked for");
        }, entra.serviceAccounts(), clock);
    }

    private static ServiceAccountIdentity account(String namespace, String name) {
        return new ServiceAccountIdentity(namespace, name, Map.of(ServiceAccountIdentity.AZURE_CLIENT_ID,
                FakeEntraId.CLIENT, ServiceAccountIdentity.AZURE_TENANT_ID, FakeEntraId.TENANT));
    }
}
