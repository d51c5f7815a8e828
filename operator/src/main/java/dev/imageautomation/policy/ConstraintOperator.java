package dev.imageautomation.policy;

import dev.imageautomation.policy.VersionConstraint.Wildcard;

/**
 * The comparison operators of Masterminds/semver v3 ranges, with its exact meaning for wildcard
 * bounds (for example {@code >1.2} needs a minor above 2, {@code <=1.x} admits every 1.y.z,
 * {@code ^0.0.3} admits only 0.0.3). Pre-release gating is done by the enclosing group, not here.
 */
enum ConstraintOperator {
  EQUAL {
    @Override
    boolean admits(SemanticVersion v, VersionConstraint c) {
      return c.isWildcard() ? TILDE.admits(v, c) : v.compareTo(c.bound()) == 0;
    }
  },
  NOT_EQUAL {
    @Override
    boolean admits(SemanticVersion v, VersionConstraint c) {
      SemanticVersion b = c.bound();
      if (c.isWildcard()) {
        if (v.major() != b.major()) {
          return true;
        }
        if (c.wildcard() == Wildcard.MINOR) {
          return false;
        }
        if (v.minor() != b.minor()) {
          return true;
        }
        if (c.wildcard() == Wildcard.PATCH) {
          return SemanticVersion.comparePrereleases(v.prerelease(), b.prerelease()) != 0;
        }
      }
      return v.compareTo(b) != 0;
    }
  },
  GREATER {
    @Override
    boolean admits(SemanticVersion v, VersionConstraint c) {
      SemanticVersion b = c.bound();
      if (!c.isWildcard()) {
        return v.compareTo(b) > 0;
      }
      int majors = Long.compareUnsigned(v.major(), b.major());
      if (majors != 0) {
        return majors > 0;
      }
      return switch (c.wildcard()) {
        case MINOR -> false;
        case PATCH -> Long.compareUnsigned(v.minor(), b.minor()) > 0;
        default -> v.compareTo(b) > 0;
      };
    }
  },
  LESS {
    @Override
    boolean admits(SemanticVersion v, VersionConstraint c) {
      return v.compareTo(c.bound()) < 0;
    }
  },
  GREATER_OR_EQUAL {
    @Override
    boolean admits(SemanticVersion v, VersionConstraint c) {
      return v.compareTo(c.bound()) >= 0;
    }
  },
  LESS_OR_EQUAL {
    @Override
    boolean admits(SemanticVersion v, VersionConstraint c) {
      SemanticVersion b = c.bound();
      if (!c.isWildcard()) {
        return v.compareTo(b) <= 0;
      }
      int majors = Long.compareUnsigned(v.major(), b.major());
      if (majors != 0) {
        return majors < 0;
      }
      return c.wildcard() == Wildcard.MINOR || Long.compareUnsigned(v.minor(), b.minor()) <= 0;
    }
  },
  TILDE {
    @Override
    boolean admits(SemanticVersion v, VersionConstraint c) {
      SemanticVersion b = c.bound();
      if (v.compareTo(b) < 0) {
        return false;
      }
      boolean zeroBound = b.major() == 0 && b.minor() == 0 && b.patch() == 0;
      if (zeroBound && c.wildcard() != Wildcard.MINOR && c.wildcard() != Wildcard.PATCH) {
        return true;
      }
      return v.major() == b.major() && (c.wildcard() == Wildcard.MINOR || v.minor() == b.minor());
    }
  },
  CARET {
    @Override
    boolean admits(SemanticVersion v, VersionConstraint c) {
      SemanticVersion b = c.bound();
      if (v.compareTo(b) < 0) {
        return false;
      }
      if (b.major() != 0 || c.wildcard() == Wildcard.MINOR) {
        return v.major() == b.major();
      }
      if (v.major() != 0) {
        return false;
      }
      if (b.minor() != 0 || c.wildcard() == Wildcard.PATCH) {
        return v.minor() == b.minor();
      }
      return v.minor() == 0 && v.patch() == b.patch();
    }
  };

  abstract boolean admits(SemanticVersion version, VersionConstraint constraint);

  /** The operator for a token as Masterminds spells it; {@code ""} means equality. */
  static ConstraintOperator forSymbol(String symbol) {
    return switch (symbol) {
      case "", "=" -> EQUAL;
      case "!=" -> NOT_EQUAL;
      case ">" -> GREATER;
      case "<" -> LESS;
      case ">=", "=>" -> GREATER_OR_EQUAL;
      case "<=", "=<" -> LESS_OR_EQUAL;
      case "~", "~>" -> TILDE;
      case "^" -> CARET;
      default -> throw new IllegalArgumentException("not an operator: " + symbol);
    };
  }
}
