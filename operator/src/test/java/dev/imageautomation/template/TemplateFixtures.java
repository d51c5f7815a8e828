package dev.imageautomation.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data the Go reference outputs were produced with (same values, same Go shapes), by fixture name.
 * {@code commit} has one file with one object (so Go's {@code .Changed.Changes} order is deterministic);
 * {@code commit2} has several files and objects; {@code generic} is a {@code map[string]interface{}}.
 */
final class TemplateFixtures {
    private TemplateFixtures() {
    }

    /** Stands for the Go test struct {@code Person{Name string; Age int; Tags []string}}. */
    @GoType("Person")
    record Person(String name, long age, List<String> tags) {
    }

    static Object data(String fixture) {
        return switch (fixture) {
            case "commit" -> commit();
            case "commit2" -> commit2();
            case "generic" -> generic();
            default -> throw new IllegalArgumentException(fixture);
        };
    }

    static CommitMessageData commit() {
        Map<String, Map<ObjectIdentifier, List<ValueChange>>> files = new LinkedHashMap<>();
        files.put("apps/dev/patches.yaml", Map.of(
                new ObjectIdentifier("helm.toolkit.fluxcd.io/v2", "HelmRelease", "app-name", ""),
                List.of(new ValueChange("dev-abc1234-12345678", "dev-def5678-12345690", "flux-system:app-name-dev:tag"),
                        new ValueChange("ghcr.io/org/app:1.0.0", "ghcr.io/org/app:1.1.0", "flux-system:app-dev"))));
        return new CommitMessageData(new AutomationObject("flux-system", "app-dev"), new ChangeResult(files),
                Map.of("env", "dev", "team", "platform"));
    }

    static CommitMessageData commit2() {
        Map<String, Map<ObjectIdentifier, List<ValueChange>>> files = new LinkedHashMap<>();
        Map<ObjectIdentifier, List<ValueChange>> deploy = new LinkedHashMap<>();
        deploy.put(new ObjectIdentifier("apps/v1", "Deployment", "web", "prod"),
                List.of(new ValueChange("web:1", "web:2", "apps:web")));
        deploy.put(new ObjectIdentifier("apps/v1", "Deployment", "api", "prod"),
                List.of(new ValueChange("api:1", "api:2", "apps:api")));
        files.put("b/deploy.yaml", deploy);
        files.put("a/values.yaml", Map.of(new ObjectIdentifier("", "", "", ""),
                List.of(new ValueChange("1.0", "1.1", "apps:chart:tag"))));
        return new CommitMessageData(new AutomationObject("apps", "prod"), new ChangeResult(files), null);
    }

    static Map<String, Object> generic() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("Str", "hello");
        data.put("Empty", "");
        data.put("Int", 42);
        data.put("Zero", 0);
        data.put("Neg", -7);
        data.put("Float", 3.5);
        data.put("True", true);
        data.put("False", false);
        data.put("List", List.of("a", "b", "c"));
        data.put("Ints", List.of(3, 1, 2));
        data.put("EmptyList", List.of());
        data.put("Map", new LinkedHashMap<>(Map.of("b", 2, "a", 1, "c", "three")));
        data.put("Nested", Map.of("Inner", Map.of("Key", "deep")));
        data.put("Nil", null);
        data.put("Words", List.of("banana", "apple", "cherry", "apple"));
        data.put("Mixed", new ArrayList<>(Arrays.asList(1, "two", null, 3.5, true)));
        data.put("Struct", new Person("Ann", 30, List.of("x", "y")));
        data.put("Unicode", "héllo wörld");
        data.put("HTML", "<a href=\"x\">&</a>");
        data.put("Spaces", "  padded  ");
        data.put("Path", "apps/dev/deploy.yaml");
        data.put("Image", "ghcr.io/org/app:v1.2.3");
        return data;
    }
}
