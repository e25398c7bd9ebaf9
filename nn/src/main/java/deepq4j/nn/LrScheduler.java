package deepq4j.nn;

/**
 * Changes an optimizer's learning rate as training goes, as {@code torch.optim.lr_scheduler}'s
 * {@code LRScheduler}: it counts its steps and sets the rate its schedule gives for that count.
 * A schedule is a subclass that says only {@link #learningRateAfter}.
 */
public abstract class LrScheduler {
    private final Optimizer optimizer;
    /** The optimizer's learning rate when the scheduler took it over (torch's {@code base_lr}). */
    protected final double initial;
    private long steps;

    protected LrScheduler(Optimizer optimizer) {
        this.optimizer = optimizer;
        this.initial = optimizer.learningRate();
    }

    /** Advances one step (call after {@code optimizer.step()}) and sets the new learning rate. */
    public final void step() {
        steps++;
        apply();
    }

    /** The learning rate the scheduler has set. */
    public final double learningRate() {
        return learningRateAfter(steps);
    }

    /** Sets the rate for the current step count now (a schedule whose rate at step 0 is not the initial one calls it). */
    protected final void apply() {
        optimizer.setLearningRate(learningRate());
    }

    /** The schedule: the learning rate after {@code steps} steps. */
    protected abstract double learningRateAfter(long steps);
}
