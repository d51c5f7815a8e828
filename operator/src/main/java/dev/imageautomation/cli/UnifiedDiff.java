package dev.imageautomation.cli;

import dev.imageautomation.setters.PlannedFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A unified diff (3 lines of context) of one planned file, in the format of {@code diff -u} and
 * {@code git diff}. Hand-written (Myers' O((N+M)·D) algorithm) because JGit may only be used in the
 * {@code git} package and the rewriter's changes are few lines in possibly long files, which Myers
 * handles in time proportional to the file length times the few changed lines.
 */
final class UnifiedDiff {
  private static final int CONTEXT = 3;

  private enum Op { KEEP, DELETE, INSERT }

  private UnifiedDiff() {}

  static String of(PlannedFile file) {
    List<String> before = lines(new String(file.original(), StandardCharsets.UTF_8));
    List<String> after = lines(new String(file.rewritten(), StandardCharsets.UTF_8));
    List<Op> script = script(before, after);
    StringBuilder out = new StringBuilder("--- a/" + file.file() + "\n+++ b/" + file.file() + "\n");
    int i = 0;
    while (i < script.size()) {
      if (script.get(i) == Op.KEEP) {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = hunkEnd(script, i);
      appendHunk(out, script, start, end, before, after);
      i = end;
    }
    return out.toString();
  }

  /** The end (exclusive) of the hunk holding the change at {@code i}, joining changes close together. */
  private static int hunkEnd(List<Op> script, int i) {
    int end = i;
    int keeps = 0;
    while (end < script.size() && keeps <= 2 * CONTEXT) {
      keeps = script.get(end) == Op.KEEP ? keeps + 1 : 0;
      end++;
    }
    return end - Math.max(0, keeps - CONTEXT);
  }

  private static void appendHunk(StringBuilder out, List<Op> script, int start, int end,
      List<String> before, List<String> after) {
    int oldLine = 0;
    int newLine = 0;
    for (int j = 0; j < start; j++) {
      oldLine += script.get(j) == Op.INSERT ? 0 : 1;
      newLine += script.get(j) == Op.DELETE ? 0 : 1;
    }
    StringBuilder body = new StringBuilder();
    int oldCount = 0;
    int newCount = 0;
    for (int j = start; j < end; j++) {
      Op op = script.get(j);
      String line = op == Op.INSERT ? after.get(newLine + newCount) : before.get(oldLine + oldCount);
      body.append(op == Op.KEEP ? ' ' : op == Op.DELETE ? '-' : '+').append(line);
      if (!line.endsWith("\n")) {
        body.append("\n\\ No newline at end of file\n");
      }
      oldCount += op == Op.INSERT ? 0 : 1;
      newCount += op == Op.DELETE ? 0 : 1;
    }
    out.append("@@ -").append(range(oldLine, oldCount)).append(" +").append(range(newLine, newCount))
        .append(" @@\n").append(body);
  }

  private static String range(int start, int count) {
    return (count == 0 ? start : start + 1) + (count == 1 ? "" : "," + count);
  }

  /** Lines with their terminators, so that a changed line ending shows as a change. */
  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lines.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      lines.add(text.substring(start));
    }
    return lines;
  }

  /** The shortest edit script from {@code a} to {@code b} (Myers, with the search frontier kept per step). */
  static List<Op> script(List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    int offset = n + m + 1;
    int[] frontier = new int[2 * offset + 1];
    List<int[]> trace = new ArrayList<>();
    for (int d = 0; d <= n + m; d++) {
      for (int k = -d; k <= d; k += 2) {
        boolean down = k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1]);
        int x = down ? frontier[offset + k + 1] : frontier[offset + k - 1] + 1;
        int y = x - k;
        while (x < n && y < m && a.get(x).equals(b.get(y))) {
          x++;
          y++;
        }
        frontier[offset + k] = x;
        if (x >= n && y >= m) {
          trace.add(Arrays.copyOfRange(frontier, offset - d, offset + d + 1));
          return backtrack(trace, n, m);
        }
      }
      trace.add(Arrays.copyOfRange(frontier, offset - d, offset + d + 1));
    }
    throw new IllegalStateException("unreachable: an edit script always exists");
  }

  private static List<Op> backtrack(List<int[]> trace, int n, int m) {
    List<Op> reversed = new ArrayList<>();
    int x = n;
    int y = m;
    for (int d = trace.size() - 1; d > 0; d--) {
      int[] previous = trace.get(d - 1);
      int k = x - y;
      boolean down = k == -d || (k != d && at(previous, d - 1, k - 1) < at(previous, d - 1, k + 1));
      int prevK = down ? k + 1 : k - 1;
      int prevX = at(previous, d - 1, prevK);
      int prevY = prevX - prevK;
      while (x > prevX && y > prevY) {
        reversed.add(Op.KEEP);
        x--;
        y--;
      }
      reversed.add(down ? Op.INSERT : Op.DELETE);
      x = prevX;
      y = prevY;
    }
    while (x > 0 && y > 0) {
      reversed.add(Op.KEEP);
      x--;
      y--;
    }
    List<Op> script = new ArrayList<>(reversed.size());
    for (int i = reversed.size() - 1; i >= 0; i--) {
      script.add(reversed.get(i));
    }
    return script;
  }

  /** The frontier value of diagonal {@code k} after step {@code d}, from its stored slice. */
  private static int at(int[] slice, int d, int k) {
    return slice[k + d];
  }
}
