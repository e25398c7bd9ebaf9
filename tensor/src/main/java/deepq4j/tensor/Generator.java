package deepq4j.tensor;

/**
 * A seeded stream of random numbers for tensor fills (the role of {@code torch.Generator}).
 *
 * <p>It is SplitMix64 (Steele, Lea and Flood 2014) written out here rather than borrowed from
 * {@code java.util}, so that a seed gives the same weights on every JDK, forever.
 */
public final class Generator {
    private static Generator defaultGenerator = new Generator(0);

    private long state;
    private double spareGaussian;
    private boolean hasSpare;

    /** A generator whose whole stream is fixed by {@code seed}. */
    public Generator(long seed) {
        this.state = seed;
    }

    /**
     * The generator that layers use when none is given, like torch's global generator; reseed it
     * with {@link #manualSeed} for reproducible weights.
     */
    public static synchronized Generator defaultGenerator() {
        return defaultGenerator;
    }

    /** Reseeds the default generator, as {@code torch.manual_seed(seed)}. */
    public static synchronized void manualSeed(long seed) {
        defaultGenerator = new Generator(seed);
    }

    /**
     * Everything that fixes the rest of the stream, as {@code torch.Generator.get_state()}: the
     * counter, and the spare normal value of the last Box-Muller pair (if one is waiting).
     */
    public long[] getState() {
        return new long[] {state, hasSpare ? 1 : 0, Double.doubleToRawLongBits(spareGaussian)};
    }

    /** Continues from a state {@link #getState()} returned, as {@code torch.Generator.set_state()}. */
    public void setState(long[] saved) {
        if (saved.length != 3 || (saved[1] != 0 && saved[1] != 1)) {
            throw new IllegalArgumentException("Generator.setState: not a state from getState(): " + java.util.Arrays.toString(saved));
        }
        state = saved[0];
        hasSpare = saved[1] == 1;
        spareGaussian = Double.longBitsToDouble(saved[2]);
    }

    /** 64 uniformly random bits. */
    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, 1) with 24 random bits: every float of that form is equally likely. */
    public float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    /** Uniform in [0, bound), without modulo bias. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("nextInt: bound must be positive, got " + bound);
        }
        // Rejection sampling: discard the top sliver of the 31-bit range that would favour small values.
        int limit = Integer.MAX_VALUE - (Integer.MAX_VALUE % bound);
        int r;
        do {
            r = (int) (nextLong() >>> 33);
        } while (r >= limit);
        return r % bound;
    }

    /** Standard normal, by the Box-Muller transform (each pair of uniforms gives two values). */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u1 = 1.0 - nextDouble(); // in (0, 1], so the log is finite
        double u2 = nextDouble();
        double radius = Math.sqrt(-2.0 * Math.log(u1));
        double angle = 2.0 * Math.PI * u2;
        spareGaussian = radius * Math.sin(angle);
        hasSpare = true;
        return radius * Math.cos(angle);
    }
}
