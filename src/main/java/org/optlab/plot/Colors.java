package org.optlab.plot;

import java.util.Locale;

/**
 * Colours: viridis for values (perceptually uniform, readable in grey and by the colour-blind;
 * van der Walt and Smith's matplotlib default) and the Okabe–Ito palette for categories (optimizer
 * paths), chosen to stay distinct from each other and from viridis lines.
 */
final class Colors {

    private Colors() {}

    /** viridis at 0, 0.1, …, 1 (matplotlib's table, sampled); linear interpolation in between. */
    private static final int[][] VIRIDIS = {
        {0x44, 0x01, 0x54}, {0x48, 0x25, 0x76}, {0x41, 0x44, 0x87}, {0x35, 0x60, 0x8d}, {0x2a, 0x78, 0x8e},
        {0x21, 0x90, 0x8c}, {0x22, 0xa8, 0x84}, {0x43, 0xbf, 0x71}, {0x7a, 0xd1, 0x51}, {0xbb, 0xdf, 0x27},
        {0xfd, 0xe7, 0x25}
    };

    /** Okabe and Ito (2008), without yellow (unreadable on white); then darker variants. */
    private static final String[] CATEGORIES = {
        "#d55e00", "#0072b2", "#e69f00", "#cc79a7", "#009e73", "#56b4e9", "#000000", "#8c3b00",
        "#004a75", "#9a6a00", "#8f4f75", "#00664b", "#2f7fae", "#5a5a5a", "#b84a00", "#3d3d8f"
    };

    /** viridis(t) for t in [0, 1] as {@code #rrggbb}. */
    static String viridis(double t) {
        int[] rgb = viridisRgb(t);
        return hex(rgb[0], rgb[1], rgb[2]);
    }

    static int[] viridisRgb(double t) {
        double clamped = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
        double position = clamped * (VIRIDIS.length - 1);
        int index = Math.min(VIRIDIS.length - 2, (int) Math.floor(position));
        double f = position - index;
        int[] a = VIRIDIS[index];
        int[] b = VIRIDIS[index + 1];
        return new int[] {
            (int) Math.round(a[0] + f * (b[0] - a[0])),
            (int) Math.round(a[1] + f * (b[1] - a[1])),
            (int) Math.round(a[2] + f * (b[2] - a[2]))
        };
    }

    /** Black or white, whichever reads better on viridis(t). */
    static String textOn(double t) {
        int[] rgb = viridisRgb(t);
        double luminance = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
        return luminance > 140 ? "#000000" : "#ffffff";
    }

    /** The colour of category {@code index} (optimizer paths, loss curves), cycling after 16. */
    static String category(int index) {
        return CATEGORIES[Math.floorMod(index, CATEGORIES.length)];
    }

    private static String hex(int r, int g, int b) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }
}
