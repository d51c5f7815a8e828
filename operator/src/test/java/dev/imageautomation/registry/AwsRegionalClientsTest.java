package dev.imageautomation.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/** One client per region for every identity, and a bound on regions, since objects name them freely. */
class AwsRegionalClientsTest {

    private final List<FakeClient> built = new ArrayList<>();
    private final AwsRegionalClients<FakeClient> clients = new AwsRegionalClients<>(region -> {
        FakeClient client = new FakeClient(region);
        built.add(client);
        return client;
    });

    @Test
    void shouldBuildOneClientPerRegionWhoeverAsks() {
        FakeClient first = clients.in("eu-west-1");

        assertThat(clients.in("eu-west-1")).isSameAs(first);
        assertThat(clients.in("us-east-1")).isNotSameAs(first);
        assertThat(built).extracting(FakeClient::region).containsExactly("eu-west-1", "us-east-1");
    }

    @Test
    void shouldCloseTheClientOfTheLeastRecentlyUsedRegionBeyondTheBound() {
        for (int i = 0; i < 100; i++) {
            clients.in("region-" + i);
        }
        clients.in("region-0");

        clients.in("region-100");

        assertThat(clients.regions()).hasSize(100).doesNotContain("region-1").contains("region-0", "region-100");
        assertThat(built).filteredOn(FakeClient::closed).extracting(FakeClient::region).containsExactly("region-1");
        FakeClient again = clients.in("region-1");
        assertThat(again.closed()).isFalse();
        assertThat(built).filteredOn(FakeClient::closed).extracting(FakeClient::region)
                .containsExactly("region-1", "region-2");
    }

    private static final class FakeClient implements SdkAutoCloseable {

        private final String region;
        private boolean closed;

        FakeClient(String region) {
            this.region = region;
        }

        String region() {
            return region;
        }

        boolean closed() {
            return closed;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
