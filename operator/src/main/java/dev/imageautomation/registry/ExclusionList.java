package dev.imageautomation.registry;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.List;

/**
 * {@code spec.exclusionList}: RE2 patterns; a tag is dropped when any of them matches anywhere in it (unanchored
 * find, as Go's {@code MatchString}). An empty or absent list means the default {@code ^.*\.sig$}, so cosign
 * signature tags never reach a policy, exactly as Flux's {@code GetExclusionList()}.
 */
public final class ExclusionList {

    public static final List<String> DEFAULT = List.of("^.*\\.sig$");
    public static final int MAX_PATTERNS = 25;

    private final List<String> patterns;
    private final List<Pattern> compiled;

    private ExclusionList(List<String> patterns, List<Pattern> compiled) {
        this.patterns = patterns;
        this.compiled = compiled;
    }

    /**
     * @throws IllegalArgumentException {@code failed to compile regex <p>: <error>} for an invalid pattern, or
     *     when there are more than 25 patterns
     */
    public static ExclusionList of(List<String> patterns) {
        List<String> effective = effective(patterns);
        if (effective.size() > MAX_PATTERNS) {
            throw new IllegalArgumentException("exclusionList has " + effective.size()
                    + " patterns; at most " + MAX_PATTERNS + " are allowed");
        }
        List<Pattern> compiled = effective.stream().map(ExclusionList::compile).toList();
        return new ExclusionList(effective, compiled);
    }

    /** The list Flux reports as {@code status.observedExclusionList}: the default when none is given. */
    public static List<String> effective(List<String> patterns) {
        return patterns == null || patterns.isEmpty() ? DEFAULT : List.copyOf(patterns);
    }

    public List<String> patterns() {
        return patterns;
    }

    public boolean excludes(String tag) {
        for (Pattern pattern : compiled) {
            if (pattern.matcher(tag).find()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern compile(String pattern) {
        try {
            return Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("failed to compile regex " + pattern + ": " + e.getMessage(), e);
        }
    }
}
