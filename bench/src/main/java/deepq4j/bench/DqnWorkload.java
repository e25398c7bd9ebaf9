package deepq4j.bench;

import deepq4j.dqn.DqnConfig;
import deepq4j.dqn.DqnTrainer;
import deepq4j.dqn.replay.Batch;
import deepq4j.dqn.run.TrainingRun;
import deepq4j.nn.Module;
import deepq4j.tensor.Backend;
import deepq4j.tensor.Generator;
import deepq4j.tensor.Init;
import deepq4j.tensor.Tensor;

/**
 * The workload of the training-step benchmarks: the production {@link DqnTrainer} built from
 * {@code deepq4j train} flags (its networks, optimizer, loss and TD target, exactly what a run
 * uses), and its {@link DqnTrainer#learn} timed on random batches of the configured size, about
 * 1 in 20 transitions terminal, with random rewards. Only the sampling from replay is left out,
 * since it is timed apart (the sample phase of a run's summary.json).
 *
 * <p>The batches are made once and taken in turn, {@value #BATCHES} of them: a single batch
 * would be learned exactly after a few thousand steps, and with a constant gradient centered
 * RMSprop's variance estimate E[g^2] - E[g]^2 rounds below zero, so the loss turns NaN (the
 * trainer stops on that), which no real run, whose every batch differs, comes near.
 */
final class DqnWorkload {
    static final int BATCHES = 8;
    final DqnTrainer trainer;
    private final Batch[] batches = new Batch[BATCHES];
    private int next;

    /** A trainer from {@code trainFlags} (as after {@code deepq4j train}) and its batches, drawn from {@code seed}. */
    DqnWorkload(long seed, String... trainFlags) {
        DqnConfig config = TrainingRun.config(trainFlags);
        trainer = new DqnTrainer(config);
        Backend backend = trainer.backend();
        Generator g = new Generator(seed);
        int n = config.batchSize;
        int[] observation = trainer.observationShape();
        int[] shape = new int[observation.length + 1];
        shape[0] = n;
        System.arraycopy(observation, 0, shape, 1, observation.length);
        for (int b = 0; b < BATCHES; b++) {
            float[] a = new float[n];
            float[] terminated = new float[n];
            int[] indices = new int[n];
            for (int i = 0; i < n; i++) {
                a[i] = g.nextInt(trainer.actions());
                terminated[i] = g.nextInt(20) == 0 ? 1f : 0f;
                indices[i] = i;
            }
            batches[b] = new Batch(Init.uniform(g, -1f, 1f, shape), Tensor.of(a, n, 1), Init.uniform(g, -1f, 1f, n),
                    Init.uniform(g, -1f, 1f, shape), Tensor.of(terminated, n), Tensor.full(0.99f, n), indices, null).to(backend);
        }
    }

    /** The online Q-network. */
    Module q() {
        return trainer.qNetwork();
    }

    /** Runs the production gradient step on the next batch; returns the loss. */
    float trainStep() {
        Batch b = batches[next];
        next = (next + 1) % BATCHES;
        return trainer.learn(b, 0).loss();
    }
}
