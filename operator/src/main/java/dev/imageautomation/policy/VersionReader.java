package dev.imageautomation.policy;

/**
 * Reads a version into reusable fields, so that the selection loop can reject a tag, or find it
 * no better than the current best, without allocating anything. One reader per loop; not shared
 * between threads.
 */
final class VersionReader {
  private String text;
  private long major;
  private long minor;
  private long patch;
  private int prereleaseStart;
  private int prereleaseEnd;

  /** Reads a tag as Flux does: at least two dots, then {@link #read}. */
  boolean readTag(String tag) {
    return tag.length() <= SemanticVersion.MAX_LENGTH && SemanticVersion.hasTwoDots(tag)
        && read(tag);
  }

  /** Reads Masterminds' coercing grammar; false when the text is not a version. */
  boolean read(String candidate) {
    text = candidate;
    major = 0;
    minor = 0;
    patch = 0;
    int pos = candidate.startsWith("v") ? 1 : 0;
    for (int part = 0; part < 3; part++) {
      int end = SemanticVersion.digitsEnd(candidate, pos);
      if (end == pos) {
        return false;
      }
      long value = SemanticVersion.parseUnsigned(candidate, pos, end);
      if (value == SemanticVersion.OVERFLOW && !SemanticVersion.isMaxValue(candidate, pos, end)) {
        return false;
      }
      setPart(part, value);
      pos = end;
      if (part == 2 || pos >= candidate.length() || candidate.charAt(pos) != '.') {
        break;
      }
      pos++;
    }
    prereleaseStart = pos;
    prereleaseEnd = pos;
    if (pos < candidate.length() && candidate.charAt(pos) == '-') {
      int end = SemanticVersion.identifiersEnd(candidate, pos + 1);
      if (end < 0 || !SemanticVersion.numericIdentifiersWellFormed(candidate, pos + 1, end)) {
        return false;
      }
      prereleaseStart = pos + 1;
      prereleaseEnd = end;
      pos = end;
    }
    if (pos < candidate.length() && candidate.charAt(pos) == '+') {
      pos = SemanticVersion.identifiersEnd(candidate, pos + 1);
    }
    return pos == candidate.length();
  }

  private void setPart(int part, long value) {
    switch (part) {
      case 0 -> major = value;
      case 1 -> minor = value;
      default -> patch = value;
    }
  }

  /** Precedence of the version just read against {@code other}, allocating only on equal numbers. */
  int compareTo(SemanticVersion other) {
    int result = Long.compareUnsigned(major, other.major());
    if (result == 0) {
      result = Long.compareUnsigned(minor, other.minor());
    }
    if (result == 0) {
      result = Long.compareUnsigned(patch, other.patch());
    }
    if (result != 0) {
      return result;
    }
    return SemanticVersion.comparePrereleases(prerelease(), other.prerelease());
  }

  SemanticVersion toVersion() {
    return new SemanticVersion(major, minor, patch, prerelease(), text);
  }

  private String prerelease() {
    return prereleaseStart == prereleaseEnd ? "" : text.substring(prereleaseStart, prereleaseEnd);
  }
}
