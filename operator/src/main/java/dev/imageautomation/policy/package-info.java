/**
 * Tag selection for ImagePolicy: the semver, alphabetical and numerical policies and the {@code
 * filterTags} regular-expression filter, with Flux's exact semantics. Kubernetes-free: everything
 * here takes and returns plain values.
 *
 * <h2>Use</h2>
 *
 * <pre>{@code
 * TagSelector selector = TagSelector.of(
 *     new PolicyChoice(semverRange, alphabeticalOrder, numericalOrder), // null = kind absent
 *     filterTags == null ? TagFilter.none() : TagFilter.compile(pattern, extract));
 * Selection selection = selector.select(tagsInStoreOrder);
 * if (selection instanceof Selection.Chosen chosen) {
 *   chosen.tag();          // the original tag, never the extracted value
 * } else {
 *   selection.message();   // NoMatch (no tags / none passed the filter / none in range) or
 * }                        // InvalidTag (a numerical policy met a non-number)
 * }</pre>
 *
 * {@link dev.imageautomation.policy.InvalidPolicyException} (from {@code TagSelector.of}, {@code
 * TagPolicies.from}, {@code TagFilter.compile}) means the spec itself is wrong (Flux: Stalled,
 * {@code InvalidPolicy}); {@code NoMatch} and {@code InvalidTag} are failures worth retrying when
 * the tags change. A selector is immutable apart from its filter's memo and thread-safe; build one
 * per policy generation and keep it, so repeated selections skip the regular expression.
 *
 * <h2>Why hand-written parts</h2>
 *
 * <ul>
 *   <li><b>Semver ranges</b> ({@code SemverRangeParser}, {@code ConstraintOperator}): Flux uses
 *       Masterminds/semver v3, whose range language is its own (wildcard-dependent operator
 *       meanings, {@code >1.1} needing a higher minor, the pre-release rule applied per {@code ||}
 *       group, 512-byte and 32-group limits). semver4j's range parser silently drops tokens it
 *       does not understand ({@code ,} {@code !=} {@code =>}) and applies a different pre-release
 *       rule, so using it would select a different image. The grammar and evaluation are written
 *       here, with errors that name the offending token. Hyphen ranges alone are expanded by a
 *       regular expression ({@code HyphenRanges}), because Masterminds expands them by text
 *       substitution whose quirks Flux users inherit.
 *   <li><b>Versions</b> ({@code SemanticVersion}, {@code VersionReader}): tags are read as
 *       fluxcd/pkg/version does (at least two dots, then Masterminds' coercing grammar: optional
 *       {@code v}, leading zeros, {@code 1.2-rc.1}, numbers up to 2^64-1, over-long numeric
 *       pre-release identifiers compared as text). semver4j's version type holds {@code int}
 *       parts and a different grammar, so none of it fits; the hand-written reader also rejects
 *       or out-ranks a tag without allocating, which keeps 100,000-tag selections cheap.
 *   <li><b>Numbers</b> ({@code GoFloat}): Go's {@code strconv.ParseFloat} grammar (hex floats
 *       with {@code p}, underscores, {@code inf}/{@code nan}, range errors) checked here, rounding
 *       left to {@link java.lang.Double#parseDouble}.
 *   <li><b>Extract templates</b> ({@code ExtractTemplate}): Go's {@code Regexp.Expand} rules
 *       ({@code $1x} is the group named {@code 1x}); Java's replacement syntax differs. Patterns
 *       themselves are compiled by RE2J: Go's syntax, linear-time matching.
 * </ul>
 *
 * <h2>Where we differ from Flux on purpose</h2>
 *
 * With {@code filterTags}, Flux iterates a Go map, so ties between different extracted values of
 * equal rank (semver {@code 1.0.0} vs {@code v1.0.0}, numerical {@code 1} vs {@code 01}) are
 * decided at random on each reconcile. Here candidates keep the store order of each value's first
 * occurrence, so the answer is one of Flux's possible answers and always the same. Everything
 * else is checked against answers recorded from Flux's Go code ({@code FluxOracleTest}).
 */
package dev.imageautomation.policy;
