package org.optlab.compute.data;

/** The purposes that a seed drives, each its own {@link SeededRandom#stream}. */
final class Streams {

    static final long GENERATION = 0x6765_6e65_7261_7465L;
    static final long SPLIT = 0x7370_6c69_7400_0000L;
    static final long INITIALIZATION = 0x696e_6974_0000_0000L;
    static final long SHUFFLE = 0x7368_7566_666c_6500L;
    static final long SHARDS = 0x7368_6172_6473_0000L;

    private Streams() {}
}
