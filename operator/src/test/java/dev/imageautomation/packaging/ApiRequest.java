package dev.imageautomation.packaging;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.Collection;

/** One request as RBAC sees it: API group, resource (with subresource) and verb. */
record ApiRequest(String group, String resource, String verb) {

  static final String IMAGE_GROUP = "image.toolkit.fluxcd.io";
  static final String IMAGE_API_VERSION = IMAGE_GROUP + "/v1";

  /** Whether {@code rule} grants this request (wildcards included, as RBAC evaluates them). */
  boolean grantedBy(PolicyRule rule) {
    return matches(rule.getApiGroups(), group) && matches(rule.getResources(), resource)
        && matches(rule.getVerbs(), verb);
  }

  boolean grantedByAny(Collection<PolicyRule> rules) {
    return rules.stream().anyMatch(this::grantedBy);
  }

  private static boolean matches(Collection<String> allowed, String value) {
    return allowed != null && (allowed.contains("*") || allowed.contains(value));
  }
}
