package dev.imageautomation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageautomation.setters.PlannedFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

  private static String diff(String before, String after) {
    return UnifiedDiff.of(new PlannedFile("f.yaml", Path.of("f.yaml"),
        before.getBytes(StandardCharsets.UTF_8), after.getBytes(StandardCharsets.UTF_8)));
  }

  private static String numbered(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
  }

  @Test
  void shouldSplitDistantChangesIntoHunksWithThreeLinesOfContext() {
    String before = numbered(1, 20);
    String after = before.replace("line 2\n", "LINE 2\n").replace("line 18\n", "LINE 18\n");

    assertThat(diff(before, after)).isEqualTo("""
        --- a/f.yaml
        +++ b/f.yaml
        @@ -1,5 +1,5 @@
         line 1
        -line 2
        +LINE 2
         line 3
         line 4
         line 5
        @@ -15,6 +15,6 @@
         line 15
         line 16
         line 17
        -line 18
        +LINE 18
         line 19
         line 20
        """);
  }

  @Test
  void shouldShowInsertedLinesAndAMissingFinalNewline() {
    assertThat(diff("a: |-\nb: x", "a: |-\n  v\nb: y")).isEqualTo("""
        --- a/f.yaml
        +++ b/f.yaml
        @@ -1,2 +1,3 @@
         a: |-
        -b: x
        \\ No newline at end of file
        +  v
        +b: y
        \\ No newline at end of file
        """);
  }

  @Property(tries = 200)
  void shouldFindAShortestEditScript(@ForAll @IntRange(max = 10_000) int seed) {
    Random random = new Random(seed);
    List<String> a = randomLines(random);
    List<String> b = randomLines(random);

    List<?> script = UnifiedDiff.script(a, b);

    List<String> kept = new ArrayList<>();
    int x = 0;
    int y = 0;
    for (Object op : script) {
      switch (op.toString()) {
        case "KEEP" -> {
          assertThat(a.get(x)).isEqualTo(b.get(y));
          kept.add(a.get(x++));
          y++;
        }
        case "DELETE" -> x++;
        default -> y++;
      }
    }
    assertThat(x).isEqualTo(a.size());
    assertThat(y).isEqualTo(b.size());
    assertThat(kept).hasSize(longestCommonSubsequence(a, b));
  }

  private static List<String> randomLines(Random random) {
    return IntStream.range(0, random.nextInt(12)).mapToObj(i -> "l" + random.nextInt(4) + "\n").toList();
  }

  private static int longestCommonSubsequence(List<String> a, List<String> b) {
    int[][] table = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        table[i][j] = a.get(i).equals(b.get(j))
            ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
      }
    }
    return table[0][0];
  }
}
