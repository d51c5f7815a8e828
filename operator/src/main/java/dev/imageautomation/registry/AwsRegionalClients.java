package dev.imageautomation.registry;

import dev.imageautomation.identity.LruCache;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * One AWS SDK client per region, built on first use and shared by every identity that calls the region: a client
 * owns an HTTP client and is thread-safe, and what differs per identity, the credentials, travels with each request.
 * Regions come from registry hosts, which objects name freely, so beyond the bound the least recently used region's
 * client is closed rather than kept for a typo forever; callers therefore ask for the client at each call instead of
 * keeping it.
 */
final class AwsRegionalClients<C extends SdkAutoCloseable> {

    private final Function<String, ? extends C> build;
    private final LruCache<String, C> clients = new LruCache<>(LruCache.DEFAULT_MAX_ENTRIES, SdkAutoCloseable::close);

    /** @param build region → a new client for it */
    AwsRegionalClients(Function<String, ? extends C> build) {
        this.build = build;
    }

    C in(String region) {
        return clients.computeIfAbsent(region, build);
    }

    /** The regions that have a client, least recently used first. */
    List<String> regions() {
        return clients.keys();
    }
}
