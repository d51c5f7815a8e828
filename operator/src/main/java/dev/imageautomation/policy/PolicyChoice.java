package dev.imageautomation.policy;

/**
 * {@code spec.policy} as plain values: each field is {@code null} when that kind is absent. When
 * several are present the first of semver, alphabetical, numerical wins, as in Flux.
 *
 * @param semverRange {@code semver.range}, or {@code null} without {@code semver}
 * @param alphabeticalOrder {@code alphabetical.order} ({@code ""} when the object has no order),
 *     or {@code null} without {@code alphabetical}
 * @param numericalOrder {@code numerical.order} ({@code ""} when the object has no order), or
 *     {@code null} without {@code numerical}
 */
public record PolicyChoice(String semverRange, String alphabeticalOrder, String numericalOrder) {

  public static PolicyChoice semver(String range) {
    return new PolicyChoice(range, null, null);
  }

  public static PolicyChoice alphabetical(String order) {
    return new PolicyChoice(null, order, null);
  }

  public static PolicyChoice numerical(String order) {
    return new PolicyChoice(null, null, order);
  }
}
