package deepq4j.dqn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import deepq4j.autograd.GradCheck;
import deepq4j.autograd.NoGrad;
import deepq4j.autograd.Variable;
import deepq4j.nn.Module;
import deepq4j.nn.Parameter;
import deepq4j.tensor.Backend;
import deepq4j.tensor.Generator;
import deepq4j.tensor.Tensor;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every member of the family, alone and combined, learns the probes that test it. */
class VariantTrainingTest {

    private static Consumer<DqnConfig> variant(String name) {
        switch (name) {
            case "double": return c -> c.doubleDqn = true;
            case "dueling": return c -> c.dueling = true;
            case "prioritized": return c -> c.prioritizedReplay = true;
            case "dueling+double+prioritized": return c -> {
                c.dueling = true;
                c.doubleDqn = true;
                c.prioritizedReplay = true;
            };
            case "polyak": return c -> {
                c.tau = 0.05;
                c.targetNetworkFrequency = 1;
            };
            case "huber+clipping": return c -> {
                c.loss = DqnConfig.LossKind.huber;
                c.maxGradNorm = 10;
            };
            case "exponential-epsilon+lr-decay": return c -> {
                c.epsilonSchedule = DqnConfig.ScheduleKind.exponential;
                c.epsilonDecay = 0.995;
                c.lrDecay = 0.9995;
                c.minLearningRate = 1e-4;
            };
            case "dqn2013": return c -> c.noTargetNetwork = true;
            default: throw new IllegalArgumentException(name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"double", "dueling", "prioritized", "dueling+double+prioritized", "polyak", "huber+clipping",
        "exponential-epsilon+lr-decay", "dqn2013"})
    void learnsProbe3AndProbe5(String name) throws Exception {
        // Probe 3 needs bootstrapping through gamma; probe 5 needs both observation and action.
        float[][][] obs = {{{0f}, {1f}}, {{0f}, {1f}}};
        float[][][] expected = {{{0.99f}, {1f}}, {{1f, -1f}, {-1f, 1f}}};
        int[] probes = {3, 5};
        for (int p = 0; p < 2; p++) {
            DqnConfig c = ProbeTrainingTest.probeConfig(probes[p]);
            variant(name).accept(c);
            Module q = new DqnTrainer(c).train(TrainingLog.NONE, null).q();
            for (int i = 0; i < 2; i++) {
                float[] values;
                try (NoGrad ignored = NoGrad.enter()) {
                    values = q.forward(Tensor.of(obs[p][i], 1, 1)).data().toArray();
                }
                for (int a = 0; a < expected[p][i].length; a++) {
                    assertEquals(expected[p][i][a], values[a], 5e-3, name + " on Probe" + probes[p] + ": Q(" + obs[p][i][0] + ", " + a + ")");
                }
            }
        }
    }

    @Test
    void onlineQLearningWithoutReplayLearnsProbe1() throws Exception {
        DqnConfig c = ProbeTrainingTest.probeConfig(1);
        c.noReplay = true;
        c.learningStarts = 0;
        Module q = new DqnTrainer(c).train(TrainingLog.NONE, null).q();
        try (NoGrad ignored = NoGrad.enter()) {
            assertEquals(1f, q.forward(Tensor.of(new float[] {0f}, 1, 1)).data().item(), 5e-3);
        }
    }

    @Test
    void duelingCombinesValueAndMeanCentredAdvantage() {
        Module q = QNetworks.mlp(3, new int[] {5}, 4, true, new Generator(2));
        Tensor x = deepq4j.tensor.Init.normal(new Generator(3), 0f, 1f, 6, 3);
        float[] values = q.forward(x).data().toArray();
        // the mean over actions of Q equals V, since the advantages are centred
        Module body = QNetworks.mlp(3, new int[] {5}, 4, true, new Generator(2));
        assertEquals(List.of("body.0.weight", "body.0.bias", "value.weight", "value.bias", "advantage.weight", "advantage.bias"),
                List.copyOf(body.namedParameters().keySet()));
        float[] v = new float[6];
        try (NoGrad ignored = NoGrad.enter()) {
            Variable features = Variable.of(x).matmul(Variable.of(body.namedParameters().get("body.0.weight").data().t()))
                    .add(Variable.of(body.namedParameters().get("body.0.bias").data())).relu();
            v = features.matmul(Variable.of(body.namedParameters().get("value.weight").data().t()))
                    .add(Variable.of(body.namedParameters().get("value.bias").data())).data().toArray();
        }
        for (int i = 0; i < 6; i++) {
            float mean = 0;
            for (int a = 0; a < 4; a++) {
                mean += values[i * 4 + a] / 4;
            }
            assertEquals(v[i], mean, 1e-5f, "row " + i);
        }
        Module q64 = QNetworks.mlp(3, new int[] {5}, 4, true, new Generator(2));
        q64.to(Backend.float64());
        Tensor x64 = x.to(Backend.float64());
        List<Parameter> params = q64.parameters();
        GradCheck.check(() -> q64.forward(x64).mul(q64.forward(x64)).sum(), params, GradCheck.EPS, GradCheck.ATOL, GradCheck.RTOL);
    }
}
