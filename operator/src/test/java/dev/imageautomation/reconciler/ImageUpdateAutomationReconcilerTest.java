package dev.imageautomation.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageautomation.api.v1.ConditionReasons;
import dev.imageautomation.api.v1.GitRepository;
import dev.imageautomation.api.v1.ImagePolicy;
import dev.imageautomation.api.v1.ImagePolicyStatus;
import dev.imageautomation.api.v1.ImageRef;
import dev.imageautomation.api.v1.ImageUpdateAutomation;
import dev.imageautomation.config.OperatorConfig;
import dev.imageautomation.git.GitWorkspaces;
import io.fabric8.kubernetes.api.model.Condition;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageUpdateAutomationReconcilerTest {

  private static final String PATCHES = """
      apiVersion: helm.toolkit.fluxcd.io/v2
      kind: HelmRelease
      metadata:
        name: app-name
      spec:
        values:
          image:
            tag: dev-abc1234-1 # {"$imagepolicy": "flux-system:app-name-dev:tag"}
      """;
  private static final String AUTOMATION = """
      apiVersion: image.toolkit.fluxcd.io/v1
      kind: ImageUpdateAutomation
      metadata:
        name: app-name-auto-dev
        namespace: flux-system
      spec:
        interval: 5m
        sourceRef:
          kind: GitRepository
          name: flux-system
        git:
          checkout:
            ref:
              branch: main
          commit:
            author:
              name: fluxbot
              email: fluxbot@example.com
            messageTemplate: |
              chore: automated image update

              Automation: {{ .AutomationObject }}
          push:
            branch: main
        update:
          strategy: Setters
          path: ./apps/dev
      """;
  private static final String POLICY = """
      apiVersion: image.toolkit.fluxcd.io/v1
      kind: ImagePolicy
      metadata: {name: app-name-dev, namespace: flux-system}
      spec:
        imageRepositoryRef: {name: app-name-dev}
        policy: {numerical: {order: asc}}
      """;

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock("2026-11-25T10:00:00Z");
  private final Fixtures.RecordedEvents events = new Fixtures.RecordedEvents();
  private final InMemoryCluster cluster = new InMemoryCluster();
  private LocalGitRepository remote;
  private ImageUpdateAutomationReconciler reconciler;

  @BeforeEach
  void setUp() throws Exception {
    remote = LocalGitRepository.seeded(dir, Map.of("apps/dev/patches.yaml", PATCHES, "README.md", "hello\n"));
    cluster.add(Fixtures.parse("""
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: GitRepository
        metadata: {name: flux-system, namespace: flux-system}
        spec: {url: '%s', interval: 1m, ref: {branch: main}}
        """.formatted(remote.url()), GitRepository.class));
    reconciler = new ImageUpdateAutomationReconciler(cluster,
        new GitSourceUpdater(cluster, new GitWorkspaces(dir.resolve("cache"))),
        Fixtures.recorder(clock, events), OperatorConfig.defaults());
  }

  @Test
  void shouldPushACommitWithTheReferenceTemplateMessageWhenAPolicySelectsANewTag() throws Exception {
    selectTag("dev-def5678-2");
    ImageUpdateAutomation automation = Fixtures.parse(AUTOMATION, ImageUpdateAutomation.class);

    Verdict verdict = reconciler.reconcileOnce(automation, SourceUpdater.Mode.PUSH).verdict();

    String head = remote.head("main");
    assertThat(verdict.isReady()).isTrue();
    assertThat(remote.message(head))
        .isEqualTo("chore: automated image update\n\nAutomation: flux-system/app-name-auto-dev\n\n");
    assertThat(remote.show("main", "apps/dev/patches.yaml"))
        .isEqualTo(PATCHES.replace("dev-abc1234-1", "dev-def5678-2"));
    var status = automation.getStatus();
    assertThat(status.getLastPushCommit()).isEqualTo(head);
    assertThat(status.getLastPushTime()).isEqualTo("2026-11-25T10:00:00Z");
    assertThat(status.getObservedSourceRevision()).isEqualTo("main@sha1:" + head);
    assertThat(status.getObservedPolicies()).containsEntry("app-name-dev",
        new ImageRef("registry.example.com/app-name", "dev-def5678-2"));
    assertThat(ready(automation).getMessage()).isEqualTo("repository up-to-date");
    assertThat(events.last()).isEqualTo("NORMAL Succeeded: pushed commit '" + head.substring(0, 7)
        + "' to branch 'main'\nchore: automated image update\n\nAutomation: flux-system/app-name-auto-dev\n");
  }

  @Test
  void shouldNotCommitWhenTheFilesAlreadyHoldTheSelectedTag() throws Exception {
    selectTag("dev-abc1234-1");
    ImageUpdateAutomation automation = Fixtures.parse(AUTOMATION, ImageUpdateAutomation.class);

    reconciler.reconcileOnce(automation, SourceUpdater.Mode.PUSH);
    reconciler.reconcileOnce(automation, SourceUpdater.Mode.PUSH);

    assertThat(remote.commitCount("main")).isEqualTo(1);
    assertThat(automation.getStatus().getLastPushCommit()).isNull();
    assertThat(ready(automation).getStatus()).isEqualTo("True");
    assertThat(events.events).containsExactly("NORMAL Succeeded: repository up-to-date",
        "TRACE Succeeded: repository up-to-date");
  }

  @Test
  void shouldPreviewTheChangeWithoutTouchingTheRemote() throws Exception {
    selectTag("dev-def5678-2");
    ImageUpdateAutomation automation = Fixtures.parse(AUTOMATION, ImageUpdateAutomation.class);

    var outcome = reconciler.reconcileOnce(automation, SourceUpdater.Mode.PREVIEW);

    assertThat(remote.commitCount("main")).isEqualTo(1);
    var preview = outcome.result().orElseThrow().preview().orElseThrow();
    assertThat(preview.files()).singleElement().satisfies(f -> assertThat(f.file()).isEqualTo("patches.yaml"));
    assertThat(preview.message()).contains(
        "chore: automated image update\n\nAutomation: flux-system/app-name-auto-dev\n");
  }

  @Test
  void shouldRetryWithSourceManagerFailedWhenTheGitRepositoryIsMissing() {
    ImageUpdateAutomation automation = Fixtures.parse(AUTOMATION.replace("name: flux-system", "name: missing"),
        ImageUpdateAutomation.class);

    Verdict verdict = reconciler.reconcileOnce(automation, SourceUpdater.Mode.PUSH).verdict();

    assertThat(verdict.state()).isEqualTo(Verdict.State.RETRY);
    assertThat(ready(automation).getReason()).isEqualTo(ConditionReasons.SOURCE_MANAGER_FAILED);
    assertThat(ready(automation).getMessage()).contains("GitRepository/flux-system/missing");
    assertThat(automation.getStatus().getLastAutomationRunTime()).isEqualTo("2026-11-25T10:00:00Z");
  }

  @Test
  void shouldStallOnAPolicySelectorWithAnUnknownOperator() {
    ImageUpdateAutomation automation = Fixtures.parse(AUTOMATION.replace("  update:\n",
        "  policySelector:\n    matchExpressions:\n    - {key: env, operator: Near, values: [dev]}\n  update:\n"),
        ImageUpdateAutomation.class);

    assertThat(reconciler.reconcileOnce(automation, SourceUpdater.Mode.PUSH).verdict().state())
        .isEqualTo(Verdict.State.STALLED);
    assertThat(ready(automation).getReason()).isEqualTo(ConditionReasons.INVALID_POLICY_SELECTOR);
    assertThat(events.last()).startsWith("WARNING InvalidPolicySelector: ");
  }

  @Test
  void shouldStallOnATemplateThatDoesNotParseBeforeAnyGitWork() throws Exception {
    selectTag("dev-def5678-2");
    ImageUpdateAutomation automation = Fixtures.parse(AUTOMATION.replace("{{ .AutomationObject }}",
        "{{ .AutomationObject "), ImageUpdateAutomation.class);

    assertThat(reconciler.reconcileOnce(automation, SourceUpdater.Mode.PUSH).verdict().state())
        .isEqualTo(Verdict.State.STALLED);
    assertThat(ready(automation).getMessage()).contains("template");
    assertThat(remote.commitCount("main")).isEqualTo(1);
  }

  @Test
  void shouldStallOnARemovedTemplateField() throws Exception {
    selectTag("dev-def5678-2");
    ImageUpdateAutomation automation = Fixtures.parse(AUTOMATION.replace("{{ .AutomationObject }}",
        "{{ range .Updated.Images }}{{ . }}{{ end }}"), ImageUpdateAutomation.class);

    reconciler.reconcileOnce(automation, SourceUpdater.Mode.PUSH);

    assertThat(ready(automation).getReason()).isEqualTo(ConditionReasons.REMOVED_TEMPLATE_FIELD);
    assertThat(remote.commitCount("main")).isEqualTo(1);
  }

  private void selectTag(String tag) {
    ImagePolicy policy = Fixtures.parse(POLICY, ImagePolicy.class);
    ImagePolicyStatus status = new ImagePolicyStatus();
    status.setLatestRef(new ImageRef("registry.example.com/app-name", tag));
    policy.setStatus(status);
    cluster.add(policy);
  }

  private static Condition ready(ImageUpdateAutomation automation) {
    return Conditions.find(automation.getStatus().getConditions(), "Ready").orElseThrow();
  }
}
