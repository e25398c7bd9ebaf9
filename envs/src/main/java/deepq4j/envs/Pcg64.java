package deepq4j.envs;

/**
 * NumPy's default bit generator, PCG64: a 128-bit linear congruential generator whose output
 * function (XSL-RR) folds the state to 64 bits and rotates them by its top 6 bits.
 *
 * <p>The 128-bit state and increment are held as pairs of longs (high, low); Java's long
 * arithmetic is modulo 2^64, and the high word of a 64 x 64 product comes from
 * {@link Math#multiplyHigh} corrected for unsigned operands.
 */
public final class Pcg64 {
    private static final long MULT_HI = 0x2360ed051fc65da4L;
    private static final long MULT_LO = 0x4385df649fccf645L;

    private long stateHi;
    private long stateLo;
    private long incHi;
    private long incLo;
    /** NumPy hands out 32-bit draws from halves of a 64-bit draw: the low half first, the high half kept here. */
    private boolean hasUint32;
    private int uinteger;

    /** A generator seeded as {@code numpy.random.PCG64(seed_sequence)}: state and increment from four 64-bit state words. */
    public Pcg64(SeedSequence seeds) {
        long[] v = seeds.generateState64(4);
        // pcg_setseq_128_srandom_r: state = 0, inc = (initseq << 1) | 1, step, state += initstate, step.
        incHi = (v[2] << 1) | (v[3] >>> 63);
        incLo = (v[3] << 1) | 1L;
        stateHi = 0;
        stateLo = 0;
        step();
        long lo = stateLo + v[1];
        stateHi = stateHi + v[0] + (Long.compareUnsigned(lo, stateLo) < 0 ? 1 : 0);
        stateLo = lo;
        step();
    }

    /** The whole state (128-bit state, increment, the kept 32-bit half), as NumPy's {@code bit_generator.state}. */
    public long[] getState() {
        return new long[] {stateHi, stateLo, incHi, incLo, hasUint32 ? 1 : 0, uinteger};
    }

    /** Continues from a state {@link #getState()} returned. */
    public void setState(long[] saved) {
        if (saved.length != 6 || (saved[4] != 0 && saved[4] != 1) || (saved[3] & 1) == 0) {
            throw new IllegalArgumentException("Pcg64.setState: not a state from getState(): " + java.util.Arrays.toString(saved));
        }
        stateHi = saved[0];
        stateLo = saved[1];
        incHi = saved[2];
        incLo = saved[3];
        hasUint32 = saved[4] == 1;
        uinteger = (int) saved[5];
    }

    /** state = state * MULT + inc, modulo 2^128. */
    private void step() {
        long lo = stateLo * MULT_LO;
        long hi = unsignedMultiplyHigh(stateLo, MULT_LO) + stateHi * MULT_LO + stateLo * MULT_HI;
        long sumLo = lo + incLo;
        stateHi = hi + incHi + (Long.compareUnsigned(sumLo, lo) < 0 ? 1 : 0);
        stateLo = sumLo;
    }

    private static long unsignedMultiplyHigh(long a, long b) {
        // Math.unsignedMultiplyHigh arrived in JDK 18; this is its definition from the signed one.
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    /** The next 64 random bits (an unsigned value in a long): step, then XSL-RR output of the new state. */
    public long nextLong() {
        step();
        return Long.rotateRight(stateHi ^ stateLo, (int) (stateHi >>> 58));
    }

    /** The next 32 random bits, as NumPy's {@code next_uint32}: halves of a 64-bit draw, low half first. */
    public int nextInt() {
        if (hasUint32) {
            hasUint32 = false;
            return uinteger;
        }
        long next = nextLong();
        hasUint32 = true;
        uinteger = (int) (next >>> 32);
        return (int) next;
    }

    /** A double in [0, 1) with 53 random bits, as NumPy's {@code next_double}. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }
}
