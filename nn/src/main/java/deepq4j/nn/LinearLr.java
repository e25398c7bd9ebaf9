package deepq4j.nn;

/**
 * {@code torch.optim.lr_scheduler.LinearLR}: the learning rate is the initial one times a factor
 * going linearly from startFactor to endFactor over totalIters steps, then staying there.
 */
public class LinearLr extends LrScheduler {
    private final double startFactor;
    private final double endFactor;
    private final long totalIters;

    /** Starts at {@code initial * startFactor} right away, as torch does. */
    public LinearLr(Optimizer optimizer, double startFactor, double endFactor, long totalIters) {
        super(optimizer);
        if (!(startFactor > 0 && startFactor <= 1) || !(endFactor >= 0 && endFactor <= 1) || totalIters < 1) {
            throw new IllegalArgumentException("LinearLr: factors must be in (0, 1] and [0, 1], totalIters >= 1; got "
                    + startFactor + ", " + endFactor + ", " + totalIters);
        }
        this.startFactor = startFactor;
        this.endFactor = endFactor;
        this.totalIters = totalIters;
        apply();
    }

    @Override
    protected double learningRateAfter(long steps) {
        double progress = Math.min(steps, totalIters) / (double) totalIters;
        return initial * (startFactor + (endFactor - startFactor) * progress);
    }
}
