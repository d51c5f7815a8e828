package dev.imageautomation.template;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Go's {@code strconv.FormatFloat} for the verbs templates use: %v/%g (shortest), %e and %f. */
final class GoFloat {
    private GoFloat() {
    }

    /** Decimal digits {@code 0.d1d2...dn × 10^dp}, without trailing zeros; zero has no digits. */
    private record Digits(String digits, int dp) {
        static Digits of(BigDecimal value) {
            BigDecimal stripped = value.abs().stripTrailingZeros();
            if (stripped.signum() == 0) {
                return new Digits("", 0);
            }
            String d = stripped.unscaledValue().toString();
            return new Digits(d, d.length() - stripped.scale());
        }

        int nd() {
            return digits.length();
        }

        char at(int i) {
            return i >= 0 && i < digits.length() ? digits.charAt(i) : '0';
        }
    }

    static String format(double value, char verb, int precision) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        String sign = value < 0 || value == 0 && 1 / value < 0 ? "-" : "";
        char lower = Character.toLowerCase(verb);
        String body = switch (lower) {
            case 'e' -> exponent(digitsRounded(value, precision < 0 ? 7 : precision + 1), precision < 0 ? 6 : precision);
            case 'f' -> fixed(value, precision < 0 ? 6 : precision);
            default -> general(value, precision);
        };
        return sign + (Character.isUpperCase(verb) ? body.toUpperCase(java.util.Locale.ROOT) : body);
    }

    /**
     * The fewest significant digits that read back as the same double, as Go's shortest formatting gives
     * (JDK 17's {@code Double.toString} is not always shortest, e.g. 4.9E-324 for Go's 5e-324).
     */
    private static Digits shortest(double value) {
        return Digits.of(shortestDecimal(value));
    }

    /** The shortest decimal that reads back as {@code |value|}. */
    static BigDecimal shortestDecimal(double value) {
        BigDecimal exact = new BigDecimal(Math.abs(value));
        for (int digits = 1; digits < 17; digits++) {
            BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == Math.abs(value)) {
                return rounded;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }

    private static Digits digitsRounded(double value, int significant) {
        BigDecimal exact = new BigDecimal(Math.abs(value));
        return Digits.of(exact.round(new MathContext(Math.max(significant, 1), RoundingMode.HALF_EVEN)));
    }

    private static String general(double value, int precision) {
        boolean shortestForm = precision < 0;
        Digits digs = shortestForm ? shortest(value) : digitsRounded(value, precision == 0 ? 1 : precision);
        int prec = shortestForm ? digs.nd() : (precision == 0 ? 1 : precision);
        int eprec = prec;
        if (eprec > digs.nd() && digs.nd() >= digs.dp()) {
            eprec = digs.nd();
        }
        if (shortestForm) {
            eprec = 6;
        }
        int exp = digs.dp() - 1;
        if (digs.nd() > 0 && (exp < -4 || exp >= eprec)) {
            return exponent(digs, Math.min(prec, digs.nd()) - 1);
        }
        int fractionDigits = prec > digs.dp() ? Math.max(digs.nd() - digs.dp(), 0) : Math.max(prec - digs.dp(), 0);
        return fixedFromDigits(digs, fractionDigits);
    }

    private static String exponent(Digits digs, int prec) {
        StringBuilder b = new StringBuilder().append(digs.nd() == 0 ? '0' : digs.at(0));
        if (prec > 0) {
            b.append('.');
            for (int i = 1; i <= prec; i++) {
                b.append(digs.at(i));
            }
        }
        int exp = digs.nd() == 0 ? 0 : digs.dp() - 1;
        b.append('e').append(exp < 0 ? '-' : '+');
        int abs = Math.abs(exp);
        return b.append(abs < 10 ? "0" : "").append(abs).toString();
    }

    private static String fixed(double value, int prec) {
        return new BigDecimal(Math.abs(value)).setScale(prec, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String fixedFromDigits(Digits digs, int prec) {
        StringBuilder b = new StringBuilder();
        if (digs.dp() > 0) {
            for (int i = 0; i < digs.dp(); i++) {
                b.append(digs.at(i));
            }
        } else {
            b.append('0');
        }
        if (prec > 0) {
            b.append('.');
            for (int i = 0; i < prec; i++) {
                b.append(digs.at(digs.dp() + i));
            }
        }
        return b.toString();
    }
}
