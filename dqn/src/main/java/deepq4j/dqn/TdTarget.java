package deepq4j.dqn;

import deepq4j.nn.Module;
import deepq4j.tensor.Tensor;

/**
 * How the TD target r + gamma * V(s') * (1 - terminated) values the next state: DQN takes the
 * target network's best action value, Double DQN (van Hasselt et al. 2016) lets the online network
 * choose the action and the target network say what it is worth, which removes most of the
 * overestimation that taking a max over noisy estimates brings (docs/09-double-dqn.md).
 */
public enum TdTarget {
    /** V(s') = max_a' Q_target(s', a'). */
    DQN {
        @Override
        public Tensor nextStateValue(Module online, Module target, Tensor nextObservations) {
            return target.forward(nextObservations).data().max(1);
        }
    },
    /** V(s') = Q_target(s', argmax_a' Q_online(s', a')). */
    DOUBLE_DQN {
        @Override
        public Tensor nextStateValue(Module online, Module target, Tensor nextObservations) {
            Tensor nextQ = target.forward(nextObservations).data();
            Tensor nextAction = online.forward(nextObservations).data().argmax(1, true);
            return nextQ.gather(1, nextAction).squeeze(1);
        }
    };

    /** V(s') for a batch of next observations [B, ...]: a [B] tensor. Call it without a graph (under NoGrad). */
    public abstract Tensor nextStateValue(Module online, Module target, Tensor nextObservations);

    /** The target of the --double-dqn flag. */
    public static TdTarget of(boolean doubleDqn) {
        return doubleDqn ? DOUBLE_DQN : DQN;
    }
}
