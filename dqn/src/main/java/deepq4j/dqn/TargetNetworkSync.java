package deepq4j.dqn;

import deepq4j.nn.Module;

/**
 * Keeps the target network behind the online one, as CleanRL does: every {@code frequency} steps,
 * target = tau * online + (1 - tau) * target. With tau = 1 that is the hard copy of DQN 2015;
 * smaller tau is Polyak averaging.
 */
public final class TargetNetworkSync {
    private final Module online;
    private final Module target;
    private final int frequency;
    private final double tau;

    /** Syncs {@code target} from {@code online} every {@code frequency} steps with weight {@code tau}. */
    public TargetNetworkSync(Module online, Module target, int frequency, double tau) {
        if (frequency < 1) {
            throw new IllegalArgumentException("TargetNetworkSync: frequency must be at least 1, got " + frequency);
        }
        if (!(tau > 0 && tau <= 1)) {
            throw new IllegalArgumentException("TargetNetworkSync: tau must be in (0, 1], got " + tau);
        }
        this.online = online;
        this.target = target;
        this.frequency = frequency;
        this.tau = tau;
        target.copyFrom(online);
    }

    /** Syncs if {@code step} is a multiple of the frequency; returns whether it did. */
    public boolean maybeSync(long step) {
        if (step % frequency != 0) {
            return false;
        }
        if (tau == 1.0) {
            target.copyFrom(online);
        } else {
            target.softUpdateFrom(online, tau);
        }
        return true;
    }
}
