package deepq4j.dqn.replay;

import deepq4j.tensor.Backend;
import deepq4j.tensor.Tensor;

/**
 * A minibatch of transitions sampled from a replay buffer, as tensors ready for the update.
 *
 * @param observations     [B, ...] observations s
 * @param actions          [B, 1] actions a, as float indices for {@code gather}
 * @param rewards          [B] rewards r
 * @param nextObservations [B, ...] the real next observations s' (on truncation too)
 * @param terminated       [B] 1 where s' is terminal (the episode ended, not just ran out of time), else 0
 * @param discounts        [B] what multiplies V(s') in the TD target: gamma, or gamma^k for a k-step return
 * @param indices          where each transition sits in the buffer (prioritized replay updates them)
 * @param weights          [B] importance-sampling weights, or null for uniform sampling
 */
public record Batch(Tensor observations, Tensor actions, Tensor rewards, Tensor nextObservations, Tensor terminated,
                    Tensor discounts, int[] indices, Tensor weights) {
    /** The same batch on {@code backend} (this batch itself when it is already there). */
    public Batch to(Backend backend) {
        if (observations.backend() == backend) {
            return this;
        }
        return new Batch(observations.to(backend), actions.to(backend), rewards.to(backend), nextObservations.to(backend),
                terminated.to(backend), discounts.to(backend), indices, weights == null ? null : weights.to(backend));
    }
}
