package deepq4j.dqn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepq4j.dqn.DqnConfig;
import deepq4j.dqn.cli.CommandLineRun.Outcome;
import deepq4j.dqn.run.ModelFile;
import deepq4j.dqn.run.TrainingRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --algorithm rainbow and --noisy from the command line: which parts are on, how each is turned off, and what the model file holds. */
class RainbowCommandLineTest {
    @TempDir
    Path tmp;

    @Test
    void rainbowSwitchesOnItsPartsAndEachFlagTurnsItsPartOff() {
        DqnConfig r = TrainingRun.config("--algorithm", "rainbow");
        assertTrue(r.categorical() && r.doubleDqn && r.dueling && r.prioritizedReplay && r.noisy, "all six parts");
        assertEquals(3, r.nStep);
        assertEquals(0.5, r.perAlpha);
        assertEquals(0.0, r.startE, "noisy layers explore: epsilon-greedy off");
        assertEquals(0.0, r.endE);
        assertEquals("Rainbow", r.algorithmName());

        DqnConfig noNoise = TrainingRun.config("--algorithm", "rainbow", "--no-noisy");
        assertFalse(noNoise.noisy);
        assertEquals(1.0, noNoise.startE, "without noise, epsilon-greedy comes back");
        assertEquals("C51 + Double + Dueling + PER + 3-step", noNoise.algorithmName());

        DqnConfig ablated = TrainingRun.config("--algorithm", "rainbow", "--no-double-dqn", "--no-dueling", "--no-prioritized-replay",
                "--n-step", "1", "--per-alpha", "0.6");
        assertFalse(ablated.doubleDqn || ablated.dueling || ablated.prioritizedReplay);
        assertEquals(1, ablated.nStep);
        assertEquals(0.6, ablated.perAlpha);
        assertEquals("C51 + Noisy", ablated.algorithmName());

        DqnConfig askedForEpsilon = TrainingRun.config("--noisy", "--start-e", "0.5");
        assertEquals(0.5, askedForEpsilon.startE);
        assertEquals(0.05, askedForEpsilon.endE, "a given epsilon flag keeps the schedule");
        assertEquals("DQN 2015 + Noisy", askedForEpsilon.algorithmName());

        assertFalse(TrainingRun.config().noisy);
    }

    @Test
    void aRainbowRunsModelFileIsNoisyAndEvaluatesWithItsMeanWeights() throws Exception {
        Path dir = tmp.resolve("rainbow");
        Outcome train = CommandLineRun.run("train", "--algorithm", "rainbow", "--env-id", "CartPole-v1", "--seed", "2",
                "--total-timesteps", "1500", "--learning-starts", "500", "--buffer-size", "1000", "--batch-size", "32",
                "--n-atoms", "21", "--v-min", "-50", "--v-max", "50", "--eval-episodes", "2", "--no-progress", "--out", dir.toString());
        assertEquals(0, train.status(), train.err());
        ModelFile.Description d = ModelFile.describe(dir);
        assertTrue(d.head().noisy() && d.head().dueling() && d.head().atoms() == 21, d.toString());
        // Evaluation mode plays the mean weights: no noise is drawn, so two evaluations agree.
        Outcome first = CommandLineRun.run("eval", "--model", dir.toString(), "--episodes", "3");
        Outcome second = CommandLineRun.run("eval", "--model", dir.toString(), "--episodes", "3");
        assertEquals(0, first.status(), first.err());
        assertTrue(first.out().contains("CartPole-v1 over 3 episodes: mean return"), first.out());
        assertEquals(first.out(), second.out());
    }
}
