package dev.imageautomation.registry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registry Bearer tokens by (realm, service, scope, credential fingerprint), kept until shortly before they
 * expire, so that a scan every minute does not hit the token service every minute. Shared by all clients.
 */
public final class BearerTokenCache {

    /** Tokens are dropped this long before their stated expiry, to survive clock skew and slow requests. */
    static final Duration EXPIRY_MARGIN = Duration.ofSeconds(10);

    private final Map<Key, Token> tokens = new ConcurrentHashMap<>();
    private final Clock clock;

    public BearerTokenCache(Clock clock) {
        this.clock = clock;
    }

    Optional<String> get(Key key) {
        Token token = tokens.get(key);
        if (token == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(token.refreshAt())) {
            tokens.remove(key, token);
            return Optional.empty();
        }
        return Optional.of(token.value());
    }

    void put(Key key, String value, Duration lifetime) {
        Duration margin = lifetime.compareTo(EXPIRY_MARGIN.multipliedBy(3)) < 0 ? lifetime.dividedBy(5) : EXPIRY_MARGIN;
        tokens.put(key, new Token(value, clock.instant().plus(lifetime).minus(margin)));
    }

    void invalidate(Key key) {
        tokens.remove(key);
    }

    public int size() {
        return tokens.size();
    }

    /** What a token was issued for; {@code credentials} is a one-way fingerprint, never the secret itself. */
    record Key(String realm, String service, String scope, String credentials) {
    }

    private record Token(String value, Instant refreshAt) {
        @Override
        public String toString() {
            return "Token[***, refreshAt=" + refreshAt + "]";
        }
    }
}
