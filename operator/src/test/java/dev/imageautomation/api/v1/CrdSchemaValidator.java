package dev.imageautomation.api.v1;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a manifest against the structural OpenAPI schema of a CRD the way the API server does for the parts
 * this model uses: types, required fields, unknown (pruned) fields, patterns, enums, lengths and item counts.
 * CEL rules ({@code x-kubernetes-validations}) and defaults are out of scope; the real API server tests cover
 * them. Written by hand because no schema validator is on the classpath and the subset is small.
 */
final class CrdSchemaValidator {

  private final JSONSchemaProps root;

  CrdSchemaValidator(CustomResourceDefinition crd) {
    this.root = crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema();
  }

  /** The violations of {@code spec} and {@code status}, as {@code path: problem}; empty when valid. */
  List<String> validate(JsonNode manifest) {
    List<String> errors = new ArrayList<>();
    for (String section : List.of("spec", "status")) {
      if (manifest.has(section)) {
        check(manifest.get(section), root.getProperties().get(section), section, errors);
      }
    }
    return errors;
  }

  private void check(JsonNode value, JSONSchemaProps schema, String path, List<String> errors) {
    switch (schema.getType()) {
      case "object" -> checkObject(value, schema, path, errors);
      case "array" -> checkArray(value, schema, path, errors);
      case "string" -> checkString(value, schema, path, errors);
      case "integer" -> expect(value.isIntegralNumber(), path + ": must be an integer", errors);
      case "boolean" -> expect(value.isBoolean(), path + ": must be a boolean", errors);
      default -> errors.add(path + ": unsupported schema type " + schema.getType());
    }
  }

  private void checkObject(JsonNode value, JSONSchemaProps schema, String path, List<String> errors) {
    if (!value.isObject()) {
      errors.add(path + ": must be an object");
      return;
    }
    for (String required : schema.getRequired()) {
      expect(value.hasNonNull(required), path + "." + required + ": Required value", errors);
    }
    Map<String, JSONSchemaProps> properties = schema.getProperties();
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String fieldPath = path + "." + field.getKey();
      if (properties != null && properties.containsKey(field.getKey())) {
        check(field.getValue(), properties.get(field.getKey()), fieldPath, errors);
      } else if (schema.getAdditionalProperties() != null && schema.getAdditionalProperties().getSchema() != null) {
        check(field.getValue(), schema.getAdditionalProperties().getSchema(), fieldPath, errors);
      } else if (!Boolean.TRUE.equals(schema.getXKubernetesPreserveUnknownFields())) {
        errors.add(fieldPath + ": unknown field (the API server would prune it)");
      }
    }
  }

  private void checkArray(JsonNode value, JSONSchemaProps schema, String path, List<String> errors) {
    if (!value.isArray()) {
      errors.add(path + ": must be an array");
      return;
    }
    if (schema.getMaxItems() != null && value.size() > schema.getMaxItems()) {
      errors.add(path + ": must have at most " + schema.getMaxItems() + " items");
    }
    for (int i = 0; i < value.size(); i++) {
      check(value.get(i), schema.getItems().getSchema(), path + "[" + i + "]", errors);
    }
  }

  private void checkString(JsonNode value, JSONSchemaProps schema, String path, List<String> errors) {
    if (!value.isTextual()) {
      errors.add(path + ": must be a string");
      return;
    }
    String text = value.asText();
    if (schema.getPattern() != null && !Pattern.compile(schema.getPattern()).matcher(text).find()) {
      errors.add(path + ": must match " + schema.getPattern());
    }
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()
        && schema.getEnum().stream().noneMatch(e -> e.asText().equals(text))) {
      errors.add(path + ": Unsupported value \"" + text + "\"");
    }
    if (schema.getMaxLength() != null && text.length() > schema.getMaxLength()) {
      errors.add(path + ": may not be longer than " + schema.getMaxLength());
    }
    if (schema.getMinLength() != null && text.length() < schema.getMinLength()) {
      errors.add(path + ": must be at least " + schema.getMinLength() + " characters");
    }
  }

  private static void expect(boolean condition, String error, List<String> errors) {
    if (!condition) {
      errors.add(error);
    }
  }
}
