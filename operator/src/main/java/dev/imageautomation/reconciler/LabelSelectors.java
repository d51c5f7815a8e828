package dev.imageautomation.reconciler;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes label-selector matching ({@code matchLabels} and {@code matchExpressions} with In, NotIn, Exists,
 * DoesNotExist) for {@code spec.policySelector}. Hand-written: fabric8 only sends selectors to the API server, it
 * does not evaluate them.
 */
final class LabelSelectors {

  private LabelSelectors() {}

  /** Whether {@code labels} match; a null selector matches everything, as Flux treats a missing selector. */
  static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return true;
    }
    Map<String, String> actual = labels == null ? Map.of() : labels;
    if (selector.getMatchLabels() != null && !actual.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
      return false;
    }
    List<LabelSelectorRequirement> expressions = selector.getMatchExpressions();
    return expressions == null || expressions.stream().allMatch(e -> matches(e, actual));
  }

  /** A reason the selector is invalid, or null when it is valid. */
  static String problemWith(LabelSelector selector) {
    if (selector == null || selector.getMatchExpressions() == null) {
      return null;
    }
    for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
      String operator = requirement.getOperator();
      boolean needsValues = "In".equals(operator) || "NotIn".equals(operator);
      boolean valueless = "Exists".equals(operator) || "DoesNotExist".equals(operator);
      List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
      if (!needsValues && !valueless) {
        return "\"" + operator + "\" is not a valid label selector operator";
      }
      if (needsValues && values.isEmpty()) {
        return "values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty";
      }
      if (valueless && !values.isEmpty()) {
        return "values: Invalid value: " + values + ": values set must be empty for exists and does not exist";
      }
    }
    return null;
  }

  private static boolean matches(LabelSelectorRequirement requirement, Map<String, String> labels) {
    String value = labels.get(requirement.getKey());
    List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
    return switch (requirement.getOperator()) {
      case "In" -> value != null && values.contains(value);
      case "NotIn" -> value == null || !values.contains(value);
      case "Exists" -> value != null;
      case "DoesNotExist" -> value == null;
      default -> false;
    };
  }
}
