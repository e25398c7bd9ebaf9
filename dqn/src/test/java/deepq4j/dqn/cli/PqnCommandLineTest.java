package deepq4j.dqn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepq4j.dqn.DqnConfig;
import deepq4j.dqn.cli.CommandLineRun.Outcome;
import deepq4j.dqn.run.ModelFile;
import deepq4j.dqn.run.TrainingRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --algorithm pqn from the command line: CleanRL's pqn.py defaults, the flags it refuses, its files, and its determinism. */
class PqnCommandLineTest {
    @TempDir
    Path tmp;

    @Test
    void pqnTakesCleanRlsDefaults() {
        DqnConfig c = TrainingRun.config("--algorithm", "pqn");
        assertEquals(4, c.numEnvs);
        assertEquals(128, c.numSteps);
        assertEquals(4, c.numMinibatches);
        assertEquals(4, c.updateEpochs);
        assertEquals(0.65, c.qLambda);
        assertEquals(10.0, c.maxGradNorm);
        assertTrue(c.annealLr);
        assertEquals("PQN", c.algorithmName());
    }

    @Test
    void flagsThatDoNotApplyAreRefusedNamingThem() {
        String[][] bad = {{"--algorithm", "pqn", "--dueling"}, {"--num-envs", "4", "--no-replay"}, {"--anneal-lr"}, {"--algorithm", "pqn", "--num-minibatches", "600"},
            {"--algorithm", "pqn", "--q-lambda", "1.5"}, {"--algorithm", "pqn", "--total-timesteps", "100"}};
        String[] says = {"do not apply to it", "--num-envs 4 and --no-replay cannot be combined",
            "--anneal-lr is --algorithm pqn's", "invalid value for --num-minibatches: 600", "invalid value for --q-lambda: 1.5",
            "less than one rollout"};
        for (int i = 0; i < bad.length; i++) {
            String[] args = new String[bad[i].length + 1];
            args[0] = "train";
            System.arraycopy(bad[i], 0, args, 1, bad[i].length);
            Outcome o = CommandLineRun.run(args);
            assertEquals(2, o.status(), String.join(" ", bad[i]));
            assertTrue(o.err().lines().findFirst().orElse("").contains(says[i]), "the first line says why: " + o.err());
        }
    }

    private Outcome shortRun(Path dir, String... extra) {
        String[] base = {"train", "--algorithm", "pqn", "--env-id", "CartPole-v1", "--seed", "4", "--total-timesteps", "4096",
            "--num-steps", "32", "--eval-episodes", "3", "--no-progress", "--out", dir.toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CommandLineRun.run(args);
    }

    @Test
    void aPqnRunWritesItsFilesTheSameOnAnyThreadCountAndItsModelEvaluates() throws Exception {
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        Outcome a = shortRun(one);
        assertEquals(0, a.status(), a.err());
        Outcome b = shortRun(two, "--threads", "2");
        assertEquals(0, b.status(), b.err());
        assertEquals(Files.readAllLines(one.resolve("episodes.csv")), Files.readAllLines(two.resolve("episodes.csv")));
        assertEquals(-1, Files.mismatch(one.resolve("model.safetensors"), two.resolve("model.safetensors")));
        assertTrue(Files.readString(one.resolve("summary.json")).contains("\"PQN\""),
                Files.readString(one.resolve("summary.json")));

        ModelFile.Description d = ModelFile.describe(one);
        assertTrue(d.head().layerNorm() && !d.head().noisy(), d.toString());
        Outcome eval = CommandLineRun.run("eval", "--model", one.toString(), "--episodes", "2");
        assertEquals(0, eval.status(), eval.err());
        assertTrue(eval.out().contains("CartPole-v1 over 2 episodes: mean return"), eval.out());
    }
}
