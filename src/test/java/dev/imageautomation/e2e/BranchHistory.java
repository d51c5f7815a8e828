package dev.imageautomation.e2e;

import dev.imageautomation.testing.GitCli;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code main} of a bare repository made by {@link Manifests#patches} went through: the image tag in
 * {@code apps/dev/patches.yaml} at every commit, oldest first. A duplicated commit shows as a repeated tag, a lost one
 * as a missing tag.
 */
final class BranchHistory {

  private static final Pattern TAG = Pattern.compile("tag: (\\S+) #");

  private BranchHistory() {}

  static int commitCount(Path bare) {
    return Integer.parseInt(GitCli.git(bare, "rev-list", "--count", "main").trim());
  }

  static List<String> tagsOnMain(Path bare) {
    List<String> tags = new ArrayList<>();
    for (String commit : GitCli.git(bare, "rev-list", "--reverse", "main").strip().split("\n")) {
      Matcher tag = TAG.matcher(GitCli.git(bare, "show", commit + ":apps/dev/patches.yaml"));
      tags.add(tag.find() ? tag.group(1) : "(no marker)");
    }
    return tags;
  }

  static boolean mainHasTag(Path bare, String tag) {
    return GitCli.git(bare, "show", "main:apps/dev/patches.yaml").contains("tag: " + tag + " #");
  }
}
