package dev.imageautomation.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LabelSelectorsTest {

  private static final Map<String, String> DEV = Map.of("env", "dev", "team", "a");

  static Stream<Arguments> selectors() {
    return Stream.of(
        Arguments.of("no selector", null, true),
        Arguments.of("matching labels", new LabelSelectorBuilder().withMatchLabels(Map.of("env", "dev")).build(), true),
        Arguments.of("other labels", new LabelSelectorBuilder().withMatchLabels(Map.of("env", "prod")).build(), false),
        Arguments.of("In", expression("env", "In", "dev", "staging"), true),
        Arguments.of("NotIn", expression("env", "NotIn", "dev"), false),
        Arguments.of("Exists", expression("team", "Exists"), true),
        Arguments.of("DoesNotExist", expression("team", "DoesNotExist"), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("selectors")
  void shouldMatchLabelsAsKubernetesDoes(String name, LabelSelector selector, boolean matches) {
    assertThat(LabelSelectors.matches(selector, DEV)).isEqualTo(matches);
    assertThat(LabelSelectors.problemWith(selector)).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidSelectors")
  void shouldExplainWhyASelectorIsInvalid(String name, LabelSelector selector, String problem) {
    assertThat(LabelSelectors.problemWith(selector)).contains(problem);
  }

  static Stream<Arguments> invalidSelectors() {
    return Stream.of(
        Arguments.of("unknown operator", expression("env", "Near", "dev"), "not a valid label selector operator"),
        Arguments.of("In without values", expression("env", "In"), "values set can't be empty"),
        Arguments.of("Exists with values", expression("env", "Exists", "dev"), "values set must be empty"));
  }

  private static LabelSelector expression(String key, String operator, String... values) {
    return new LabelSelectorBuilder().addNewMatchExpression().withKey(key).withOperator(operator)
        .withValues(values).endMatchExpression().build();
  }
}
