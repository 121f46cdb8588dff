package org.optlab.compute.objective;

/** The rectangle [xMin, xMax] × [yMin, yMax] in which a 2-D objective is plotted. */
public record Domain(double xMin, double xMax, double yMin, double yMax) {

    public Domain {
        if (!(xMin < xMax && yMin < yMax)) {
            throw new IllegalArgumentException("empty domain");
        }
    }

    public static Domain square(double halfWidth) {
        return new Domain(-halfWidth, halfWidth, -halfWidth, halfWidth);
    }
}
