package dev.imageautomation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Flux's own RegexFilter table, plus the mapping back to original tags. */
class TagFilterTest {
  private static final List<String> DEBUG_TAGS = List.of(
      "123-123.123.abcd123-debug", "123-123.123.abcd123",
      "123-123.123.abcd456-debug", "123-123.123.abcd456");

  static Stream<Arguments> fluxFilterTable() {
    return Stream.of(
        Arguments.of("none", List.of("a"), "", "", List.of("a")),
        Arguments.of("valid pattern", List.of("ver1", "ver2", "ver3", "rel1"), "^ver", "",
            List.of("ver1", "ver2", "ver3")),
        Arguments.of("valid pattern with capture group", List.of("ver1", "ver2", "ver3", "rel1"),
            "ver(\\d+)", "$1", List.of("1", "2", "3")),
        Arguments.of("complex regex 1", DEBUG_TAGS, "^(123-[0-9]+\\.[0-9]+\\.[a-z0-9]+-debug)", "",
            List.of("123-123.123.abcd123-debug", "123-123.123.abcd456-debug")),
        Arguments.of("complex regex 2", DEBUG_TAGS,
            "^(?P<tag>123-[0-9]+\\.[0-9]+\\.[a-z0-9]+[^-debug])", "$tag",
            List.of("123-123.123.abcd123", "123-123.123.abcd456")),
        Arguments.of("complex regex 3", DEBUG_TAGS,
            "^(?P<tag>123-[0-9]+\\.[0-9]+\\.[a-z0-9]+$)", "$tag",
            List.of("123-123.123.abcd123", "123-123.123.abcd456")));
  }

  @ParameterizedTest(name = "flux: {0}")
  @MethodSource("fluxFilterTable")
  void shouldKeepAndExtractWhatFluxKeepsAndExtracts(String label, List<String> tags,
      String pattern, String extract, List<String> expected) throws InvalidPolicyException {
    TagFilter.Candidates candidates = TagFilter.compile(pattern, extract).apply(tags);

    assertThat(candidates.values()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(candidates.values()).allSatisfy(value ->
        assertThat(tags).contains(candidates.originalOf(value)));
  }

  @ParameterizedTest(name = "flux: {0}")
  @MethodSource("fluxFilterTable")
  void shouldListCandidatesInStoreOrderOfFirstOccurrence(String label, List<String> tags,
      String pattern, String extract, List<String> expected) throws InvalidPolicyException {
    List<String> values = TagFilter.compile(pattern, extract).apply(tags).values();

    List<Integer> positions = values.stream().map(v -> firstTagProducing(tags, pattern, extract, v))
        .toList();
    assertThat(positions).isSorted();
  }

  private static int firstTagProducing(List<String> tags, String pattern, String extract,
      String value) {
    for (int i = 0; i < tags.size(); i++) {
      try {
        List<String> one = TagFilter.compile(pattern, extract).apply(List.of(tags.get(i))).values();
        if (one.contains(value)) {
          return i;
        }
      } catch (InvalidPolicyException e) {
        throw new AssertionError(e);
      }
    }
    return -1;
  }

  @org.junit.jupiter.api.Test
  void shouldGiveFreshAnswersWhenTheSameFilterSeesChangedTagsAgain() throws InvalidPolicyException {
    TagFilter filter = TagFilter.compile("^v(?P<n>[0-9]+)$", "$n");

    assertThat(filter.apply(List.of("v1", "v2", "x")).values()).containsExactly("1", "2");
    assertThat(filter.apply(List.of("x", "v3", "v1")).values()).containsExactly("3", "1");
    List<String> many = java.util.stream.IntStream.range(0, 5000).mapToObj(i -> "v" + i).toList();
    assertThat(filter.apply(many).values()).hasSize(5000);
    assertThat(filter.apply(List.of("v7", "w8")).values()).containsExactly("7");
  }

  @org.junit.jupiter.api.Test
  void shouldNotReuseAResultWhenTheCallerChangedItsListInPlace() throws InvalidPolicyException {
    TagFilter filter = TagFilter.compile("^v(?P<n>[0-9]+)$", "$n");
    List<String> tags = new java.util.ArrayList<>(List.of("v1", "v2"));
    assertThat(filter.apply(tags).values()).containsExactly("1", "2");

    tags.set(1, "v3");

    assertThat(filter.apply(tags).values()).containsExactly("1", "3");
    assertThat(filter.apply(tags).originalOf("3")).isEqualTo("v3");
  }
}
