package org.optlab.compute.data;

/**
 * Seeded uniform, integer and normal draws that are the same on every JVM: SplitMix64 (Steele, Lea
 * and Flood, OOPSLA 2014) for the bits, Box–Muller for normals — as {@link
 * org.optlab.compute.run.Gaussian}, which the JDK's generators cannot promise. One instance serves
 * one purpose (a data set, a split, an initialisation, a run's shuffling), each from its own
 * stream: {@link #stream} mixes the seed with a purpose so that the streams are unrelated.
 */
public final class SeededRandom {

    private long state;
    private double spare;
    private boolean hasSpare;

    public SeededRandom(long seed) {
        this.state = seed;
    }

    /** A generator for one purpose: the seed mixed with a constant so that purposes do not share draws. */
    public static SeededRandom stream(long seed, long purpose) {
        return new SeededRandom(mix(seed ^ mix(purpose)));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        return mix(state += 0x9E3779B97F4A7C15L);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound), without modulo bias (rejection). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        long limit = (1L << 31) - ((1L << 31) % bound);
        while (true) {
            long bits = nextLong() >>> 33;
            if (bits < limit) {
                return (int) (bits % bound);
            }
        }
    }

    /** A standard normal number. */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double radius = Math.sqrt(-2 * Math.log(1 - nextDouble()));
        double angle = 2 * Math.PI * nextDouble();
        spare = radius * Math.sin(angle);
        hasSpare = true;
        return radius * Math.cos(angle);
    }

    /** Shuffles {@code values} in place (Fisher–Yates). Allocates nothing. */
    public void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
