package dev.imageautomation.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Runs the selection tables in {@code testdata/policy/*.yaml}: each case is an ImagePolicy spec
 * fragment, tags in store order and one expectation.
 */
class PolicyTableTest {
  private static final List<String> TABLES =
      List.of("semver", "numerical", "alphabetical", "filter", "invalid");

  @TestFactory
  Stream<DynamicTest> shouldSelectWhatEachTableCaseExpects() {
    return TABLES.stream().flatMap(table -> cases(table).stream()
        .map(c -> DynamicTest.dynamicTest(table + ": " + c.get("name"), () -> run(c))));
  }

  @SuppressWarnings("unchecked")
  private static void run(Map<String, Object> testCase) throws InvalidPolicyException {
    Map<String, Object> policy = (Map<String, Object>) testCase.get("policy");
    Map<String, Object> filterTags = (Map<String, Object>) testCase.get("filterTags");
    List<String> tags = (List<String>) testCase.get("tags");
    Map<String, Object> expect = (Map<String, Object>) testCase.get("expect");
    if (expect.containsKey("invalidPolicy")) {
      assertThatThrownBy(() -> selector(policy, filterTags))
          .isInstanceOf(InvalidPolicyException.class)
          .hasMessageContaining((String) expect.get("invalidPolicy"));
      return;
    }
    Selection selection = selector(policy, filterTags).select(tags);
    if (expect.containsKey("tag")) {
      assertThat(selection).isEqualTo(new Selection.Chosen((String) expect.get("tag")));
    } else if (expect.containsKey("noMatch")) {
      assertThat(selection).isInstanceOfSatisfying(Selection.NoMatch.class, noMatch ->
          assertThat(noMatch.reason().name()).isEqualTo(expect.get("noMatch")));
    } else {
      assertThat(selection).isInstanceOfSatisfying(Selection.InvalidTag.class, invalid -> {
        assertThat(invalid.tag()).isEqualTo(expect.get("invalidTag"));
        assertThat(invalid.message()).contains("'" + expect.get("invalidTag") + "'");
      });
    }
  }

  private static TagSelector selector(Map<String, Object> policy, Map<String, Object> filterTags)
      throws InvalidPolicyException {
    TagFilter filter = filterTags == null ? TagFilter.none()
        : TagFilter.compile((String) filterTags.get("pattern"), (String) filterTags.get("extract"));
    PolicyChoice choice = new PolicyChoice(
        field(policy, "semver", "range"),
        field(policy, "alphabetical", "order"),
        field(policy, "numerical", "order"));
    return TagSelector.of(choice, filter);
  }

  /** {@code null} when the kind is absent, {@code ""} when it is present without the field. */
  @SuppressWarnings("unchecked")
  private static String field(Map<String, Object> policy, String kind, String name) {
    Map<String, Object> body = (Map<String, Object>) policy.get(kind);
    if (body == null) {
      return null;
    }
    Object value = body.get(name);
    return value == null ? "" : value.toString();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> cases(String table) {
    String path = "/testdata/policy/" + table + ".yaml";
    try (InputStream in = PolicyTableTest.class.getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      List<Map<String, Object>> cases = (List<Map<String, Object>>)
          new Load(LoadSettings.builder().build()).loadFromInputStream(in);
      assertThat(cases).as(path).isNotEmpty();
      return cases;
    } catch (IOException e) {
      throw new IllegalStateException(path, e);
    }
  }
}
