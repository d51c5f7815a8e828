package dev.imageautomation.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.imageautomation.setters.Change;
import dev.imageautomation.setters.ChangeSet;
import dev.imageautomation.setters.FileChange;
import dev.imageautomation.setters.FileReport;
import dev.imageautomation.setters.ObjectChange;
import dev.imageautomation.setters.UnknownSetter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a change set as JSON for scripts. The shape mirrors Flux's result: files → objects
 * ({@code apiVersion}, {@code kind}, {@code namespace}, {@code name}) → changes ({@code oldValue},
 * {@code newValue}, {@code setter}), plus {@code unknownSetters}, {@code problemFiles},
 * {@code skippedFiles}.
 */
final class ChangeSetJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ChangeSetJson() {}

  static String render(ChangeSet changes, boolean dryRun) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("dryRun", dryRun);
    root.put("files", changes.files().stream().map(ChangeSetJson::file).toList());
    root.put("unknownSetters", changes.unknownSetters().stream().map(ChangeSetJson::unknown).toList());
    root.put("problemFiles", reports(changes.problemFiles()));
    root.put("skippedFiles", reports(changes.skippedFiles()));
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> file(FileChange file) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("file", file.file());
    json.put("objects", file.objects().stream().map(ChangeSetJson::object).toList());
    return json;
  }

  private static Map<String, Object> object(ObjectChange object) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("apiVersion", object.apiVersion());
    json.put("kind", object.kind());
    json.put("namespace", object.namespace());
    json.put("name", object.name());
    json.put("changes", object.changes().stream().map(ChangeSetJson::change).toList());
    return json;
  }

  private static Map<String, Object> change(Change change) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("oldValue", change.oldValue());
    json.put("newValue", change.newValue());
    json.put("setter", change.setter());
    return json;
  }

  private static Map<String, Object> unknown(UnknownSetter unknown) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("file", unknown.file());
    json.put("line", unknown.line());
    json.put("setter", unknown.setter());
    return json;
  }

  private static List<Map<String, Object>> reports(List<FileReport> reports) {
    return reports.stream()
        .map(r -> {
          Map<String, Object> json = new LinkedHashMap<>();
          json.put("file", r.file());
          json.put("reason", r.reason());
          return json;
        })
        .toList();
  }
}
