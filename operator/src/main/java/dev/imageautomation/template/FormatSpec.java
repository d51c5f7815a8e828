package dev.imageautomation.template;

/** Flags, width and precision of one {@code printf} verb; -1 means "not given". */
record FormatSpec(boolean minus, boolean plus, boolean sharp, boolean space, boolean zero, int width,
        int precision, boolean plusV) {

    static final FormatSpec PLAIN = new FormatSpec(false, false, false, false, false, -1, -1, false);

    /** Go turns {@code %+v} into "print field names" and drops the sign flag for the values inside. */
    FormatSpec forVerb(char verb) {
        return verb == 'v' && plus ? new FormatSpec(minus, false, sharp, space, zero, width, precision, true) : this;
    }

    /** Pads {@code text} to the width: spaces (left, or right with '-'), or zeros after the sign for numbers. */
    String pad(String text, boolean numeric) {
        int length = text.codePointCount(0, text.length());
        if (width < 0 || length >= width) {
            return text;
        }
        String padding = (zero && !minus ? "0" : " ").repeat(width - length);
        if (minus) {
            return text + " ".repeat(width - length);
        }
        if (zero && numeric && !text.isEmpty() && (text.charAt(0) == '-' || text.charAt(0) == '+'
                || text.charAt(0) == ' ')) {
            return text.charAt(0) + padding + text.substring(1);
        }
        return padding + text;
    }

    static final class Builder {
        private boolean minus;
        private boolean plus;
        private boolean sharp;
        private boolean space;
        private boolean zero;
        private int width = -1;
        private int precision = -1;

        int parseFlags(String format, int i) {
            for (; i < format.length(); i++) {
                switch (format.charAt(i)) {
                    case '-' -> minus = true;
                    case '+' -> plus = true;
                    case '#' -> sharp = true;
                    case ' ' -> space = true;
                    case '0' -> zero = true;
                    default -> {
                        return i;
                    }
                }
            }
            return i;
        }

        int parseWidth(String format, int i) {
            int start = i;
            while (i < format.length() && Character.isDigit(format.charAt(i))) {
                i++;
            }
            if (i > start) {
                width = Integer.parseInt(format.substring(start, i));
            }
            return i;
        }

        int parsePrecision(String format, int i) {
            int start = i;
            while (i < format.length() && Character.isDigit(format.charAt(i))) {
                i++;
            }
            precision = i > start ? Integer.parseInt(format.substring(start, i)) : 0;
            return i;
        }

        void width(int w) {
            if (w < 0) {
                minus = true;
                width = -w;
            } else {
                width = w;
            }
        }

        void precision(int p) {
            precision = p;
        }

        FormatSpec build() {
            return new FormatSpec(minus, plus, sharp, space, zero, width, precision, false);
        }
    }
}
