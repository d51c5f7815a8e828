package dev.imageautomation.packaging;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * Clients the API server authorizes as a service account, as it does a pod's token: the administrator's connection
 * with {@code Impersonate-User: system:serviceaccount:<ns>:<name>} and the groups a token carries, so RBAC decides
 * every request exactly as in the cluster.
 */
public final class Impersonation {

  private Impersonation() {}

  public static KubernetesClient asServiceAccount(KubernetesClient admin, String namespace, String account) {
    return new KubernetesClientBuilder().withConfig(new ConfigBuilder(admin.getConfiguration())
        .withImpersonateUsername("system:serviceaccount:" + namespace + ":" + account)
        .withImpersonateGroups("system:serviceaccounts", "system:serviceaccounts:" + namespace,
            "system:authenticated")
        .build()).build();
  }
}
