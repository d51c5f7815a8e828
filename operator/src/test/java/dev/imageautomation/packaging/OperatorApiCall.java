package dev.imageautomation.packaging;

import dev.imageautomation.api.v1.ApiGroups;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes API calls the operator makes, in one place, each named after the part of the reconcile flow it
 * belongs to and the code that makes it; {@link RbacProofIT} runs them as the chart's ServiceAccount. The calls
 * are made the way that code makes them (same verbs, same subresources, same scope); each also declares the
 * requests it issues, from which the test predicts which calls a reduced ClusterRole must break.
 */
enum OperatorApiCall {

  WATCH_THE_THREE_KINDS(
      "JOSDK informers of the three reconcilers (OperatorMain) list and watch every namespace",
      requests(ApiRequest.IMAGE_GROUP, List.of("imagerepositories", "imagepolicies", "imageupdateautomations"),
          "list", "watch")) {
    @Override
    void perform(KubernetesClient client, CallTarget target) {
      for (String kind : List.of("ImageRepository", "ImagePolicy", "ImageUpdateAutomation")) {
        var all = client.genericKubernetesResources(ApiRequest.IMAGE_API_VERSION, kind).inAnyNamespace();
        all.list();
        try (Watch watch = all.watch(IGNORE)) {
          // opened: the API server accepted the watch
        }
      }
    }
  },
  READ_THE_REFERENCED_IMAGE_REPOSITORY(
      "ImagePolicyReconciler reads its ImageRepository (KubernetesCluster.imageRepository)",
      requests(ApiRequest.IMAGE_GROUP, List.of("imagerepositories"), "get")) {
    @Override
    void perform(KubernetesClient client, CallTarget target) {
      images(client, "ImageRepository", target).withName(target.name()).get();
    }
  },
  ADD_AND_REMOVE_THE_FINALIZER(
      "JOSDK adds the finalizer to a new object and removes it after cleanup (patch of the object)",
      requests(ApiRequest.IMAGE_GROUP, List.of("imagepolicies"), "get", "patch")) {
    @Override
    void perform(KubernetesClient client, CallTarget target) {
      Resource<GenericKubernetesResource> policy = images(client, "ImagePolicy", target).withName(target.name());
      policy.edit(p -> withFinalizers(p, List.of(ApiGroups.FINALIZER)));
      policy.edit(p -> withFinalizers(p, List.of()));
    }
  },
  PATCH_THE_STATUS(
      "StatusRecorder writes conditions and results: JOSDK patches the status subresource of the object it holds"
          + " (UpdateControl.patchStatus), without reading it again",
      requests(ApiRequest.IMAGE_GROUP, List.of("imagepolicies/status"), "patch")) {
    @Override
    void perform(KubernetesClient client, CallTarget target) {
      GenericKubernetesResource policy = new GenericKubernetesResource();
      policy.setApiVersion(ApiRequest.IMAGE_API_VERSION);
      policy.setKind("ImagePolicy");
      policy.setMetadata(new ObjectMetaBuilder().withName(target.name()).withNamespace(target.namespace()).build());
      policy.setAdditionalProperty("status", Map.of("observedGeneration", 1));
      images(client, "ImagePolicy", target).resource(policy).patchStatus();
    }
  },
  REQUEST_A_SCAN_FROM_THE_REGISTRY_WEBHOOK(
      "registry push webhook: the receiver's repositories, its token Secret, the reconcile request annotation"
          + " (KubernetesReceivers)",
      concat(requests(ApiRequest.IMAGE_GROUP, List.of("imagerepositories"), "list", "get", "patch"),
          requests("", List.of("secrets"), "get"))) {
    @Override
    void perform(KubernetesClient client, CallTarget target) {
      images(client, "ImageRepository", target).list();
      requireFound(client.secrets().inNamespace(target.namespace()).withName(target.name()).get(), "secret");
      images(client, "ImageRepository", target).withName(target.name()).edit(r -> {
        Map<String, String> annotations = new java.util.HashMap<>(
            r.getMetadata().getAnnotations() == null ? Map.of() : r.getMetadata().getAnnotations());
        annotations.put(ApiGroups.RECONCILE_REQUEST_ANNOTATION, target.unique());
        r.getMetadata().setAnnotations(annotations);
        return r;
      });
    }
  },
  READ_THE_GIT_REPOSITORY(
      "ImageUpdateAutomationReconciler reads the GitRepository it names (KubernetesCluster.gitRepository)",
      requests("source.toolkit.fluxcd.io", List.of("gitrepositories"), "get")) {
    @Override
    void perform(KubernetesClient client, CallTarget target) {
      client.genericKubernetesResources("source.toolkit.fluxcd.io/v1", "GitRepository")
          .inNamespace(target.namespace()).withName(target.name()).get();
    }
  },
  WATCH_GIT_REPOSITORIES(
      "the GitRepository informer (EventSources): a spec edit re-runs the automations that name it",
      requests("source.toolkit.fluxcd.io", List.of("gitrepositories"), "list", "watch")) {
    @Override
    void perform(KubernetesClient client, CallTarget target) {
      var all = client.genericKubernetesResources("source.toolkit.fluxcd.io/v1", "GitRepository").inAnyNamespace();
      all.list();
      try (Watch watch = all.watch(IGNORE)) {
        // opened: the API server accepted the watch
      }
    }
  },
  READ_A_CREDENTIALS_SECRET(
      "registry and git credentials (KubernetesCluster.secret, GitSecrets, RegistryAuthOptions)",
      requests("", List.of("secrets"), "get")) {
    @Override
    void perform(KubernetesClient client, CallTarget target) {
      Secret secret = client.secrets().inNamespace(target.namespace()).withName(target.name()).get();
      requireFound(secret, "secret");
    }
  },
  READ_THE_SERVICE_ACCOUNT_PULL_SECRETS(
      "ImageRepository spec.serviceAccountName: its imagePullSecrets or cloud identity"
          + " (KubernetesCluster.serviceAccount)",
      requests("", List.of("serviceaccounts"), "get")) {
    @Override
    void perform(KubernetesClient client, CallTarget target) {
      ServiceAccount account = client.serviceAccounts().inNamespace(target.namespace()).withName("default").get();
      requireFound(account, "service account");
    }
  },
  ISSUE_A_SERVICE_ACCOUNT_TOKEN(
      "object-level workload identity: a token for the ImageRepository's service account, for the cloud's token"
          + " service (KubernetesCluster.serviceAccountToken)",
      requests("", List.of("serviceaccounts/token"), "create")) {
    @Override
    void perform(KubernetesClient client, CallTarget target) {
      TokenRequest issued = client.serviceAccounts().inNamespace(target.namespace()).withName("default")
          .tokenRequest(new TokenRequestBuilder().withNewSpec().withAudiences("sts.amazonaws.com").endSpec()
              .build());
      requireFound(issued.getStatus().getToken(), "token");
    }
  },
  READ_THE_POLICY_NAMESPACE_LABELS(
      "accessFrom namespace selectors (KubernetesCluster.namespaceLabels)",
      requests("", List.of("namespaces"), "get")) {
    @Override
    void perform(KubernetesClient client, CallTarget target) {
      requireFound(client.namespaces().withName(target.namespace()).get(), "namespace");
    }
  },
  RECORD_AND_COUNT_AN_EVENT(
      "KubernetesEventRecorder: a new event is created, a repeated one counted on the existing Event",
      requests("", List.of("events"), "get", "create", "update")) {
    @Override
    void perform(KubernetesClient client, CallTarget target) {
      var events = client.v1().events().inNamespace(target.namespace());
      String name = target.name() + "." + target.unique();
      events.withName(name).get();
      Event created = events.resource(new EventBuilder().withNewMetadata().withName(name).endMetadata()
          .withReason("Succeeded").withMessage("proof").withType("Normal").withCount(1)
          .withNewInvolvedObject().withKind("ImagePolicy").withNamespace(target.namespace())
          .withName(target.name()).endInvolvedObject().build()).create();
      Event existing = events.withName(name).get();
      existing.setCount(created.getCount() + 1);
      events.resource(existing).update();
    }
  },
  HOLD_THE_LEADER_LEASE(
      "leader election in the release namespace: JOSDK's start-up access check (a SelfSubjectRulesReview that must"
          + " show get, create, update), then fabric8's LeaseLock reads, creates and renews (patch) the Lease",
      requests("coordination.k8s.io", List.of("leases"), "get", "create", "update", "patch")) {
    @Override
    void perform(KubernetesClient client, CallTarget target) {
      requireJosdkLeaseAccess(client);
      var leases = client.leases().inNamespace(RepositoryLayout.NAMESPACE);
      String name = "proof-" + target.unique();
      leases.withName(name).get();
      Lease lease = leases.resource(new LeaseBuilder().withNewMetadata().withName(name).endMetadata()
          .withNewSpec().withHolderIdentity("proof").withLeaseDurationSeconds(15).endSpec().build()).create();
      lease.getSpec().setLeaseTransitions(1);
      leases.resource(lease).patch(PatchContext.of(PatchType.JSON_MERGE));
    }
  };

  /**
   * JOSDK's {@code LeaderElectionManager.checkLeaseAccess}: the operator does not start unless the rules review shows
   * the three verbs; reported here as the API server would report a refused request.
   */
  private static void requireJosdkLeaseAccess(KubernetesClient client) {
    SelfSubjectRulesReview review = client.authorization().v1().selfSubjectRulesReview().create(
        new SelfSubjectRulesReviewBuilder().withNewSpec().withNamespace(RepositoryLayout.NAMESPACE).endSpec().build());
    for (String verb : List.of("get", "create", "update")) {
      ApiRequest request = new ApiRequest("coordination.k8s.io", "leases", verb);
      boolean granted = review.getStatus().getResourceRules().stream().anyMatch(rule -> request.grantedBy(
          new PolicyRule(rule.getApiGroups(), null, rule.getResourceNames(), rule.getResources(), rule.getVerbs())));
      if (!granted) {
        throw new KubernetesClientException("JOSDK would not start: no " + verb + " on leases", 403, null);
      }
    }
  }

  private static final Watcher<GenericKubernetesResource> IGNORE = new Watcher<>() {
    @Override
    public void eventReceived(Action action, GenericKubernetesResource resource) {}

    @Override
    public void onClose(WatcherException cause) {}
  };

  private final String part;
  private final List<ApiRequest> requests;

  OperatorApiCall(String part, List<ApiRequest> requests) {
    this.part = part;
    this.requests = requests;
  }

  /** Makes the call; throws {@link io.fabric8.kubernetes.client.KubernetesClientException} when refused. */
  abstract void perform(KubernetesClient client, CallTarget target);

  String part() {
    return part;
  }

  List<ApiRequest> requests() {
    return requests;
  }

  /** The objects the calls work on: created by the test's administrator beforehand. */
  record CallTarget(String namespace, String name, String unique) {}

  private static List<ApiRequest> requests(String group, List<String> resources, String... verbs) {
    List<ApiRequest> all = new ArrayList<>();
    for (String resource : resources) {
      for (String verb : verbs) {
        all.add(new ApiRequest(group, resource, verb));
      }
    }
    return List.copyOf(all);
  }

  private static List<ApiRequest> concat(List<ApiRequest> first, List<ApiRequest> second) {
    List<ApiRequest> all = new ArrayList<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }

  private static MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList,
      Resource<GenericKubernetesResource>> images(KubernetesClient client, String kind, CallTarget target) {
    return (MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList,
        Resource<GenericKubernetesResource>>) client.genericKubernetesResources(ApiRequest.IMAGE_API_VERSION, kind)
        .inNamespace(target.namespace());
  }

  private static GenericKubernetesResource withFinalizers(GenericKubernetesResource object, List<String> finalizers) {
    object.getMetadata().setFinalizers(new ArrayList<>(finalizers));
    return object;
  }

  private static void requireFound(Object found, String what) {
    if (found == null) {
      throw new IllegalStateException("the test's " + what + " is missing");
    }
  }
}
