package deepq4j.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepq4j.dqn.cli.CommandLineRun;
import deepq4j.dqn.run.ModelFile;
import deepq4j.io.Json;
import deepq4j.nn.Module;
import deepq4j.tensor.Generator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MinAtar ids train with MinAtar's baseline: its network, defaults, loss and optimizer. */
class MinAtarTrainingTest {
    @TempDir
    Path tmp;

    @Test
    void minAtarIdsTakeTheBaselinesDefaults() {
        DqnConfig c = DqnConfig.forEnv("MinAtar/Breakout-v1");
        assertEquals(5_000_000, c.totalTimesteps);
        assertEquals(2.5e-4, c.learningRate);
        assertEquals(100_000, c.bufferSize);
        assertEquals(1_000, c.targetNetworkFrequency);
        assertEquals(32, c.batchSize);
        assertEquals(1.0, c.startE);
        assertEquals(0.1, c.endE);
        assertEquals(100_000, Math.round(c.explorationFraction * c.totalTimesteps), "epsilon reaches 0.1 after 100k frames");
        assertEquals(5_000, c.learningStarts);
        assertEquals(1, c.trainFrequency);
        assertEquals(0.99, c.gamma);
        assertEquals(DqnConfig.LossKind.huber, c.loss);
        assertEquals(DqnConfig.OptimizerKind.rmsprop, c.optimizer);
        // Classic control keeps CleanRL's.
        DqnConfig cp = DqnConfig.forEnv("CartPole-v1");
        assertEquals(500_000, cp.totalTimesteps);
        assertEquals(DqnConfig.OptimizerKind.adam, cp.optimizer);
        assertEquals(DqnConfig.LossKind.mse, cp.loss);
    }

    @Test
    void flagsTheUserSetsWinOverTheEnvironmentsDefaults() {
        DqnConfig c = new DqnConfig();
        c.envId = "MinAtar/SpaceInvaders-v1";
        c.totalTimesteps = 1_000_000;
        c.batchSize = 64;
        c.applyEnvironmentDefaults(flag -> flag.equals("--total-timesteps") || flag.equals("--batch-size"));
        assertEquals(1_000_000, c.totalTimesteps);
        assertEquals(64, c.batchSize);
        assertEquals(0.1, c.explorationFraction, 1e-12, "still 100k frames of exploration");
        assertEquals(100_000, c.bufferSize);
    }

    @Test
    void theMinAtarNetworkHasThePublishedShape() {
        Module q = QNetworks.build(QNetworks.Kind.minatar, new int[] {4, 10, 10}, new int[0], 6, false, new Generator(1));
        // conv 4->16 3x3 (576 + 16), linear 1024->128 (131,072 + 128), linear 128->6 (768 + 6)
        assertEquals(592 + 131_200 + 774, q.parameters().stream().mapToLong(p -> p.data().numel()).sum());
        assertEquals(java.util.List.of("0.weight", "0.bias", "3.weight", "3.bias", "5.weight", "5.bias"),
                java.util.List.copyOf(q.namedParameters().keySet()));
        Module nature = QNetworks.build(QNetworks.Kind.nature, new int[] {4, 84, 84}, new int[0], 4, false, new Generator(1));
        // The Nature CNN: 8,224 + 32,832 + 36,928 + 1,606,144 + 2,052 parameters.
        assertEquals(1_686_180, nature.parameters().stream().mapToLong(p -> p.data().numel()).sum());
        assertEquals(QNetworks.Kind.minatar, QNetworks.defaultFor(new int[] {10, 10, 10}));
        assertEquals(QNetworks.Kind.nature, QNetworks.defaultFor(new int[] {4, 84, 84}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QNetworks.build(QNetworks.Kind.mlp, new int[] {4, 10, 10}, new int[] {64}, 6, false, new Generator(1)));
        assertTrue(e.getMessage().contains("flat observations"), e.getMessage());
    }

    @Test
    void aShortBreakoutRunTrainsSavesAndEvaluatesTheConvNetwork() throws Exception {
        Path dir = tmp.resolve("breakout");
        CommandLineRun.Outcome o = CommandLineRun.run("train", "--env-id", "MinAtar/Breakout-v1", "--seed", "2", "--total-timesteps",
                "1500", "--learning-starts", "200", "--buffer-size", "1000", "--target-network-frequency", "100", "--eval-episodes",
                "2", "--log-interval", "50", "--no-progress", "--out", dir.toString());
        assertEquals(0, o.status(), o.err());
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) Json.read(Files.readString(dir.resolve("config.json")));
        assertEquals("huber", config.get("loss"));
        assertEquals("rmsprop", config.get("optimizer"));
        assertEquals(32.0, ((Number) config.get("batch_size")).doubleValue());
        ModelFile.Description d = ModelFile.describe(dir.resolve("model.safetensors"));
        assertEquals(QNetworks.Kind.minatar, d.network());
        assertArrayEquals(new int[] {4, 10, 10}, d.observationShape());
        assertEquals(6, d.actions());
        CommandLineRun.Outcome eval = CommandLineRun.run("eval", "--model", dir.resolve("model.safetensors").toString(), "--episodes", "2");
        assertEquals(0, eval.status(), eval.err());
        assertTrue(eval.out().contains("MinAtar/Breakout-v1 over 2 episodes"), eval.out());
    }

    @Test
    void aNetworkThatDoesNotFitTheObservationsIsABadFlag() {
        CommandLineRun.Outcome o = CommandLineRun.run("train", "--env-id", "MinAtar/Breakout-v1", "--network", "mlp", "--no-progress",
                "--out", tmp.resolve("x").toString());
        assertEquals(2, o.status());
        assertTrue(o.err().contains("--network mlp") && o.err().contains("flat observations"), o.err());
    }
}
