/**
 * The three reconcilers and everything between them and Kubernetes.
 *
 * <p>Each reconciler is a recipe ({@code reconcileOnce}) over small ports: {@link
 * dev.imageautomation.reconciler.RegistryAccess} (scan, stored tags, digests), {@link
 * dev.imageautomation.reconciler.TagSelection} (the policy engine), {@link
 * dev.imageautomation.reconciler.SourceUpdater} (checkout, rewrite, commit, push) and {@link
 * dev.imageautomation.reconciler.ClusterReader} (the other objects a reconcile reads). The recipe ends in a
 * {@link dev.imageautomation.reconciler.Verdict} (ready, stalled, retry with backoff, wait, suspended), which the
 * JOSDK glue ({@code JosdkControls}) turns into status patches and reschedules, and which the {@code run} command
 * reads directly: both drive the same code, the operator over the API server ({@code KubernetesCluster}), the
 * command over objects read from files ({@link dev.imageautomation.reconciler.InMemoryCluster}).
 *
 * <p>Status is written in one place: {@link dev.imageautomation.reconciler.Conditions} (kstatus Ready /
 * Reconciling / Stalled with Flux's reasons, transition time only on a flip, the generation on every condition)
 * and {@link dev.imageautomation.reconciler.StatusRecorder} (plus Flux's events and the {@code gotk_*} metrics);
 * {@link dev.imageautomation.reconciler.ControllerRuntimeMetrics} turns JOSDK's monitoring callbacks into
 * controller-runtime's {@code controller_runtime_*} and {@code workqueue_*} series.
 * The adapters ({@code ScannerRegistryAccess} with {@code RegistryAuthOptions}, {@code PolicyTagSelection},
 * {@code GitSourceUpdater}, {@code CommitMessages}, {@code GitSecrets}) translate the custom resources into the
 * engines' plain records; {@link dev.imageautomation.reconciler.WorkloadIdentityPolicy} decides which ServiceAccount
 * a cloud provider authenticates as, behind Flux's {@code ObjectLevelWorkloadIdentity} gate.
 * {@link dev.imageautomation.reconciler.EventSources} holds the watches that make the chain immediate;
 * {@code LabelSelectors} evaluates {@code policySelector} by hand because fabric8 only sends selectors to the
 * API server.
 */
package dev.imageautomation.reconciler;
