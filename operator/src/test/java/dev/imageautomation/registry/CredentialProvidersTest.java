package dev.imageautomation.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imageautomation.identity.ServiceAccountIdentity;
import dev.imageautomation.identity.ServiceAccountTokenException;
import dev.imageautomation.identity.ServiceAccountTokens;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One provider per cloud for the controller, and one per ServiceAccount identity for object-level identity. */
class CredentialProvidersTest {

    private final List<ServiceAccountIdentity> built = new ArrayList<>();
    private final List<String> closed = new ArrayList<>();
    private final CredentialProviders providers = new CredentialProviders(Clock.systemUTC())
            .withWorkloadIdentity("aws", (account, tokens, clock) -> {
                built.add(account);
                return new CachingCredentialProvider("aws", image -> true, "any host", new CredentialFetcher() {
                    @Override
                    public ExpiringCredentials fetch(ImageReference image) {
                        throw new RegistryException("not called here");
                    }

                    @Override
                    public void close() {
                        closed.add(account.name());
                    }
                }, clock);
            });

    private static ServiceAccountIdentity account(String name, String role) {
        return new ServiceAccountIdentity("apps", name, Map.of(ServiceAccountIdentity.AWS_ROLE_ARN, role,
                "kubectl.kubernetes.io/last-applied-configuration", "{}"));
    }

    @Test
    void shouldShareOneProviderAndSoOneTokenCachePerServiceAccountIdentity() {
        CredentialProvider first = providers.forServiceAccount("aws", account("ecr-reader", "role/a"));
        CredentialProvider again = providers.forServiceAccount("AWS", account("ecr-reader", "role/a"));
        CredentialProvider otherAccount = providers.forServiceAccount("aws", account("other", "role/a"));
        CredentialProvider otherRole = providers.forServiceAccount("aws", account("ecr-reader", "role/b"));

        assertThat(again).isSameAs(first);
        assertThat(otherAccount).isNotSameAs(first);
        assertThat(otherRole).isNotSameAs(first).isNotSameAs(otherAccount);
        assertThat(built).hasSize(3);
    }

    @Test
    void shouldKeepTheHundredMostRecentlyUsedAccountsAndCloseTheProviderItDrops() {
        List<Integer> held = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            providers.forServiceAccount("aws", account("reader-" + i, "role/a"));
            held.add(providers.accountsWithProviders().size());
        }
        CredentialProvider first = providers.forServiceAccount("aws", account("reader-0", "role/a"));

        providers.forServiceAccount("aws", account("reader-100", "role/a"));
        providers.forServiceAccount("aws", account("reader-1", "role/a"));

        assertThat(held).allMatch(size -> size <= 100).endsWith(100);
        assertThat(providers.accountsWithProviders()).hasSize(100)
                .startsWith("aws apps/reader-3")
                .endsWith("aws apps/reader-0", "aws apps/reader-100", "aws apps/reader-1");
        assertThat(closed).containsExactly("reader-1", "reader-2");
        assertThat(providers.forServiceAccount("aws", account("reader-0", "role/a"))).isSameAs(first);
        assertThat(built).hasSize(102);
    }

    @Test
    void shouldKeepOnlyTheCloudIdentityAnnotationsOfAnAccount() {
        assertThat(account("ecr-reader", "role/a").annotations())
                .containsOnlyKeys(ServiceAccountIdentity.AWS_ROLE_ARN);
    }

    @Test
    void shouldSayWhenAProviderHasNoObjectLevelWorkloadIdentity() {
        assertThatThrownBy(() -> new CredentialProviders(Clock.systemUTC())
                .forServiceAccount("generic", account("reader", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not implemented for provider 'generic'");
    }

    @Test
    void shouldRefuseTokensWithoutAnApiServer() {
        assertThatThrownBy(() -> ServiceAccountTokens.NONE.issue(account("reader", "x"), "sts.amazonaws.com"))
                .isInstanceOf(ServiceAccountTokenException.class)
                .hasMessage("cannot create a kubernetes token for service account 'apps/reader': no API server to "
                        + "issue it");
    }
}
