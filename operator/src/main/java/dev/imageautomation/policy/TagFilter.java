package dev.imageautomation.policy;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code spec.filterTags}: keeps the tags in which {@code pattern} finds a match anywhere and, when
 * {@code extract} is set, replaces each by the template expanded on its first match. The policy
 * then runs on those values and the winner is mapped back to its original tag.
 *
 * <p>The pattern is Go RE2 syntax compiled with RE2J, so matching is linear in the tag length
 * whatever the user writes. When several tags extract the same value the last one in store order
 * is kept (Flux's map overwrite). Candidates come out in the store order of each value's first
 * occurrence, which makes ties deterministic where Flux's Go map iteration makes them random.
 */
public final class TagFilter {
  private static final TagFilter NONE = new TagFilter(null, null, "");

  /** Marks a tag the pattern does not match in {@link #valueByTag}. */
  private static final String NO_MATCH = new String("no match");

  private final Pattern pattern;
  private final ExtractTemplate extract;
  private final String patternText;

  /**
   * What each tag seen so far filters to (its extracted value, or {@link #NO_MATCH}). Matching is
   * the expensive step and a repository's tags change little between selections, so remembering
   * pays; the map is cleared when it outgrows twice the tag list, bounding it by the repository.
   */
  private final Map<String, String> valueByTag = new ConcurrentHashMap<>();

  /** The last input and its result: unchanged tags (the usual case between scans) cost a compare. */
  private volatile Applied last;

  private record Applied(List<String> tags, Candidates candidates) {}

  private TagFilter(Pattern pattern, ExtractTemplate extract, String patternText) {
    this.pattern = pattern;
    this.extract = extract;
    this.patternText = patternText;
  }

  /** No {@code filterTags} at all: every tag is a candidate, as is. */
  public static TagFilter none() {
    return NONE;
  }

  /**
   * Compiles a filter. A {@code null} or empty pattern matches every tag; a {@code null} or empty
   * extract keeps the tag itself.
   */
  public static TagFilter compile(String pattern, String extract) throws InvalidPolicyException {
    String patternText = pattern == null ? "" : pattern;
    Pattern compiled;
    try {
      compiled = Pattern.compile(patternText);
    } catch (PatternSyntaxException e) {
      throw new InvalidPolicyException("failed to filter tags: invalid regular expression pattern '"
          + patternText + "': " + e.getMessage());
    }
    ExtractTemplate template = extract == null || extract.isEmpty()
        ? null : ExtractTemplate.compile(extract, compiled);
    return new TagFilter(compiled, template, patternText);
  }

  /** The pattern as written, empty when there is none. */
  public String pattern() {
    return patternText;
  }

  /**
   * Filters and extracts; the result maps each candidate back to its original tag. Thread-safe;
   * the result is immutable when a pattern is set.
   */
  public Candidates apply(List<String> tagsInStoreOrder) {
    if (pattern == null) {
      return new Candidates(tagsInStoreOrder, null);
    }
    Applied previous = last;
    if (previous != null && previous.tags().equals(tagsInStoreOrder)) {
      return previous.candidates();
    }
    Candidates candidates = filter(tagsInStoreOrder);
    last = new Applied(List.copyOf(tagsInStoreOrder), candidates);
    return candidates;
  }

  private Candidates filter(List<String> tagsInStoreOrder) {
    if (valueByTag.size() > 2 * tagsInStoreOrder.size() + 1024) {
      valueByTag.clear();
    }
    Matcher matcher = pattern.matcher("");
    if (extract == null) {
      List<String> kept = new ArrayList<>();
      for (String tag : tagsInStoreOrder) {
        if (valueOf(tag, matcher) != NO_MATCH) {
          kept.add(tag);
        }
      }
      return new Candidates(List.copyOf(kept), null);
    }
    Map<String, String> originals = new LinkedHashMap<>();
    for (String tag : tagsInStoreOrder) {
      String value = valueOf(tag, matcher);
      if (value != NO_MATCH) {
        originals.put(value, tag);
      }
    }
    return new Candidates(List.copyOf(originals.keySet()), Collections.unmodifiableMap(originals));
  }

  private String valueOf(String tag, Matcher matcher) {
    String known = valueByTag.get(tag);
    if (known != null) {
      return known;
    }
    String value = NO_MATCH;
    if (matcher.reset(tag).find()) {
      value = extract == null ? tag : extract.expand(matcher);
    }
    valueByTag.put(tag, value);
    return value;
  }

  @Override
  public String toString() {
    return pattern == null ? "no filter" : "filter '" + patternText + "'";
  }

  /**
   * The values a policy chooses from, with the way back to the stored tag.
   *
   * @param values candidate values in store order
   * @param originals value to original tag, or {@code null} when values are the tags themselves
   */
  public record Candidates(List<String> values, Map<String, String> originals) {

    /** The stored tag a candidate value came from. */
    public String originalOf(String value) {
      return originals == null ? value : originals.get(value);
    }
  }
}
