package dev.imageautomation.setters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rewrites the marked values of one YAML text in place: only the characters of each changed scalar are
 * replaced, in the scalar's own style; every other character (comments, indentation, blank lines,
 * {@code \r\n}, a byte-order mark, {@code ---} and {@code ...}, anchors, key order, other documents)
 * stays as it was. A plain value is quoted only when the new value would otherwise load as a non-string
 * (see {@link ScalarFormatter}). Values equal to the current one are not touched, so a second run over
 * the output changes nothing.
 *
 * <p>As a safety net the rewritten text is scanned again; if any marked value would not load back as
 * intended, the whole text is refused with a {@link YamlRewriteException} rather than written wrong.
 */
public final class YamlSetterRewriter {
  private final SetterValues values;

  public YamlSetterRewriter(SetterValues values) {
    this.values = values;
  }

  /** The outcome for one text: the new text and what changed in it. */
  public record Rewrite(String text, List<ObjectChange> objects, List<UnknownMarker> unknownMarkers) {
    public Rewrite {
      objects = List.copyOf(objects);
      unknownMarkers = List.copyOf(unknownMarkers);
    }

    /** True when at least one value changed. */
    public boolean changed() {
      return !objects.isEmpty();
    }
  }

  /** A marker whose setter has no value. */
  public record UnknownMarker(int line, String setter) {}

  /**
   * Rewrites every marked value whose setter is known and whose value differs.
   *
   * @throws YamlRewriteException when the text does not parse, or could not be rewritten safely
   */
  public Rewrite rewrite(String text) throws YamlRewriteException {
    SourceText source = new SourceText(text);
    List<MarkedScalar> marked = MarkerScanner.scan(source);
    List<TextEdit> edits = new ArrayList<>();
    List<String> expected = new ArrayList<>(marked.size());
    Map<ObjectIdentifier, List<Change>> changes = new LinkedHashMap<>();
    List<UnknownMarker> unknown = new ArrayList<>();
    for (MarkedScalar scalar : marked) {
      String setter = scalar.marker().setter();
      Optional<String> value = values.lookup(setter);
      if (value.isEmpty()) {
        unknown.add(new UnknownMarker(scalar.line(), setter));
      } else if (!value.get().equals(scalar.value())) {
        edits.addAll(editsFor(source, scalar, value.get()));
        changes.computeIfAbsent(scalar.object(), k -> new ArrayList<>())
            .add(new Change(scalar.value(), value.get(), setter));
      }
      expected.add(value.orElse(scalar.value()));
    }
    if (edits.isEmpty()) {
      return new Rewrite(text, List.of(), unknown);
    }
    String rewritten = TextEdit.apply(text, edits);
    verify(rewritten, marked, expected);
    List<ObjectChange> objects = new ArrayList<>();
    changes.forEach((object, list) -> objects.add(new ObjectChange(object, list)));
    return new Rewrite(rewritten, objects, unknown);
  }

  private static List<TextEdit> editsFor(SourceText source, MarkedScalar scalar, String value) {
    return switch (scalar.style()) {
      case PLAIN -> List.of(new TextEdit(scalar.start(), scalar.end(),
          ScalarFormatter.needsQuotes(value) ? ScalarFormatter.doubleQuoted(value) : value));
      case SINGLE_QUOTED -> List.of(
          new TextEdit(scalar.start(), scalar.end(), ScalarFormatter.singleQuoted(value)));
      case LITERAL, FOLDED -> BlockScalarEdit.edits(source, scalar.start(), scalar.end(), value);
      default -> List.of(
          new TextEdit(scalar.start(), scalar.end(), ScalarFormatter.doubleQuoted(value)));
    };
  }

  /** Scans the new text and checks that every marked value now loads as intended. */
  private static void verify(String rewritten, List<MarkedScalar> before, List<String> expected)
      throws YamlRewriteException {
    List<MarkedScalar> after;
    try {
      after = MarkerScanner.scan(new SourceText(rewritten));
    } catch (YamlRewriteException e) {
      throw new YamlRewriteException("the rewritten text would not parse (" + e.getMessage()
          + ")", e);
    }
    for (int i = 0; i < before.size(); i++) {
      MarkedScalar old = before.get(i);
      if (i >= after.size() || !after.get(i).value().equals(expected.get(i))
          || !after.get(i).marker().equals(old.marker())) {
        throw new YamlRewriteException("line " + old.line() + ": the new value of setter "
            + old.marker().setter() + " would not load back as written");
      }
    }
    if (after.size() != before.size()) {
      throw new YamlRewriteException("rewriting would change the number of markers");
    }
  }
}
