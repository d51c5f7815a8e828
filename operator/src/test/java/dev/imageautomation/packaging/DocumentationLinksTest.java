package dev.imageautomation.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every relative link of the README and of {@code docs/} leads to a file of the repository, and a link to a heading
 * ({@code page.md#section}) to a heading that exists, so a reader following the documentation never lands on
 * nothing. External links ({@code https:}, {@code mailto:}) are not fetched: tests have no network.
 */
class DocumentationLinksTest {

  private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
  private static final Pattern CODE_BLOCK = Pattern.compile("(?ms)^```.*?^```");

  static Stream<Path> pages() throws IOException {
    Path root = RepositoryLayout.root();
    try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
      List<Path> pages = new ArrayList<>(docs.filter(p -> p.toString().endsWith(".md")).sorted().toList());
      pages.add(0, root.resolve("README.md"));
      return pages.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("pages")
  void shouldLinkOnlyToFilesAndHeadingsThatExist(Path page) throws IOException {
    List<String> broken = new ArrayList<>();
    for (String target : links(Files.readString(page))) {
      if (!target.matches("^[a-z]+:.*")) {
        brokenReason(page, target).ifPresent(reason -> broken.add(target + " (" + reason + ")"));
      }
    }

    assertThat(broken).as("broken links in %s", RepositoryLayout.root().relativize(page)).isEmpty();
  }

  private static java.util.Optional<String> brokenReason(Path page, String target) throws IOException {
    int hash = target.indexOf('#');
    String file = hash < 0 ? target : target.substring(0, hash);
    Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
    if (!Files.exists(resolved)) {
      return java.util.Optional.of("no file " + RepositoryLayout.root().relativize(resolved));
    }
    if (hash >= 0 && resolved.toString().endsWith(".md")
        && !anchors(Files.readString(resolved)).contains(target.substring(hash + 1))) {
      return java.util.Optional.of("no such heading");
    }
    return java.util.Optional.empty();
  }

  private static List<String> links(String markdown) {
    List<String> targets = new ArrayList<>();
    Matcher matcher = LINK.matcher(CODE_BLOCK.matcher(markdown).replaceAll(""));
    while (matcher.find()) {
      targets.add(matcher.group(1));
    }
    return targets;
  }

  /** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
  private static List<String> anchors(String markdown) {
    List<String> anchors = new ArrayList<>();
    for (String line : CODE_BLOCK.matcher(markdown).replaceAll("").split("\n")) {
      if (line.startsWith("#")) {
        String heading = line.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT);
        anchors.add(heading.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
      }
    }
    return anchors;
  }
}
