package dev.imageautomation.registry;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scan step of ImageRepository: list all tags, drop excluded ones, sort into store order, replace the stored
 * set, and report. Nothing is stored when listing fails, so a policy never sees a partial tag set.
 */
public final class RegistryScanner {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryScanner.class);

    private final RegistryClientFactory clients;
    private final TagStore store;
    private final Clock clock;

    public RegistryScanner(RegistryClientFactory clients, TagStore store, Clock clock) {
        this.clients = clients;
        this.store = store;
        this.clock = clock;
    }

    /**
     * @throws IllegalArgumentException when an exclusion pattern is invalid ({@code failed to compile regex ...})
     * @throws RegistryException when the registry or the credentials fail
     */
    public ScanOutcome scan(ScanRequest request) {
        ExclusionList exclusions = ExclusionList.of(request.exclusionList());
        RegistryClient client = clients.clientFor(request.connection());
        List<String> listed = client.listTags(request.image(), request.credentials());
        List<String> tags = listed.stream()
                .distinct()
                .filter(tag -> !exclusions.excludes(tag))
                .sorted(TagOrder.STORE_ORDER)
                .toList();
        store.put(request.key(), tags);
        ScanOutcome outcome = new ScanOutcome(tags.size(), tags.subList(0, Math.min(ScanOutcome.LATEST_TAGS, tags.size())),
                TagChecksum.of(tags), clock.instant(), request.image().canonicalName(), exclusions.patterns());
        LOG.atDebug().addKeyValue("repository", request.key()).addKeyValue("image", request.image())
                .addKeyValue("listed", listed.size()).addKeyValue("stored", tags.size())
                .log("scanned registry");
        return outcome;
    }
}
