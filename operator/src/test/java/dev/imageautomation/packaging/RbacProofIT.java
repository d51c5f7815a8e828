package dev.imageautomation.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.imageautomation.testing.WithKubeApiServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Least privilege, proved on a real kube-apiserver with RBAC: every {@link OperatorApiCall} succeeds as the chart's
 * ServiceAccount (impersonated, so the API server authorizes each request against the chart's ClusterRole and
 * Role), and for each rule of those roles, a copy without that rule refuses (403) exactly the named calls that
 * need it, and at least one. So no rule is superfluous and none is missing.
 */
@WithKubeApiServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RbacProofIT {

  private static final Duration RBAC_PROPAGATION = Duration.ofSeconds(30);
  private static final String FIELD_MANAGER = "helm";

  private final KubernetesClient admin;
  private ClusterRole clusterRole;
  private Role leaderElectionRole;
  private String serviceAccount;
  private OperatorApiCall.CallTarget target;

  RbacProofIT(KubernetesClient admin) {
    this.admin = admin;
  }

  @BeforeAll
  void installTheChartRbacAndTheObjectsTheCallsTouch() throws Exception {
    String yaml = Helm.locate().template("--set", "crds.install=false").requireSuccess().stdout();
    List<HasMetadata> rendered = admin.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items();
    applyNamespace(RepositoryLayout.NAMESPACE);
    for (HasMetadata object : rendered) {
      if (object instanceof ClusterRole role) {
        clusterRole = role;
      } else if (object instanceof Role role) {
        leaderElectionRole = role;
      } else if (object instanceof io.fabric8.kubernetes.api.model.ServiceAccount account) {
        serviceAccount = account.getMetadata().getName();
      }
      if (!(object instanceof io.fabric8.kubernetes.api.model.apps.Deployment)) {
        admin.resource(object).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
      }
    }
    target = createTargets();
  }

  @Test
  void shouldAllowEveryCallTheOperatorMakesAsTheChartServiceAccount() {
    try (KubernetesClient operator =
        Impersonation.asServiceAccount(admin, RepositoryLayout.NAMESPACE, serviceAccount)) {
      await().atMost(RBAC_PROPAGATION).untilAsserted(() -> assertThat(refusedCalls(operator)).isEmpty());
    }
  }

  static Stream<Arguments> ruleIndexes() throws Exception {
    List<String> rules = chartRules();
    return IntStream.range(0, rules.size()).mapToObj(i -> Arguments.of(i, rules.get(i)));
  }

  @ParameterizedTest(name = "without rule {0}: {1}")
  @MethodSource("ruleIndexes")
  void shouldBreakANamedPartOfTheFlowWhenAnyRuleIsRemoved(int removed, String described) {
    List<PolicyRule> clusterRules = new ArrayList<>(clusterRole.getRules());
    List<PolicyRule> roleRules = new ArrayList<>(leaderElectionRole.getRules());
    PolicyRule rule = removed < clusterRules.size() ? clusterRules.remove(removed)
        : roleRules.remove(removed - clusterRules.size());
    Set<OperatorApiCall> expected = callsNeeding(rule, clusterRules, roleRules);
    String account = "proof-without-rule-" + removed;
    bind(account, clusterRules, roleRules);

    assertThat(expected).as("calls needing %s (a rule no call needs is superfluous)", described).isNotEmpty();
    try (KubernetesClient operator = Impersonation.asServiceAccount(admin, RepositoryLayout.NAMESPACE, account)) {
      await().atMost(RBAC_PROPAGATION).untilAsserted(() -> assertThat(refusedCalls(operator))
          .as("calls refused without %s", described).isEqualTo(expected));
    }
  }

  /** The calls that some request of which no remaining rule grants. */
  private static Set<OperatorApiCall> callsNeeding(PolicyRule removed, List<PolicyRule> clusterRules,
      List<PolicyRule> roleRules) {
    List<PolicyRule> remaining = new ArrayList<>(clusterRules);
    remaining.addAll(roleRules);
    Set<OperatorApiCall> needing = EnumSet.noneOf(OperatorApiCall.class);
    for (OperatorApiCall call : OperatorApiCall.values()) {
      if (call.requests().stream().anyMatch(r -> r.grantedBy(removed) && !r.grantedByAny(remaining))) {
        needing.add(call);
      }
    }
    return needing;
  }

  /** Calls the API server refused (403); any other failure fails the test. */
  private Set<OperatorApiCall> refusedCalls(KubernetesClient operator) {
    Set<OperatorApiCall> refused = EnumSet.noneOf(OperatorApiCall.class);
    for (OperatorApiCall call : OperatorApiCall.values()) {
      try {
        call.perform(operator, new OperatorApiCall.CallTarget(target.namespace(), target.name(),
            UUID.randomUUID().toString().substring(0, 8)));
      } catch (KubernetesClientException e) {
        if (e.getCode() != 403) {
          throw new AssertionError(call + " (" + call.part() + ") failed with " + e.getCode(), e);
        }
        refused.add(call);
      }
    }
    return refused;
  }

  /** Rules of the chart's ClusterRole, then its leader-election Role, as "resources verbs" for test names. */
  @SuppressWarnings("unchecked")
  private static List<String> chartRules() throws Exception {
    RenderedChart rendered = RenderedChart.parse(Helm.locate().template("--set", "crds.install=false")
        .requireSuccess().stdout());
    List<String> rules = new ArrayList<>();
    for (String kind : List.of("ClusterRole", "Role")) {
      for (Object rule : (List<?>) rendered.single(kind).get("rules")) {
        Map<String, Object> fields = (Map<String, Object>) rule;
        rules.add(fields.get("resources") + " " + fields.get("verbs"));
      }
    }
    return rules;
  }

  private void bind(String account, List<PolicyRule> clusterRules, List<PolicyRule> roleRules) {
    String namespace = RepositoryLayout.NAMESPACE;
    admin.resource(new io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder().withNewMetadata().withName(account)
        .endMetadata().withRules(clusterRules).build()).fieldManager(FIELD_MANAGER).serverSideApply();
    admin.resource(new io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder().withNewMetadata()
        .withName(account).endMetadata().withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", account)
        .addNewSubject().withKind("ServiceAccount").withName(account).withNamespace(namespace).endSubject().build())
        .fieldManager(FIELD_MANAGER).serverSideApply();
    admin.resource(new io.fabric8.kubernetes.api.model.rbac.RoleBuilder().withNewMetadata().withName(account)
        .withNamespace(namespace).endMetadata().withRules(roleRules).build()).fieldManager(FIELD_MANAGER)
        .serverSideApply();
    admin.resource(new io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder().withNewMetadata().withName(account)
        .withNamespace(namespace).endMetadata().withNewRoleRef("rbac.authorization.k8s.io", "Role", account)
        .addNewSubject().withKind("ServiceAccount").withName(account).withNamespace(namespace).endSubject().build())
        .fieldManager(FIELD_MANAGER).serverSideApply();
  }

  private OperatorApiCall.CallTarget createTargets() {
    String namespace = "rbac-proof-" + UUID.randomUUID().toString().substring(0, 8);
    String name = "app";
    applyNamespace(namespace);
    admin.serviceAccounts().resource(new ServiceAccountBuilder().withNewMetadata().withName("default")
        .withNamespace(namespace).endMetadata().build()).fieldManager(FIELD_MANAGER).serverSideApply();
    admin.secrets().resource(new SecretBuilder().withNewMetadata().withName(name).withNamespace(namespace)
        .endMetadata().addToStringData("username", "proof").build()).create();
    for (String kind : List.of("ImageRepository", "ImagePolicy")) {
      GenericKubernetesResource object = new GenericKubernetesResource();
      object.setApiVersion(ApiRequest.IMAGE_API_VERSION);
      object.setKind(kind);
      object.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(name)
          .withNamespace(namespace).build());
      object.setAdditionalProperty("spec", kind.equals("ImageRepository")
          ? Map.of("image", "ghcr.io/org/app", "interval", "5m")
          : Map.of("imageRepositoryRef", Map.of("name", name), "policy", Map.of("semver", Map.of("range", ">=1.0.0"))));
      admin.resource(object).create();
    }
    return new OperatorApiCall.CallTarget(namespace, name, "");
  }

  private void applyNamespace(String name) {
    admin.resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .fieldManager(FIELD_MANAGER).serverSideApply();
  }
}
