package dev.imageautomation.policy;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Expands hyphen ranges ({@code 1.2 - 2.3} into {@code >= 1.2, <= 2.3 }) by text substitution
 * before anything else is parsed, exactly as Masterminds/semver does. Flux depends on the textual
 * details: the substitution eats the whitespace before the lower bound (so {@code 1.0 2.0 - 3.0}
 * is refused while {@code 1.0, 2.0 - 3.0} is fine), adds a space after the upper bound (so
 * {@code 1 - 2<=3} is accepted), and a bound's digit class includes {@code |}, so it can run across
 * an {@code ||} written without spaces. A regular expression run by RE2J (Go's matching semantics)
 * is the faithful way to reproduce that; the real grammar is in {@link SemverRangeParser}.
 */
final class HyphenRanges {
  private static final String PART = "[0-9|xX*]+";
  private static final String IDENTIFIERS = "[0-9A-Za-z\\-]+(?:\\.[0-9A-Za-z\\-]+)*";
  private static final String BOUND = "v?" + PART + "(?:\\." + PART + ")?(?:\\." + PART + ")?"
      + "(?:-" + IDENTIFIERS + ")?(?:\\+" + IDENTIFIERS + ")?";
  private static final Pattern RANGE =
      Pattern.compile("\\s*(" + BOUND + ")\\s+-\\s+(" + BOUND + ")\\s*");

  private HyphenRanges() {}

  /** The range with every hyphen range written as two comparisons. */
  static String expand(String range) {
    Matcher matcher = RANGE.matcher(range);
    String expanded = range;
    while (matcher.find()) {
      String replacement = ">= " + matcher.group(1) + ", <= " + matcher.group(2) + " ";
      // Masterminds replaces the first occurrence of the matched text, wherever it is.
      int at = expanded.indexOf(matcher.group());
      expanded = expanded.substring(0, at) + replacement
          + expanded.substring(at + matcher.group().length());
    }
    return expanded;
  }
}
