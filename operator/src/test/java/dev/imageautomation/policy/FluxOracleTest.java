package dev.imageautomation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays {@code testdata/policy/flux-oracle.tsv}: about 29,500 answers recorded from the very Go
 * code Flux runs (Masterminds/semver v3.5.0 {@code NewConstraint}/{@code Check}/{@code Compare},
 * fluxcd/pkg/version {@code ParseVersion}, {@code strconv.ParseFloat}, {@code regexp.Expand}, and
 * Flux's three {@code Latest} loops for whole selections) over curated and randomly generated
 * inputs. Each line is {@code kind, inputs..., Go's answer}; see
 * testdata/policy/README.md for the format and how the file was produced.
 */
class FluxOracleTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"C", "M", "V", "F", "X", "S"})
  void shouldGiveTheSameAnswerAsFluxGoCodeForEveryRecordedInput(String kind) throws IOException {
    List<String> mismatches = new ArrayList<>();
    int checked = 0;
    for (String line : lines()) {
      String[] fields = line.split("\t", -1);
      if (!fields[0].equals(kind)) {
        continue;
      }
      checked++;
      String expected = fields[fields.length - 1];
      String actual = answer(kind).apply(fields);
      if (!expected.equals(actual)) {
        mismatches.add(line.replace("\t", " | ") + "  => java: " + actual);
      }
    }
    assertThat(checked).as("recorded cases of kind " + kind).isGreaterThan(100);
    assertThat(mismatches).as("answers differing from Flux").isEmpty();
  }

  private static Function<String[], String> answer(String kind) {
    return switch (kind) {
      case "C" -> f -> rangeOrNull(f[1]) == null ? "ERR" : "OK";
      case "M" -> FluxOracleTest::matches;
      case "V" -> FluxOracleTest::compare;
      case "F" -> f -> parseFloat(f[1]);
      case "X" -> f -> expand(f[1], f[2], f[3]);
      case "S" -> FluxOracleTest::select;
      default -> throw new IllegalArgumentException(kind);
    };
  }

  private static String matches(String[] f) {
    SemverRange range = rangeOrNull(f[1]);
    if (range == null) {
      return "ERR";
    }
    SemanticVersion version = SemanticVersion.parseTagOrNull(f[2]);
    return version == null ? "NOTVERSION" : String.valueOf(range.admits(version));
  }

  private static String select(String[] f) {
    PolicyChoice choice = switch (f[1]) {
      case "semver" -> PolicyChoice.semver(f[2]);
      case "numerical" -> PolicyChoice.numerical(f[2]);
      default -> PolicyChoice.alphabetical(f[2]);
    };
    try {
      Selection selection = TagPolicies.from(choice).select(List.of(f[3].split(",", -1)));
      return selection instanceof Selection.Chosen chosen ? "=" + chosen.tag() : "FAIL";
    } catch (InvalidPolicyException e) {
      return "ERR";
    }
  }

  private static String compare(String[] f) {
    SemanticVersion left = SemanticVersion.parseTagOrNull(f[1]);
    SemanticVersion right = SemanticVersion.parseTagOrNull(f[2]);
    if (left == null || right == null) {
      return "NOTVERSION:" + (left != null) + ":" + (right != null);
    }
    return String.valueOf(Integer.signum(left.compareTo(right)));
  }

  private static String parseFloat(String text) {
    try {
      double value = GoFloat.parse(text);
      return Double.isNaN(value) ? "NaN" : Long.toHexString(Double.doubleToRawLongBits(value));
    } catch (NumberFormatException e) {
      return "ERR";
    }
  }

  private static String expand(String pattern, String template, String tag) {
    Pattern compiled;
    try {
      compiled = Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      return "ERR";
    }
    Matcher matcher = compiled.matcher(tag);
    if (!matcher.find()) {
      return "NOMATCH";
    }
    return "=" + ExtractTemplate.compile(template, compiled).expand(matcher);
  }

  private static SemverRange rangeOrNull(String text) {
    try {
      return SemverRange.parse(text);
    } catch (InvalidPolicyException e) {
      return null;
    }
  }

  private static List<String> lines() throws IOException {
    try (InputStream in = FluxOracleTest.class.getResourceAsStream(
        "/testdata/policy/flux-oracle.tsv")) {
      assertThat(in).as("flux-oracle.tsv on the test classpath").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
