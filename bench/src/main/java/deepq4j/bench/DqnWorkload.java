package deepq4j.bench;

import deepq4j.autograd.NoGrad;
import deepq4j.autograd.Variable;
import deepq4j.nn.AbstractOptimizer;
import deepq4j.nn.Adam;
import deepq4j.nn.Losses;
import deepq4j.nn.Module;
import deepq4j.nn.Parameter;
import deepq4j.tensor.Backend;
import deepq4j.tensor.Generator;
import deepq4j.tensor.Init;
import deepq4j.tensor.Tensor;
import java.util.List;
import java.util.function.Function;

/**
 * A DQN update on a fixed random batch, the workload of the training-step benchmarks: an online
 * and a target network (a copy), an optimizer (Adam unless told), and one update exactly as
 * CleanRL's dqn.py writes it: the target network's max over next states without a graph, the TD
 * target, Q(s, a) through gather, the loss (MSE, or Huber as MinAtar's baseline), backward and an
 * optimizer step.
 */
final class DqnWorkload {
    final Module q;
    final Module target;
    final AbstractOptimizer optimizer;
    final boolean huber;
    final Tensor observations;
    final Tensor nextObservations;
    final Tensor actions;
    final Tensor rewards;
    final Tensor notDone;

    /** Networks from {@code network}, a batch of {@code batch} observations of {@code observationShape}, about 1 in 20 terminal. */
    DqnWorkload(Function<Generator, Module> network, double learningRate, int batch, int actionCount, int[] observationShape,
                long seed) {
        this(network, params -> new Adam(params, learningRate), false, batch, actionCount, observationShape, seed);
    }

    /** As above with the given optimizer and loss. */
    DqnWorkload(Function<Generator, Module> network, Function<List<Parameter>, AbstractOptimizer> optimizer, boolean huber, int batch,
                int actionCount, int[] observationShape, long seed) {
        this(network, optimizer, huber, batch, actionCount, observationShape, seed, Backend.cpu());
    }

    /** As above, with the networks and the batch on {@code backend}. */
    DqnWorkload(Function<Generator, Module> network, Function<List<Parameter>, AbstractOptimizer> optimizer, boolean huber, int batch,
                int actionCount, int[] observationShape, long seed, Backend backend) {
        Generator g = new Generator(seed);
        q = network.apply(g).to(backend);
        target = network.apply(g).to(backend);
        target.copyFrom(q);
        this.optimizer = optimizer.apply(q.parameters());
        this.huber = huber;
        int[] shape = new int[observationShape.length + 1];
        shape[0] = batch;
        System.arraycopy(observationShape, 0, shape, 1, observationShape.length);
        observations = Init.uniform(g, -1f, 1f, shape).to(backend);
        nextObservations = Init.uniform(g, -1f, 1f, shape).to(backend);
        float[] a = new float[batch];
        float[] done = new float[batch];
        for (int i = 0; i < batch; i++) {
            a[i] = g.nextInt(actionCount);
            done[i] = g.nextInt(20) == 0 ? 0f : 1f;
        }
        actions = Tensor.of(backend, a, batch, 1);
        notDone = Tensor.of(backend, done, batch);
        rewards = Tensor.ones(batch).to(backend);
    }

    /** Runs the update on the batch; returns the loss. */
    float trainStep(float gamma) {
        Tensor tdTarget;
        try (NoGrad ignored = NoGrad.enter()) {
            Tensor targetMax = target.forward(nextObservations).data().max(1);
            tdTarget = rewards.add(targetMax.mul(notDone).mul(gamma));
        }
        Variable oldValue = q.forward(observations).gather(1, actions).squeeze(1);
        Variable loss = huber ? Losses.smoothL1(oldValue, Variable.of(tdTarget), 1f) : Losses.mse(oldValue, Variable.of(tdTarget));
        optimizer.zeroGrad();
        loss.backward();
        optimizer.step();
        return loss.data().item();
    }
}
