package dev.imageautomation.reconciler;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * Writes the conditions a reconcile starts with before the reconcile ends, as Flux does when it sees a new
 * generation or a new reconcile request: {@code kubectl get} then shows a long scan or push as in progress
 * ("processing object: new generation 1 -> 2") instead of the previous run's verdict. Publishing never fails a
 * reconcile; the final status patch carries the same conditions and more.
 */
public interface ProgressPublisher {

  /** For the {@code run} command and unit tests: the objects are in memory, there is nobody to tell. */
  ProgressPublisher NONE = (object, conditions) -> { };

  void publish(HasMetadata object, List<Condition> conditions);
}
