package deepq4j.envs;

/** The actions 0, 1, ..., n-1, as {@code gymnasium.spaces.Discrete(n)}, with its own seedable sampler. */
public final class Discrete {
    private final int n;
    private NumpyGenerator random;

    /** The space of n actions. */
    public Discrete(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Discrete: n must be positive, got " + n);
        }
        this.n = n;
    }

    /** The number of actions. */
    public int n() {
        return n;
    }

    /** Seeds the sampler, as {@code action_space.seed(seed)}. */
    public void seed(long seed) {
        random = new NumpyGenerator(seed);
    }

    /** A uniformly random action: the same draws as Gymnasium's {@code action_space.sample()} after the same seed. */
    public int sample() {
        if (random == null) {
            // Like Gymnasium, an unseeded space draws its seed from the system's entropy.
            random = NumpyGenerator.fromEntropy();
        }
        return (int) random.integers(n);
    }

    /** The sampler's state, to continue the same draws later (a checkpoint); seeds from entropy first if never seeded. */
    public long[] samplerState() {
        if (random == null) {
            random = NumpyGenerator.fromEntropy();
        }
        return random.getState();
    }

    /** Continues the draws from a state {@link #samplerState()} returned. */
    public void setSamplerState(long[] state) {
        NumpyGenerator g = new NumpyGenerator(0);
        g.setState(state);
        random = g;
    }

    /** True for 0 <= action < n. */
    public boolean contains(int action) {
        return action >= 0 && action < n;
    }

    @Override
    public String toString() {
        return "Discrete(" + n + ")";
    }
}
