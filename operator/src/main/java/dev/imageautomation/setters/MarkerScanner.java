package dev.imageautomation.setters;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Finds the marked scalars of a YAML stream from SnakeYAML Engine's parser events, without building a
 * node tree. Comments are read from the source text at the event marks rather than from the parser's
 * comment events, which attach comments differently from go-yaml: a marker is the comment after a
 * value on its last line (after the indicator for {@code |}/{@code >} scalars), or, for a sequence item
 * with no line comment, a single whole-line comment directly above the item. Keys, empty or null values
 * and anything inside a flow collection are never marked.
 */
final class MarkerScanner {
  private static final LoadSettings SETTINGS =
      LoadSettings.builder().setCodePointLimit(Integer.MAX_VALUE).setParseComments(false).build();
  private static final Set<String> NULL_WORDS = Set.of("", "~", "null", "Null", "NULL");

  private final SourceText source;
  private final List<Frame> frames = new ArrayList<>();
  private final Set<Anchor> anchors = new HashSet<>();
  private final List<MarkedScalar> found = new ArrayList<>();
  private DocumentObjects document = new DocumentObjects();
  private int flowDepth;
  private int contentEnd;

  private MarkerScanner(SourceText source) {
    this.source = source;
  }

  /** Every marked scalar of every document, in document order. */
  static List<MarkedScalar> scan(SourceText source) throws YamlRewriteException {
    MarkerScanner scanner = new MarkerScanner(source);
    try {
      Parser parser = new ParserImpl(SETTINGS, new StreamReader(SETTINGS, source.text()));
      while (parser.hasNext()) {
        scanner.accept(parser.next());
      }
    } catch (YamlEngineException e) {
      throw new YamlRewriteException(describe(e), e);
    }
    return scanner.found;
  }

  private void accept(Event event) throws YamlRewriteException {
    switch (event.getEventId()) {
      case DocumentStart -> document = new DocumentObjects();
      case DocumentEnd -> found.addAll(document.resolve());
      case MappingStart, SequenceStart -> startCollection((CollectionStartEvent) event);
      case MappingEnd, SequenceEnd -> endCollection(event);
      case Scalar -> scalar((ScalarEvent) event);
      case Alias -> alias((AliasEvent) event);
      default -> { }
    }
  }

  private void startCollection(CollectionStartEvent event) {
    takeRole();
    event.getAnchor().ifPresent(anchors::add);
    if (event.isFlow()) {
      flowDepth++;
    }
    frames.add(new Frame(event.getEventId() == Event.ID.MappingStart, event.isFlow()));
  }

  private void endCollection(Event event) {
    Frame closed = frames.remove(frames.size() - 1);
    if (closed.flow) {
      flowDepth--;
      contentEnd = charIndex(event.getEndMark());
    }
  }

  private void alias(AliasEvent event) throws YamlRewriteException {
    takeRole();
    if (!anchors.contains(event.getAlias())) {
      throw new YamlRewriteException(
          "line " + line(event) + ": alias *" + event.getAlias().getValue() + " names no anchor");
    }
    contentEnd = charIndex(event.getEndMark());
  }

  private void scalar(ScalarEvent event) {
    Role role = takeRole();
    if (role == Role.KEY) {
      frames.get(frames.size() - 1).key = event.getValue();
    }
    event.getAnchor().ifPresent(anchors::add);
    int eventStart = charIndex(event.getStartMark());
    int end = charIndex(event.getEndMark());
    if (role == Role.MAPPING_VALUE && frames.size() <= 4) {
      document.offerField(path(), event.getValue());
    }
    if (role != Role.KEY && role != Role.ROOT && flowDepth == 0 && !isNull(event)) {
      int start = skipProperties(event, eventStart);
      String comment = lineComment(event, start, end);
      if (comment == null && role == Role.SEQUENCE_ITEM) {
        comment = headComment(eventStart);
      }
      if (comment != null) {
        SetterMarker.fromComment(comment).ifPresent(marker -> document.offerMarker(path(),
            new MarkedScalar(marker, event.getValue(), event.getScalarStyle(), start, end,
                line(event), null)));
      }
    }
    contentEnd = end;
  }

  private String lineComment(ScalarEvent event, int start, int end) {
    if (event.isLiteral() || event.isFolded()) {
      return source.commentAfter(BlockScalarEdit.headerEnd(source, start));
    }
    return source.commentAfter(end);
  }

  /** A single whole-line comment directly above {@code - item}, not inside the previous node. */
  private String headComment(int itemStart) {
    int lineStart = source.lineStart(itemStart);
    String prefix = source.substring(lineStart, itemStart).strip();
    if (!prefix.equals("-")) {
      return null;
    }
    int commentLine = source.previousLineStart(lineStart);
    if (commentLine < contentEnd || !source.isCommentLine(commentLine)) {
      return null;
    }
    int lineAbove = source.previousLineStart(commentLine);
    if (lineAbove >= contentEnd && source.isCommentLine(lineAbove)) {
      return null;
    }
    return source.substring(source.skipBlanks(commentLine), source.lineEnd(commentLine));
  }

  /** Skips an anchor and a tag written before the scalar itself. */
  private int skipProperties(ScalarEvent event, int eventStart) {
    if (event.getAnchor().isEmpty() && event.getTag().isEmpty()) {
      return eventStart;
    }
    int i = eventStart;
    while (true) {
      while (i < source.length() && Character.isWhitespace(source.charAt(i))) {
        i++;
      }
      if (i >= source.length() || (source.charAt(i) != '&' && source.charAt(i) != '!')) {
        return i;
      }
      while (i < source.length() && !Character.isWhitespace(source.charAt(i))) {
        i++;
      }
    }
  }

  private Role takeRole() {
    if (frames.isEmpty()) {
      return Role.ROOT;
    }
    Frame parent = frames.get(frames.size() - 1);
    if (!parent.mapping) {
      parent.index++;
      return Role.SEQUENCE_ITEM;
    }
    parent.expectingKey = !parent.expectingKey;
    if (parent.expectingKey) {
      return Role.MAPPING_VALUE;
    }
    parent.key = null; // a collection key has no name; a scalar key sets it after this call
    return Role.KEY;
  }

  /** The keys and indexes leading to the node being read. */
  private List<String> path() {
    List<String> path = new ArrayList<>(frames.size());
    for (Frame frame : frames) {
      path.add(frame.mapping ? frame.key : Integer.toString(frame.index));
    }
    return path;
  }

  private static boolean isNull(ScalarEvent event) {
    return event.isPlain() && event.getTag().isEmpty() && NULL_WORDS.contains(event.getValue());
  }

  private int charIndex(Optional<Mark> mark) {
    return source.charIndex(mark.orElseThrow().getIndex());
  }

  private static int line(Event event) {
    return event.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  private static String describe(YamlEngineException e) {
    if (e instanceof MarkedYamlEngineException marked && marked.getProblemMark().isPresent()) {
      Mark mark = marked.getProblemMark().get();
      return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": "
          + marked.getProblem();
    }
    return e.getMessage();
  }

  private enum Role { ROOT, KEY, MAPPING_VALUE, SEQUENCE_ITEM }

  private static final class Frame {
    final boolean mapping;
    final boolean flow;
    boolean expectingKey = true;
    String key;
    int index = -1;

    Frame(boolean mapping, boolean flow) {
      this.mapping = mapping;
      this.flow = flow;
    }
  }
}
