package dev.imageautomation.cli;

import dev.imageautomation.api.v1.ImagePolicy;
import dev.imageautomation.api.v1.ImageRepository;
import dev.imageautomation.api.v1.ImageUpdateAutomation;
import dev.imageautomation.config.OperatorConfig;
import dev.imageautomation.git.GitWorkspaces;
import dev.imageautomation.reconciler.EventRecorder;
import dev.imageautomation.reconciler.GitSourceUpdater;
import dev.imageautomation.reconciler.ImagePolicyReconciler;
import dev.imageautomation.reconciler.ImageRepositoryReconciler;
import dev.imageautomation.reconciler.ImageUpdateAutomationReconciler;
import dev.imageautomation.reconciler.InMemoryCluster;
import dev.imageautomation.reconciler.PolicyTagSelection;
import dev.imageautomation.reconciler.ProgressPublisher;
import dev.imageautomation.reconciler.ReconcileMetrics;
import dev.imageautomation.reconciler.ScannerRegistryAccess;
import dev.imageautomation.reconciler.SourceUpdater;
import dev.imageautomation.reconciler.StatusRecorder;
import dev.imageautomation.registry.HttpRegistryClients;
import dev.imageautomation.registry.InMemoryTagStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One reconcile pass over objects read from files, through the operator's own reconcilers: every ImageRepository
 * (scan), then every ImagePolicy (select), then every ImageUpdateAutomation (rewrite, and push or preview). Status
 * is written into the objects in place, as the API server would hold it.
 */
final class LocalRun {

  private LocalRun() {}

  /** Runs the pass; returns each automation's outcome, keyed {@code namespace/name}. */
  static Map<String, ImageUpdateAutomationReconciler.Outcome> pass(InMemoryCluster cluster, Path storage,
      SourceUpdater.Mode mode, EventRecorder events) {
    Clock clock = Clock.systemUTC();
    OperatorConfig config = OperatorConfig.defaults();
    StatusRecorder recorder = new StatusRecorder(clock, events, new ReconcileMetrics(new SimpleMeterRegistry()),
        ProgressPublisher.NONE);
    ScannerRegistryAccess registry = new ScannerRegistryAccess(cluster, new HttpRegistryClients(clock),
        new InMemoryTagStore(), clock);
    ImageRepositoryReconciler repositories = new ImageRepositoryReconciler(registry, recorder, config);
    cluster.all(ImageRepository.class).forEach(repositories::reconcileOnce);
    ImagePolicyReconciler policies = new ImagePolicyReconciler(cluster, registry, new PolicyTagSelection(),
        recorder, config);
    cluster.all(ImagePolicy.class).forEach(policies::reconcileOnce);
    ImageUpdateAutomationReconciler automations = new ImageUpdateAutomationReconciler(cluster,
        new GitSourceUpdater(cluster, new GitWorkspaces(storage.resolve("git"))), recorder, config);
    Map<String, ImageUpdateAutomationReconciler.Outcome> outcomes = new LinkedHashMap<>();
    for (ImageUpdateAutomation automation : cluster.all(ImageUpdateAutomation.class)) {
      outcomes.put(automation.getMetadata().getNamespace() + "/" + automation.getMetadata().getName(),
          automations.reconcileOnce(automation, mode));
    }
    return outcomes;
  }
}
