package dev.imageautomation.policy;

import java.util.List;

/**
 * A rule that picks the latest value from a list. Implementations are immutable and thread-safe;
 * build them with {@link TagPolicies#from(PolicyChoice)}.
 */
public sealed interface TagPolicy permits SemverPolicy, AlphabeticalPolicy, NumericalPolicy {

  /**
   * Chooses among {@code candidates}, given in store order (which decides ties). The chosen value
   * is one of the candidates, unchanged. An empty list yields {@link Selection.NoMatch}.
   */
  Selection select(List<String> candidates);
}
