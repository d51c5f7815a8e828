package dev.imageautomation.bench;

import dev.imageautomation.policy.InvalidPolicyException;
import dev.imageautomation.policy.PolicyChoice;
import dev.imageautomation.policy.TagFilter;
import dev.imageautomation.policy.TagSelector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The benchmark inputs: for each policy kind, 100,000 realistic tags (fixed seed) and the policy,
 * with or without a filter and extract. {@link #main} writes them to files so that other
 * implementations (Flux's Go code) can be measured on exactly the same inputs.
 */
public final class PolicyTagSets {
  static final int SIZE = 100_000;

  /** One benchmark input: what the ImagePolicy says and the tags in store order. */
  record TagSet(String kind, String filter, PolicyChoice choice, String pattern, String extract,
      List<String> tags) {

    TagSelector selector() throws InvalidPolicyException {
      TagFilter tagFilter = pattern == null ? TagFilter.none() : TagFilter.compile(pattern, extract);
      return TagSelector.of(choice, tagFilter);
    }

    String policyParameter() {
      return choice.semverRange() != null ? choice.semverRange()
          : choice.alphabeticalOrder() != null ? choice.alphabeticalOrder()
          : choice.numericalOrder();
    }
  }

  private PolicyTagSets() {}

  static TagSet of(String kind, String filter) {
    Random random = new Random(42);
    boolean extract = filter.equals("extract");
    return switch (kind) {
      case "semver" -> new TagSet(kind, filter, PolicyChoice.semver(">=1.0.0-0 <40.0.0"),
          extract ? "^app-(?P<version>.+)-linux$" : null, extract ? "$version" : null,
          generate(random, r -> (extract ? "app-" : "") + version(r) + (extract ? "-linux" : "")));
      case "numerical" -> new TagSet(kind, filter, PolicyChoice.numerical("asc"),
          extract ? "^dev-[0-9a-f]{7,40}-(?P<run>[0-9]+)$" : null, extract ? "$run" : null,
          extract ? generate(random, r -> "dev-" + sha(r) + "-" + r.nextInt(1 << 30))
              // without a filter every tag must be a number, or Flux (and we) fail the policy
              : generateClean(random, r -> String.valueOf(r.nextInt(1 << 30))));
      case "alphabetical" -> new TagSet(kind, filter, PolicyChoice.alphabetical("asc"),
          extract ? "^RELEASE\\.(?P<timestamp>.*)Z$" : null, extract ? "$timestamp" : null,
          generate(random, r -> (extract ? "RELEASE." : "") + timestamp(r) + (extract ? "Z" : "")));
      default -> throw new IllegalArgumentException(kind);
    };
  }

  private interface TagMaker {
    String make(Random random);
  }

  /** Mostly policy-shaped tags, with about 5% noise ({@code latest}, branch builds) like real repos. */
  private static List<String> generate(Random random, TagMaker maker) {
    List<String> tags = new ArrayList<>(SIZE);
    for (int i = 0; i < SIZE; i++) {
      tags.add(random.nextInt(20) == 0 ? "main-" + sha(random) : maker.make(random));
    }
    return tags;
  }

  private static List<String> generateClean(Random random, TagMaker maker) {
    List<String> tags = new ArrayList<>(SIZE);
    for (int i = 0; i < SIZE; i++) {
      tags.add(maker.make(random));
    }
    return tags;
  }

  private static String version(Random random) {
    String version = (random.nextBoolean() ? "v" : "") + random.nextInt(50) + "."
        + random.nextInt(30) + "." + random.nextInt(100);
    return random.nextInt(4) == 0 ? version + "-rc." + random.nextInt(12) : version;
  }

  private static String sha(Random random) {
    return String.format("%07x", random.nextInt(1 << 28));
  }

  private static String timestamp(Random random) {
    return String.format("%04d-%02d-%02dT%02d-%02d-%02d", 2015 + random.nextInt(11),
        1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24), random.nextInt(60),
        random.nextInt(60));
  }

  /**
   * Writes {@code <kind>-<filter>.txt} (first line: policy parameter, pattern, extract separated by
   * tabs; then one tag per line) into the directory given as the only argument.
   */
  public static void main(String[] args) throws IOException {
    Path directory = Path.of(args[0]);
    Files.createDirectories(directory);
    for (String kind : List.of("semver", "numerical", "alphabetical")) {
      for (String filter : List.of("none", "extract")) {
        TagSet set = of(kind, filter);
        List<String> lines = new ArrayList<>();
        lines.add(set.policyParameter() + "\t" + (set.pattern() == null ? "" : set.pattern())
            + "\t" + (set.extract() == null ? "" : set.extract()));
        lines.addAll(set.tags());
        Files.write(directory.resolve(kind + "-" + filter + ".txt"), lines);
      }
    }
  }
}
