package dev.imageautomation.setters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScalarFormatterTest {

  @ParameterizedTest(name = "{0} needs quotes: {1}")
  @CsvSource(delimiter = '|', value = {
      "1.10 | true", "5 | true", "-7 | true", "1_000 | true", "0x1F | true", "0o17 | true",
      "0b101 | true", "1e3 | true", ".5 | true", "1. | true", "yes | true", "No | true", "on | true",
      "OFF | true", "y | true", "true | true", "null | true", "~ | true", "'' | true", ".inf | true",
      "-.Inf | true", ".NaN | true", "<< | true",
      "v1.10 | false", "1.2.3 | false", "2024-01-01 | false", "dev-abc1234 | false",
      "ghcr.io/acme/api:1.0 | false", "registry:5000/app:1.10@sha256:abc | false", "yesterday | false",
      "'[::1]:5000/app:1' | true", "'-x' | false", "'- x' | true", "'a: b' | true", "'a #b' | true",
      "'a:' | true", "' a' | true", "'@x' | true", "'*x' | true", "'!x' | true", "'%x' | true",
      "'a#b' | false"})
  void shouldQuoteOnlyValuesThatWouldNotLoadBackAsTheSameString(String value, boolean quoted) {
    assertThat(ScalarFormatter.needsQuotes(value)).isEqualTo(quoted);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "`it's` | `'it''s'` | `\"it's\"`",
      "`a\"b\\c` | `'a\"b\\c'` | `\"a\\\"b\\\\c\"`",
      "`tab\there` | `'tab\there'` | `\"tab\\there\"`"})
  void shouldEscapeForEachQuotingStyle(String value, String single, String dbl) {
    assertThat(ScalarFormatter.singleQuoted(value.replace("\\t", "\t")))
        .isEqualTo(single.replace("\\t", "\t"));
    assertThat(ScalarFormatter.doubleQuoted(value.replace("\\t", "\t"))).isEqualTo(dbl);
  }
}
