package dev.imageautomation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties every selection must have, whatever the tags: the chosen tag satisfies the policy,
 * no admissible tag beats it, and nothing is chosen only when nothing is admissible.
 */
class SelectionProperties {

  @Property(tries = 500)
  void shouldChooseAnAdmittedVersionThatNoAdmittedTagBeats(
      @ForAll("ranges") String rangeText, @ForAll("semverTags") List<String> tags)
      throws InvalidPolicyException {
    SemverRange range = SemverRange.parse(rangeText);
    List<SemanticVersion> admitted = tags.stream()
        .map(SemanticVersion::parseTagOrNull)
        .filter(v -> v != null && range.admits(v))
        .toList();

    Selection selection = new SemverPolicy(range).select(tags);

    if (admitted.isEmpty()) {
      assertThat(selection).isInstanceOf(Selection.NoMatch.class);
      return;
    }
    String chosenTag = ((Selection.Chosen) selection).tag();
    SemanticVersion chosen = SemanticVersion.parseTagOrNull(chosenTag);
    assertThat(chosen).isNotNull();
    assertThat(range.admits(chosen)).as("chosen %s admitted by %s", chosenTag, rangeText).isTrue();
    assertThat(admitted).allSatisfy(v -> assertThat(v.compareTo(chosen)).isLessThanOrEqualTo(0));
    SemanticVersion firstEqual = admitted.stream()
        .filter(v -> v.compareTo(chosen) == 0).findFirst().orElseThrow();
    assertThat(chosenTag).as("first of equal versions in store order").isEqualTo(
        firstEqual.original());
  }

  @Property(tries = 300)
  void shouldOrderVersionsTotally(@ForAll("semverTags") List<String> tags) {
    List<SemanticVersion> versions = tags.stream()
        .map(SemanticVersion::parseTagOrNull).filter(v -> v != null).toList();
    for (SemanticVersion a : versions) {
      for (SemanticVersion b : versions) {
        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(-Integer.signum(b.compareTo(a)));
        for (SemanticVersion c : versions) {
          if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
            assertThat(a.compareTo(c)).isLessThanOrEqualTo(0);
          }
        }
      }
    }
  }

  @Property(tries = 300)
  void shouldChooseTheExtremeNumberWithTheLastTieWinning(
      @ForAll("numbers") List<String> tags, @ForAll SortOrder order) {
    Selection selection = new NumericalPolicy(order).select(tags);

    String chosen = ((Selection.Chosen) selection).tag();
    double best = GoFloat.parse(chosen);
    for (String tag : tags) {
      double value = GoFloat.parse(tag);
      assertThat(order == SortOrder.ASC ? value <= best : value >= best)
          .as("%s does not beat %s", tag, chosen).isTrue();
    }
    assertThat(tags.lastIndexOf(chosen)).as("last of equal values")
        .isEqualTo(lastIndexOfValue(tags, best));
  }

  @Property(tries = 300)
  void shouldChooseTheBytewiseExtreme(
      @ForAll("words") List<String> tags, @ForAll SortOrder order) {
    String chosen = ((Selection.Chosen) new AlphabeticalPolicy(order).select(tags)).tag();

    assertThat(tags).contains(chosen);
    for (String tag : tags) {
      int comparison = tag.compareTo(chosen);
      assertThat(order == SortOrder.ASC ? comparison <= 0 : comparison >= 0).isTrue();
    }
  }

  @Property(tries = 300)
  void shouldReturnAnOriginalTagWhoseExtractIsTheBestValue(
      @ForAll("prefixedNumbers") List<String> tags) throws InvalidPolicyException {
    TagSelector selector = TagSelector.of(PolicyChoice.numerical("asc"),
        TagFilter.compile("^build-(?P<n>[0-9]+)-", "$n"));
    List<Long> extracted = tags.stream().filter(t -> t.matches("^build-[0-9]+-.*"))
        .map(t -> Long.parseLong(t.split("-")[1])).toList();

    Selection selection = selector.select(tags);

    if (extracted.isEmpty()) {
      assertThat(selection).isInstanceOfSatisfying(Selection.NoMatch.class,
          m -> assertThat(m.reason()).isEqualTo(
              tags.isEmpty() ? Selection.NoMatch.Reason.NO_TAGS
                  : Selection.NoMatch.Reason.NONE_PASSED_FILTER));
      return;
    }
    String chosen = ((Selection.Chosen) selection).tag();
    assertThat(tags).contains(chosen);
    long value = Long.parseLong(chosen.split("-")[1]);
    assertThat(extracted).allSatisfy(v -> assertThat(v).isLessThanOrEqualTo(value));
  }

  private static int lastIndexOfValue(List<String> tags, double value) {
    for (int i = tags.size() - 1; i >= 0; i--) {
      if (GoFloat.parse(tags.get(i)) == value) {
        return i;
      }
    }
    return -1;
  }

  @Provide
  Arbitrary<String> ranges() {
    Arbitrary<String> operator = Arbitraries.of("", "=", "!=", ">", "<", ">=", "=>", "<=", "=<",
        "~", "~>", "^");
    Arbitrary<String> constraint = Combinators.combine(operator, constraintVersions())
        .as((op, version) -> op + version);
    Arbitrary<String> group = constraint.list().ofMinSize(1).ofMaxSize(3)
        .map(list -> String.join(list.size() % 2 == 0 ? ", " : " ", list));
    return group.list().ofMinSize(1).ofMaxSize(3).map(list -> String.join(" || ", list));
  }

  private Arbitrary<String> constraintVersions() {
    Arbitrary<String> part = Arbitraries.oneOf(Arbitraries.integers().between(0, 4).map(String::valueOf),
        Arbitraries.of("x", "*"));
    Arbitrary<String> numbers = part.list().ofMinSize(1).ofMaxSize(3)
        .map(parts -> String.join(".", parts));
    return Combinators.combine(numbers, prereleases()).as((n, pre) -> n + pre);
  }

  @Provide
  Arbitrary<List<String>> semverTags() {
    // a small domain, so that equal versions spelled differently (v prefix, build) are common
    Arbitrary<String> number = Arbitraries.integers().between(0, 2).map(String::valueOf);
    Arbitrary<String> version = Combinators.combine(
            Arbitraries.of("", "v"), number, number, number, prereleases(),
            Arbitraries.of("", "", "+b", "+a.1"))
        .as((v, major, minor, patch, pre, build) ->
            v + major + "." + minor + "." + patch + pre + build);
    Arbitrary<String> junk = Arbitraries.of("latest", "1.2", "main-abc", "1.0.0.1", "V1.0.0");
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(9, version), net.jqwik.api.Tuple.of(1, junk))
        .list().ofMaxSize(12);
  }

  private Arbitrary<String> prereleases() {
    return Arbitraries.of("", "", "", "", "", "-0", "-rc.1", "-rc.2", "-alpha", "-alpha.1",
        "-beta.10", "-rc9", "-rc10", "-1");
  }

  @Provide
  Arbitrary<List<String>> numbers() {
    Arbitrary<String> number = Arbitraries.oneOf(
        Arbitraries.integers().between(-50, 50).map(String::valueOf),
        Arbitraries.integers().between(0, 9).map(i -> "0" + i),
        Arbitraries.doubles().between(-100, 100).ofScale(2).map(String::valueOf),
        Arbitraries.integers().between(1, 9).map(i -> "0x1p" + i),
        Arbitraries.integers().between(1, 9).map(i -> i + "e1"),
        Arbitraries.of("1_000", "-0", "+0", ".5", "5."));
    return number.list().ofMinSize(1).ofMaxSize(12);
  }

  @Provide
  Arbitrary<List<String>> words() {
    return Arbitraries.strings().withChars("abzAZ019.-_").ofMinLength(1).ofMaxLength(6)
        .list().ofMinSize(1).ofMaxSize(12);
  }

  @Provide
  Arbitrary<List<String>> prefixedNumbers() {
    Arbitrary<String> tag = Arbitraries.oneOf(
        Combinators.combine(Arbitraries.integers().between(0, 30),
                Arbitraries.of("linux", "arm", "x"))
            .as((n, suffix) -> "build-" + n + "-" + suffix),
        Arbitraries.of("latest", "build-x-1", "rel-3-linux").map(s -> s.toLowerCase(Locale.ROOT)));
    return tag.list().ofMaxSize(10);
  }
}
