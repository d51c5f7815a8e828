package dev.imageautomation.cli;

import dev.imageautomation.setters.Change;
import dev.imageautomation.setters.ChangeSet;
import dev.imageautomation.setters.FileChange;
import dev.imageautomation.setters.FileReport;
import dev.imageautomation.setters.ObjectChange;
import dev.imageautomation.setters.ObjectIdentifier;
import dev.imageautomation.setters.UnknownSetter;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Renders a change set for people: files, objects, changes, then what was skipped and why. */
public final class ChangeSetText {
  private ChangeSetText() {}

  /** The report the {@code rewrite} command prints. */
  public static String render(ChangeSet changes) {
    StringBuilder out = new StringBuilder();
    if (changes.isEmpty()) {
      out.append("No changes.\n");
    } else {
      out.append("Changed files (").append(changes.files().size()).append("):\n");
      changes.files().forEach(file -> appendFile(out, file));
    }
    section(out, "Unknown setters (marker skipped)", changes.unknownSetters(),
        ChangeSetText::unknown);
    section(out, "Problem files (not parsed, left untouched)", changes.problemFiles(),
        ChangeSetText::report);
    section(out, "Skipped files", changes.skippedFiles(), ChangeSetText::report);
    return out.toString();
  }

  /** {@code apiVersion Kind namespace/name}, leaving out what the document does not have. */
  public static String describe(ObjectIdentifier object) {
    String name = object.namespace().isEmpty() ? object.name()
        : object.namespace() + "/" + object.name();
    String text = Stream.of(object.apiVersion(), object.kind(), name)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.joining(" "));
    return text.isEmpty() ? "(not a Kubernetes object)" : text;
  }

  private static void appendFile(StringBuilder out, FileChange file) {
    out.append("  ").append(file.file()).append('\n');
    for (ObjectChange object : file.objects()) {
      out.append("    ").append(describe(object.object())).append('\n');
      for (Change change : object.changes()) {
        out.append("      ").append(change.setter()).append(": ").append(shown(change.oldValue()))
            .append(" -> ").append(shown(change.newValue())).append('\n');
      }
    }
  }

  /** A value as is, or quoted with escapes when it is empty or has blanks or control characters. */
  static String shown(String value) {
    boolean plain = !value.isEmpty() && value.codePoints().allMatch(c -> c > ' ' && c != '"'
        && !Character.isISOControl(c));
    if (plain) {
      return value;
    }
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> quoted.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : c);
      }
    }
    return quoted.append('"').toString();
  }

  private static <T> void section(StringBuilder out, String title, List<T> items,
      Function<T, String> line) {
    if (items.isEmpty()) {
      return;
    }
    out.append(title).append(" (").append(items.size()).append("):\n");
    items.forEach(item -> out.append("  ").append(line.apply(item)).append('\n'));
  }

  private static String report(FileReport report) {
    return report.file() + ": " + report.reason();
  }

  private static String unknown(UnknownSetter unknown) {
    return unknown.file() + ":" + unknown.line() + " " + unknown.setter();
  }
}
