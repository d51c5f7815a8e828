/**
 * The Kubernetes API model: ImageRepository, ImagePolicy and ImageUpdateAutomation of group
 * {@code image.toolkit.fluxcd.io}, version {@code v1}, field for field as in Flux v1 (names, defaults,
 * validation, short names, categories, printer columns), plus a read model of Flux's GitRepository
 * ({@code source.toolkit.fluxcd.io/v1}, kept here because the automation's checkout ref is the same type).
 *
 * <p>What lives here: the custom resources ({@code <Kind>}, {@code <Kind>Spec}, {@code <Kind>Status} and their
 * parts), {@link dev.imageautomation.api.v1.ConditionTypes} and {@link dev.imageautomation.api.v1.ConditionReasons}
 * (Flux's strings), {@link dev.imageautomation.api.v1.ApiGroups} (groups, finalizer, reconcile annotation) and
 * defaulting accessors named {@code effective…()} that apply Flux's defaults where the schema's defaults do not
 * reach (objects built in code, the {@code run} command's files). The one addition to Flux v1 is
 * {@code ImagePolicy.status.latestImage} ({@code name:tag}), which the reference document's troubleshooting
 * command reads.
 *
 * <p>Conventions, and why:
 * <ul>
 *   <li>Explicit POJOs (no Lombok); optional values are boxed and {@code null} when absent and serialised with
 *       {@code NON_NULL}, so a manifest read and written back is unchanged (tested by
 *       {@code ManifestRoundTripTest}). Times are RFC 3339 strings, as in fabric8's {@code Condition}.</li>
 *   <li>Unknown fields are ignored on read: a newer CRD, or Flux's own GitRepository CRD with fields this read
 *       model lacks, must never make a reconcile fail.</li>
 *   <li>Types that would clash with the domain packages' names carry a suffix ({@code SemVerPolicySpec},
 *       {@code FilterTags}) instead of Flux's Go names.</li>
 *   <li>The four kinds are listed in {@code META-INF/services/io.fabric8.kubernetes.api.model.KubernetesResource},
 *       so fabric8 turns untyped YAML (the {@code run} command's files, {@code client.load}) into these classes.</li>
 *   <li>{@link dev.imageautomation.api.v1.GoDuration} holds the CRD patterns of {@code interval}/{@code timeout}
 *       fields and reads them with the one Go-duration parser in {@code dev.imageautomation.duration}.</li>
 * </ul>
 *
 * <p>CRDs are generated from these classes by crd-generator-maven-plugin and committed under {@code crds/}
 * (GitRepository under {@code crds/optional/}); {@code CrdDriftTest} fails when they drift, and
 * {@code scripts/update-crds.sh} refreshes them. Imports: fabric8 model and generator annotations, Jackson
 * annotations, {@code CustomResource} and the JDK-only {@code duration} leaf, never the client, JOSDK or another
 * project package.
 */
package dev.imageautomation.api.v1;
