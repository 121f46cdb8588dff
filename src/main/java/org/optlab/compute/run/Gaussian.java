package org.optlab.compute.run;

/**
 * A seeded source of standard normal numbers that gives the same sequence on every JVM: SplitMix64
 * (Steele, Lea and Flood, OOPSLA 2014) for uniform bits and the Box–Muller transform for the
 * normal pairs. The JDK's generators are not used because their Gaussian algorithm may change
 * between releases, and the same request must give the same numbers bit for bit.
 */
public final class Gaussian {

    private long state;
    private double spare;
    private boolean hasSpare;

    public Gaussian(long seed) {
        this.state = seed;
    }

    private long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in (0, 1]: never 0, so that the logarithm below is finite. */
    private double nextUniform() {
        return ((nextLong() >>> 11) + 1) * 0x1.0p-53;
    }

    /** The next standard normal number. */
    public double next() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double radius = Math.sqrt(-2 * Math.log(nextUniform()));
        double angle = 2 * Math.PI * nextUniform();
        spare = radius * Math.sin(angle);
        hasSpare = true;
        return radius * Math.cos(angle);
    }
}
