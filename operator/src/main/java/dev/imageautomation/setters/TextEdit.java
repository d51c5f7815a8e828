package dev.imageautomation.setters;

import java.util.Comparator;
import java.util.List;

/** Replaces the characters {@code [start, end)} of a text; edits of one text never overlap. */
record TextEdit(int start, int end, String replacement) {

  /** The text with every edit applied; everything outside the edits is kept as it was. */
  static String apply(String text, List<TextEdit> edits) {
    List<TextEdit> ordered = edits.stream().sorted(Comparator.comparingInt(TextEdit::start)).toList();
    StringBuilder out = new StringBuilder(text.length() + 64);
    int copied = 0;
    for (TextEdit edit : ordered) {
      out.append(text, copied, edit.start()).append(edit.replacement());
      copied = edit.end();
    }
    return out.append(text, copied, text.length()).toString();
  }
}
