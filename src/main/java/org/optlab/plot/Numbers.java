package org.optlab.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Number formatting for SVG output: fixed rounding for coordinates, short forms for labels. */
public final class Numbers {

    private Numbers() {}

    /**
     * A pixel coordinate to 0.01 px, without trailing zeros: fast and locale-free, so output bytes
     * depend only on the value. Values far outside any canvas are clamped (a diverged path).
     */
    static String px(double value) {
        double v = Math.max(-1e6, Math.min(1e6, value));
        long hundredths = Math.round(v * 100);
        StringBuilder text = new StringBuilder(12);
        if (hundredths < 0) {
            text.append('-');
            hundredths = -hundredths;
        }
        text.append(hundredths / 100);
        long fraction = hundredths % 100;
        if (fraction != 0) {
            text.append('.').append(fraction / 10);
            if (fraction % 10 != 0) {
                text.append(fraction % 10);
            }
        }
        return text.toString();
    }

    /**
     * A value for a label with {@code digits} significant digits: plain between 1e-3 and 1e5,
     * otherwise scientific ({@code 1.23e-5}); non-finite values as words.
     */
    public static String label(double value, int digits) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "−∞";
        }
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-3 && magnitude < 1e5) {
            BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_EVEN));
            return minus(rounded.stripTrailingZeros().toPlainString());
        }
        String text = String.format(Locale.ROOT, "%." + (digits - 1) + "e", value);
        int e = text.indexOf('e');
        String mantissa = text.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        int exponent = Integer.parseInt(text.substring(e + 1));
        return minus(mantissa + "e" + exponent);
    }

    /** A tick label: as short as the value allows. */
    static String tick(double value) {
        if (Math.abs(value) < 1e-12) {
            return "0";
        }
        return label(value, 6);
    }

    private static String minus(String text) {
        return text.startsWith("-") ? "−" + text.substring(1) : text;
    }
}
