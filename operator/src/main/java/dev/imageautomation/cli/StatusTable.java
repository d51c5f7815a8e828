package dev.imageautomation.cli;

import dev.imageautomation.api.v1.ImagePolicy;
import dev.imageautomation.api.v1.ImageRepository;
import dev.imageautomation.api.v1.ImageUpdateAutomation;
import dev.imageautomation.reconciler.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Prints objects as {@code kubectl get -A} does with the CRDs' printer columns: a header in capitals, columns
 * padded to the widest cell plus three spaces.
 */
final class StatusTable {

  private record Column<T>(String header, Function<T, String> value) {}

  private StatusTable() {}

  static void repositories(PrintWriter out, List<ImageRepository> repositories) {
    print(out, repositories, List.of(
        new Column<ImageRepository>("IMAGE", r -> r.getSpec().getImage()),
        new Column<ImageRepository>("TAGS", r -> r.getStatus() == null || r.getStatus().getLastScanResult() == null
            ? "" : String.valueOf(r.getStatus().getLastScanResult().getTagCount())),
        new Column<ImageRepository>("READY", r -> ready(r, Condition::getStatus)),
        new Column<ImageRepository>("STATUS", r -> ready(r, Condition::getMessage))));
  }

  static void policies(PrintWriter out, List<ImagePolicy> policies) {
    print(out, policies, List.of(
        new Column<ImagePolicy>("IMAGE", p -> p.getStatus() == null || p.getStatus().getLatestRef() == null ? ""
            : p.getStatus().getLatestRef().getName()),
        new Column<ImagePolicy>("TAG", p -> p.getStatus() == null || p.getStatus().getLatestRef() == null ? ""
            : p.getStatus().getLatestRef().getTag()),
        new Column<ImagePolicy>("READY", p -> ready(p, Condition::getStatus)),
        new Column<ImagePolicy>("STATUS", p -> ready(p, Condition::getMessage))));
  }

  static void automations(PrintWriter out, List<ImageUpdateAutomation> automations) {
    print(out, automations, List.of(
        new Column<ImageUpdateAutomation>("READY", a -> ready(a, Condition::getStatus)),
        new Column<ImageUpdateAutomation>("STATUS", a -> ready(a, Condition::getMessage))));
  }

  private static <T extends HasMetadata> void print(PrintWriter out, List<T> objects, List<Column<T>> columns) {
    if (objects.isEmpty()) {
      return;
    }
    List<String[]> rows = new ArrayList<>();
    String[] header = new String[columns.size() + 2];
    header[0] = "NAMESPACE";
    header[1] = "NAME";
    for (int i = 0; i < columns.size(); i++) {
      header[i + 2] = columns.get(i).header();
    }
    rows.add(header);
    for (T object : objects) {
      String[] row = new String[header.length];
      row[0] = object.getMetadata().getNamespace();
      row[1] = object.getMetadata().getName();
      for (int i = 0; i < columns.size(); i++) {
        row[i + 2] = oneLine(columns.get(i).value().apply(object));
      }
      rows.add(row);
    }
    printAligned(out, rows);
    out.println();
  }

  private static void printAligned(PrintWriter out, List<String[]> rows) {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i == row.length - 1 ? row[i] : String.format("%-" + (widths[i] + 3) + "s", row[i]));
      }
      out.println(line.toString().stripTrailing());
    }
  }

  private static String ready(HasMetadata object, Function<Condition, String> field) {
    return Conditions.of(object).stream().filter(c -> "Ready".equals(c.getType())).findFirst().map(field).orElse("");
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replace('\n', ' ');
  }
}
