package dev.imageautomation.template;

/** Go's {@code scanNumber}: accepts the longest number-looking prefix (sign, base prefix, digits, fraction, exponent). */
final class NumberScanner {
    private static final String DECIMAL = "0123456789_";
    private static final String HEX = "0123456789abcdefABCDEF_";

    private NumberScanner() {
    }

    /** Returns the end offset of the number at {@code p}, or {@code -(end) - 1} when it is malformed. */
    static int scan(String s, int p) {
        int[] pos = {p};
        accept(s, pos, "+-");
        String digits = DECIMAL;
        if (accept(s, pos, "0")) {
            if (accept(s, pos, "xX")) {
                digits = HEX;
            } else if (accept(s, pos, "oO")) {
                digits = "01234567_";
            } else if (accept(s, pos, "bB")) {
                digits = "01_";
            }
        }
        acceptRun(s, pos, digits);
        if (accept(s, pos, ".")) {
            acceptRun(s, pos, digits);
        }
        if (digits.equals(DECIMAL) && accept(s, pos, "eE")) {
            accept(s, pos, "+-");
            acceptRun(s, pos, DECIMAL);
        }
        if (digits.equals(HEX) && accept(s, pos, "pP")) {
            accept(s, pos, "+-");
            acceptRun(s, pos, DECIMAL);
        }
        accept(s, pos, "i");
        if (pos[0] < s.length() && LexChars.isAlphaNumeric(s.charAt(pos[0]))) {
            return -(pos[0] + 1) - 1;
        }
        return pos[0];
    }

    private static boolean accept(String s, int[] pos, String valid) {
        if (pos[0] < s.length() && valid.indexOf(s.charAt(pos[0])) >= 0) {
            pos[0]++;
            return true;
        }
        return false;
    }

    private static void acceptRun(String s, int[] pos, String valid) {
        while (accept(s, pos, valid)) {
            // absorb
        }
    }
}
