package deepq4j.dqn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import deepq4j.autograd.NoGrad;
import deepq4j.nn.Module;
import deepq4j.opencl.RequiresOpenCl;
import deepq4j.tensor.Backend;
import deepq4j.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The course's probe tests: train DQN on each probe environment, then ask the Q-network for the
 * values the probe makes known in closed form. A failure points at one part of the agent: value
 * fitting (1), using the observation (2), bootstrapping with gamma (3), using the action (4), or
 * both at once (5).
 */
public class ProbeTrainingTest {
    private static final float GAMMA = 0.99f;
    private static final float[][][] OBSERVATIONS = {{{0f}}, {{-1f}, {1f}}, {{0f}, {1f}}, {{0f}}, {{0f}, {1f}}};
    private static final float[][][] EXPECTED = {
        {{1f}},
        {{-1f}, {1f}},
        {{GAMMA}, {1f}},
        {{-1f, 1f}},
        {{1f, -1f}, {-1f, 1f}},
    };
    private static final double[] TOLERANCE = {5e-4, 5e-4, 5e-4, 5e-4, 1e-3};
    /**
     * Noisy networks land further from the values: after 5,000 steps sigma is still far from 0, so
     * the online network's noise moves each gradient and the target network's noise each target.
     * Measured (Rainbow, 512- and 256-bit vectors): within 4.3e-3 on every probe, in the mean
     * network as in the average over 20,000 noise draws. Probe 3's gamma stays visible: a target
     * without it is 1e-2 off.
     */
    private static final double NOISY_TOLERANCE = 7.5e-3;

    public static DqnConfig probeConfig(int probe) {
        DqnConfig c = DqnConfig.forProbe("Probe" + probe + "-v0", probe <= 2 ? 3_000 : 5_000);
        c.seed = 1;
        c.gamma = GAMMA;
        return c;
    }

    @ParameterizedTest(name = "Probe{0}")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void dqnLearnsTheProbesValues(int probe) throws Exception {
        learnsTheProbesValues(probe, "cpu");
    }

    /** The same on the OpenCL device (PoCL in CI): every op of the training step runs as a kernel there. */
    @RequiresOpenCl
    @ParameterizedTest(name = "Probe{0} on OpenCL")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void dqnLearnsTheProbesValuesOnOpenCl(int probe) throws Exception {
        learnsTheProbesValues(probe, "opencl");
    }

    /**
     * C51 on the same probes: the network's Q is the mean of its return distribution, which the
     * projected targets pull to the same values (51 atoms on [-10, 10]: each probe's returns lie in
     * [-1, 1], between atoms, so the distribution must split its mass to hit them).
     */
    @ParameterizedTest(name = "Probe{0}, C51")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void c51LearnsTheProbesValues(int probe) throws Exception {
        DqnConfig config = probeConfig(probe);
        config.algorithm = DqnConfig.Algorithm.c51;
        config.nAtoms = 51;
        config.vMin = -10;
        config.vMax = 10;
        learnsTheProbesValues(probe, config);
    }

    /**
     * Rainbow on the same probes: C51 with Double DQN, dueling streams, prioritized replay,
     * 3-step returns and noisy layers. Its values are held to {@link #NOISY_TOLERANCE}.
     */
    @ParameterizedTest(name = "Probe{0}, Rainbow")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void rainbowLearnsTheProbesValues(int probe) throws Exception {
        DqnConfig config = probeConfig(probe);
        config.algorithm = DqnConfig.Algorithm.rainbow;
        config.nAtoms = 51;
        config.vMin = -10;
        config.vMax = 10;
        config.applyAlgorithmDefaults(flag -> false);
        // The probes ask for the value of every action, the bad ones too, which a network exploring by its noise alone stops
        // visiting once it is sure of them (that is the point of the noise): the probe's epsilon schedule stays on.
        config.startE = 1;
        config.endE = 0.1;
        learnsTheProbesValues(probe, config);
    }

    /**
     * PQN on the same probes: four copies, Q(lambda) targets, four epochs of four minibatches,
     * LayerNorm, RAdam, the rate annealed to 0; no replay buffer and no target network. Rollouts
     * of 8 steps (32 transitions, minibatches of 8), a rate of 3e-3 and four times the steps of
     * the DQN probes: PQN makes 16 gradient steps per 32 transitions, and on probes 1 and 4, whose
     * one observation is 0, the first LayerNorm sees inputs without variance (all zero at the
     * start, its biases being 0), where its gradient is 1 / sqrt(eps) large, and settles slowly.
     */
    @ParameterizedTest(name = "Probe{0}, PQN")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void pqnLearnsTheProbesValues(int probe) throws Exception {
        DqnConfig config = probeConfig(probe);
        config.algorithm = DqnConfig.Algorithm.pqn;
        config.applyAlgorithmDefaults(flag -> false);
        config.numSteps = 8;
        config.totalTimesteps *= 4;
        config.learningRate = 3e-3;
        learnsTheProbesValues(probe, config);
    }

    private static void learnsTheProbesValues(int probe, String device) throws Exception {
        DqnConfig config = probeConfig(probe);
        config.device = device;
        learnsTheProbesValues(probe, config);
    }

    private static void learnsTheProbesValues(int probe, DqnConfig config) throws Exception {
        String device = config.device;
        Module q = Trainer.of(config).train(TrainingLog.NONE, null).q().eval(); // a noisy network answers with its mean weights
        Backend backend = q.parameters().get(0).data().backend();
        assertEquals(device.equals("cpu") ? "cpu" : "opencl:0", backend.name(), "the network trained on the device asked for");
        float[][] obs = OBSERVATIONS[probe - 1];
        for (int i = 0; i < obs.length; i++) {
            float[] values;
            try (NoGrad ignored = NoGrad.enter()) {
                values = q.forward(Tensor.of(backend, obs[i], 1, 1)).data().toArray();
            }
            float[] expected = EXPECTED[probe - 1][i];
            for (int a = 0; a < expected.length; a++) {
                assertEquals(expected[a], values[a], config.noisy ? NOISY_TOLERANCE : TOLERANCE[probe - 1],
                        "Probe" + probe + " on " + device + ": Q(" + obs[i][0] + ", " + a + ")");
            }
        }
    }
}
