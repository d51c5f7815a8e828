package dev.imageautomation.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthChallengeTest {

    @Test
    void shouldParseABearerChallengeWithACommaInsideTheQuotedScope() {
        List<AuthChallenge> challenges = AuthChallenge.parse(
                "Bearer realm=\"https://auth.example/token\",service=\"registry.example\","
                        + "scope=\"repository:app:pull,push\"");

        assertThat(challenges).containsExactly(new AuthChallenge("bearer", Map.of(
                "realm", "https://auth.example/token", "service", "registry.example",
                "scope", "repository:app:pull,push")));
    }

    @Test
    void shouldParseSeveralChallengesAndUnquotedValuesCaseInsensitively() {
        List<AuthChallenge> challenges = AuthChallenge.parse("BASIC Realm=registry, Bearer realm=http://t/token");

        assertThat(challenges).hasSize(2);
        assertThat(challenges.get(0).isBasic()).isTrue();
        assertThat(challenges.get(0).parameter("REALM")).contains("registry");
        assertThat(challenges.get(1).isBearer()).isTrue();
        assertThat(challenges.get(1).parameter("realm")).contains("http://t/token");
    }

    @Test
    void shouldReturnNothingForAnEmptyHeader() {
        assertThat(AuthChallenge.parse("")).isEmpty();
        assertThat(AuthChallenge.parse(null)).isEmpty();
    }
}
