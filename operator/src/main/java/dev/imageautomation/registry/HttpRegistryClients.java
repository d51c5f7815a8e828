package dev.imageautomation.registry;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link HttpRegistryClient} per distinct {@link ConnectionSettings}, all sharing one Bearer token cache:
 * building a JDK client with its own TLS context and connection pool per scan would waste both.
 */
public final class HttpRegistryClients implements RegistryClientFactory {

    /** Beyond this many distinct settings the cache starts over, so edited specs cannot grow it forever. */
    static final int MAX_CLIENTS = 256;

    private final Map<ConnectionSettings, RegistryClient> clients = new ConcurrentHashMap<>();
    private final BearerTokenCache tokens;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final Clock clock;

    public HttpRegistryClients(BearerTokenCache tokens, RetryPolicy retry, Sleeper sleeper, Clock clock) {
        this.tokens = tokens;
        this.retry = retry;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    public HttpRegistryClients(Clock clock) {
        this(new BearerTokenCache(clock), RetryPolicy.DEFAULT, Sleeper.SYSTEM, clock);
    }

    @Override
    public RegistryClient clientFor(ConnectionSettings settings) {
        if (clients.size() >= MAX_CLIENTS && !clients.containsKey(settings)) {
            clients.clear();
        }
        return clients.computeIfAbsent(settings,
                s -> new HttpRegistryClient(s, tokens, retry, sleeper, clock));
    }
}
