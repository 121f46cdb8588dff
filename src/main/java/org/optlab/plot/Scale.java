package org.optlab.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * A map from data values to pixels along one axis, linear or logarithmic, with "nice" ticks (1, 2,
 * 5 × 10^k for linear axes, decades for log axes). Pixels may run backwards (a y axis).
 */
final class Scale {

    private final double low;
    private final double high;
    private final double pixelLow;
    private final double pixelHigh;
    private final boolean log;

    private Scale(double low, double high, double pixelLow, double pixelHigh, boolean log) {
        this.low = low;
        this.high = high;
        this.pixelLow = pixelLow;
        this.pixelHigh = pixelHigh;
        this.log = log;
    }

    static Scale linear(double low, double high, double pixelLow, double pixelHigh) {
        if (!(high > low)) {
            double pad = low == 0 ? 1 : Math.abs(low) * 0.1;
            return new Scale(low - pad, high + pad, pixelLow, pixelHigh, false);
        }
        return new Scale(low, high, pixelLow, pixelHigh, false);
    }

    /** A log axis over [low, high], both positive; widened to a decade when they coincide. */
    static Scale log(double low, double high, double pixelLow, double pixelHigh) {
        if (!(high > low)) {
            return new Scale(low / Math.sqrt(10), high * Math.sqrt(10), pixelLow, pixelHigh, true);
        }
        return new Scale(low, high, pixelLow, pixelHigh, true);
    }

    boolean isLog() {
        return log;
    }

    double low() {
        return low;
    }

    double high() {
        return high;
    }

    /** The pixel position of a value; for a log axis, values ≤ 0 map below the axis. */
    double apply(double value) {
        double t;
        if (log) {
            double v = value > 0 ? value : low * 1e-6;
            t = (Math.log10(v) - Math.log10(low)) / (Math.log10(high) - Math.log10(low));
        } else {
            t = (value - low) / (high - low);
        }
        return pixelLow + t * (pixelHigh - pixelLow);
    }

    /** The data value at a pixel position. */
    double invert(double pixel) {
        double t = (pixel - pixelLow) / (pixelHigh - pixelLow);
        if (log) {
            return Math.pow(10, Math.log10(low) + t * (Math.log10(high) - Math.log10(low)));
        }
        return low + t * (high - low);
    }

    /** About {@code count} ticks inside the axis. */
    List<Double> ticks(int count) {
        return log ? logTicks(low, high, count) : linearTicks(low, high, count);
    }

    /** Nice linear ticks: multiples of 1, 2 or 5 × 10^k inside [low, high]. */
    static List<Double> linearTicks(double low, double high, int count) {
        double step = niceStep((high - low) / Math.max(1, count));
        List<Double> ticks = new ArrayList<>();
        long first = (long) Math.ceil(low / step - 1e-9);
        long last = (long) Math.floor(high / step + 1e-9);
        for (long k = first; k <= last && ticks.size() < 1000; k++) {
            double value = k * step;
            ticks.add(Math.abs(value) < step * 1e-9 ? 0.0 : value);
        }
        return ticks;
    }

    /** Decades inside [low, high], thinned to about {@code count}; 1-2-5 within a decade when few. */
    static List<Double> logTicks(double low, double high, int count) {
        int from = (int) Math.ceil(Math.log10(low) - 1e-9);
        int to = (int) Math.floor(Math.log10(high) + 1e-9);
        List<Double> ticks = new ArrayList<>();
        if (to - from + 1 >= 3) {
            int stride = Math.max(1, (int) Math.ceil((to - from + 1) / (double) Math.max(1, count)));
            for (int k = from; k <= to; k++) {
                if ((k - from) % stride == 0) {
                    ticks.add(decade(k));
                }
            }
            return ticks;
        }
        for (int k = from - 1; k <= to; k++) {
            for (double mantissa : new double[] {1, 2, 5}) {
                double value = mantissa * decade(k);
                if (value >= low * (1 - 1e-9) && value <= high * (1 + 1e-9)) {
                    ticks.add(value);
                }
            }
        }
        if (ticks.size() < 2) {
            return linearTicks(low, high, count);
        }
        return ticks;
    }

    /** 10^k, exact for the decades a double can hold exactly (parsed rather than computed). */
    static double decade(int k) {
        return Double.parseDouble("1e" + k);
    }

    static double niceStep(double rough) {
        if (!(rough > 0) || !Double.isFinite(rough)) {
            return 1;
        }
        double exponent = Math.floor(Math.log10(rough));
        double base = decade((int) exponent);
        double fraction = rough / base;
        double nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
        return nice * base;
    }
}
