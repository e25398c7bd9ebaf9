package deepq4j.envs;

/**
 * The draws Gymnasium makes from {@code numpy.random.Generator(PCG64(SeedSequence(seed)))}, its
 * {@code np_random}: {@code random()}, {@code uniform(low, high)} and {@code integers(n)}, each the
 * same numbers NumPy gives for the same seed.
 */
public final class NumpyGenerator {
    private final Pcg64 bits;

    /** The generator Gymnasium's {@code seeding.np_random(seed)} makes. */
    public NumpyGenerator(long seed) {
        this.bits = new Pcg64(new SeedSequence(seed));
    }

    /** A generator seeded from the system's entropy, as NumPy's {@code default_rng()} with no seed. */
    public static NumpyGenerator fromEntropy() {
        return new NumpyGenerator(new java.security.SecureRandom().nextLong() >>> 1);
    }

    /** The bit generator's state (see {@link Pcg64#getState()}). */
    public long[] getState() {
        return bits.getState();
    }

    /** Continues from a state {@link #getState()} returned. */
    public void setState(long[] state) {
        bits.setState(state);
    }

    /** Uniform in [0, 1). */
    public double random() {
        return bits.nextDouble();
    }

    /** Uniform in [low, high), computed as NumPy does: low + (high - low) * random(). */
    public double uniform(double low, double high) {
        return low + (high - low) * bits.nextDouble();
    }

    /**
     * Uniform integer in [0, n), as {@code integers(n)}: Lemire's multiply-and-reject method on
     * 32-bit draws when n fits in 32 bits (every action space here), 64-bit draws otherwise.
     */
    public long integers(long n) {
        if (n <= 0) {
            throw new IllegalArgumentException("integers: high must be positive, got " + n);
        }
        long range = n - 1;
        if (range == 0) {
            return 0; // NumPy draws nothing for a single possible value
        }
        if (range <= 0xffffffffL) {
            if (range == 0xffffffffL) {
                return bits.nextInt() & 0xffffffffL;
            }
            long excl = range + 1;
            long m = (bits.nextInt() & 0xffffffffL) * excl; // fits: < 2^32 * 2^32, read as unsigned
            long leftover = m & 0xffffffffL;
            if (leftover < excl) {
                long threshold = (0xffffffffL - range) % excl;
                while (leftover < threshold) {
                    m = (bits.nextInt() & 0xffffffffL) * excl;
                    leftover = m & 0xffffffffL;
                }
            }
            return m >>> 32;
        }
        // 64-bit Lemire: the high word of a 128-bit product, rejecting the biased low words.
        long excl = range + 1;
        long x = bits.nextLong();
        long lo = x * excl;
        long hi = Math.multiplyHigh(x, excl) + ((x >> 63) & excl) + ((excl >> 63) & x);
        if (Long.compareUnsigned(lo, excl) < 0) {
            long threshold = Long.remainderUnsigned(-excl, excl);
            while (Long.compareUnsigned(lo, threshold) < 0) {
                x = bits.nextLong();
                lo = x * excl;
                hi = Math.multiplyHigh(x, excl) + ((x >> 63) & excl) + ((excl >> 63) & x);
            }
        }
        return hi;
    }
}
