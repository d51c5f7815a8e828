package dev.imageautomation.registry;

import java.time.Instant;
import java.util.List;

/**
 * What a scan found, shaped like {@code status.lastScanResult} plus the fields written beside it.
 *
 * @param tagCount tags stored after exclusion
 * @param latestTags the first 10 stored tags (store order, descending bytewise)
 * @param revision checksum of the stored tag set ({@link TagChecksum})
 * @param scanTime when the tags were stored
 * @param canonicalImageName {@code status.canonicalImageName}
 * @param observedExclusionList {@code status.observedExclusionList}
 */
public record ScanOutcome(int tagCount, List<String> latestTags, String revision, Instant scanTime,
        String canonicalImageName, List<String> observedExclusionList) {

    public static final int LATEST_TAGS = 10;

    public ScanOutcome {
        latestTags = List.copyOf(latestTags);
        observedExclusionList = List.copyOf(observedExclusionList);
    }

    /** The Ready message Flux writes after a scan. */
    public String readyMessage() {
        return "successful scan: found " + tagCount + " tags with checksum " + revision;
    }
}
