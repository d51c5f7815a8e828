package dev.imageautomation.reconciler;

import dev.imageautomation.api.v1.ApiGroups;
import dev.imageautomation.api.v1.ImageRepository;
import dev.imageautomation.api.v1.ImageRepositoryStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether an ImageRepository must be scanned now, and why, as Flux's {@code shouldScan} decides it: a first scan,
 * a requested reconcile, a new image name, a changed exclusion list, an empty store (after a restart) or the
 * interval elapsed. Otherwise the next scan is due in {@code next}.
 */
record ScanSchedule(Optional<String> reason, Duration next) {

  private static final Duration MIN_WAIT = Duration.ofSeconds(1);

  static ScanSchedule decide(
      ImageRepository repository, String canonicalName, int storedTags, Instant now, Duration interval) {
    ImageRepositoryStatus status = repository.getStatus();
    if (status == null || status.getLastScanResult() == null) {
      return scan("first scan", interval);
    }
    String requested = repository.getMetadata().getAnnotations() == null ? null
        : repository.getMetadata().getAnnotations().get(ApiGroups.RECONCILE_REQUEST_ANNOTATION);
    if (requested != null && !requested.equals(status.getLastHandledReconcileAt())) {
      return scan("reconcile requested", interval);
    }
    if (!canonicalName.equals(status.getCanonicalImageName())) {
      return scan("new image name", interval);
    }
    if (!sameElements(repository.getSpec().effectiveExclusionList(), status.getObservedExclusionList())) {
      return scan("updated exclusion list", interval);
    }
    if (storedTags == 0) {
      return scan("no tags in database", interval);
    }
    Duration sinceLastScan = Duration.between(Instant.parse(status.getLastScanResult().getScanTime()), now);
    Duration when = interval.minus(sinceLastScan);
    return when.compareTo(MIN_WAIT) < 0 ? scan("triggered by interval", interval) : new ScanSchedule(
        Optional.empty(), when);
  }

  private static ScanSchedule scan(String reason, Duration interval) {
    return new ScanSchedule(Optional.of(reason), interval);
  }

  private static boolean sameElements(List<String> wanted, List<String> observed) {
    return observed != null && wanted.size() == observed.size()
        && Objects.equals(new HashSet<>(wanted), new HashSet<>(observed));
  }
}
