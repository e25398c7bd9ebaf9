package deepq4j.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepq4j.envs.Envs;
import deepq4j.envs.SyncVectorEnv;
import deepq4j.envs.VectorStep;
import deepq4j.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --num-envs N for the DQN family: N transitions a step into replay, each with its copy's real next observation. */
class VectorEnvTrainingTest {
    @Test
    void everyCopysTransitionsGoIntoReplayWithTheFinalObservationWhereAnEpisodeEnded() throws Exception {
        DqnConfig c = new DqnConfig();
        c.envId = "CartPole-v1";
        c.seed = 3;
        c.numEnvs = 3;
        c.totalTimesteps = 200;
        c.learningStarts = 1_000; // only acting and storing: the buffer holds exactly what the copies did
        c.evalEpisodes = 0;
        c.progress = false;
        DqnTrainer trainer = new DqnTrainer(c);
        trainer.train(TrainingLog.NONE, null);
        Map<String, Tensor> stored = trainer.buffer.transitions().stateDict();
        assertEquals(600, trainer.buffer.size(), "3 transitions for each of 200 steps");

        // The same copies, seeds and actions, stepped here: transition t * 3 + i is copy i's step t.
        SyncVectorEnv envs = new SyncVectorEnv(3, () -> Envs.make("CartPole-v1"));
        float[][] obs = envs.reset(3);
        float[] observations = stored.get("observations").toArray();
        float[] next = stored.get("next_observations").toArray();
        float[] terminated = stored.get("terminated").toArray();
        int ended = 0;
        for (int t = 0; t < 200; t++) {
            int[] action = new int[3];
            for (int i = 0; i < 3; i++) {
                action[i] = trainer.history.get(t * 3 + i);
            }
            VectorStep s = envs.step(action);
            for (int i = 0; i < 3; i++) {
                int k = t * 3 + i;
                assertArrayEquals(obs[i], java.util.Arrays.copyOfRange(observations, k * 4, k * 4 + 4), "observation of " + k);
                assertArrayEquals(s.nextObservation(i), java.util.Arrays.copyOfRange(next, k * 4, k * 4 + 4), "next observation of " + k);
                assertEquals(s.terminated()[i] ? 1f : 0f, terminated[k], "terminated of " + k);
                ended += s.terminated()[i] || s.truncated()[i] ? 1 : 0;
            }
            obs = s.observations();
        }
        assertTrue(ended > 10, "episodes ended inside the run, so final observations were stored: " + ended);
        assertEquals(ended, trainer.copies.episodes);
    }

    @Test
    void dqnWithFourCopiesLearnsTheProbes() throws Exception {
        for (int probe : new int[] {3, 5}) {
            DqnConfig c = ProbeTrainingTest.probeConfig(probe);
            c.numEnvs = 4;
            var q = new DqnTrainer(c).train(TrainingLog.NONE, null).q();
            float[] first = q.forward(Tensor.of(new float[] {0}, 1, 1)).data().toArray();
            float expected = probe == 3 ? 0.99f : 1f;
            assertEquals(expected, first[0], 2e-3, "Probe" + probe + ": Q(0, 0)");
        }
    }
}
