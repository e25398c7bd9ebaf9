package deepq4j.nn;

/** lr = max(initial * gamma^steps, minLr): exponential decay with a floor, the course's learning-rate schedule. */
public class ExponentialLr extends LrScheduler {
    private final double gamma;
    private final double minLr;

    /** Decays {@code optimizer}'s current learning rate by {@code gamma} per step, never below {@code minLr}. */
    public ExponentialLr(Optimizer optimizer, double gamma, double minLr) {
        super(optimizer);
        if (!(gamma > 0 && gamma <= 1) || minLr < 0) {
            throw new IllegalArgumentException("ExponentialLr: gamma must be in (0, 1] and minLr >= 0, got " + gamma + ", " + minLr);
        }
        this.gamma = gamma;
        this.minLr = minLr;
    }

    @Override
    protected double learningRateAfter(long steps) {
        return Math.max(initial * Math.pow(gamma, steps), minLr);
    }
}
