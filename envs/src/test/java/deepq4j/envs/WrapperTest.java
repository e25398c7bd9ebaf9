package deepq4j.envs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry, the order checks, time limits, episode statistics and the vector env. */
class WrapperTest {

    @Test
    void unknownIdsListTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Envs.make("CartPole-v9"));
        assertTrue(e.getMessage().contains("'CartPole-v9'") && e.getMessage().contains("CartPole-v1")
                && e.getMessage().contains("Probe5-v0"), e.getMessage());
        assertEquals(List.of("CartPole-v0", "CartPole-v1", "Acrobot-v1", "MountainCar-v0", "Probe1-v0", "Probe2-v0", "Probe3-v0",
                "Probe4-v0", "Probe5-v0", "PixelCartPole-v1", "MinAtar/Asterix-v1", "MinAtar/Breakout-v1", "MinAtar/Freeway-v1",
                "MinAtar/Seaquest-v1", "MinAtar/SpaceInvaders-v1"), Envs.ids());
    }

    @Test
    void keywordArgumentsAreCheckedByName() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Envs.make("CartPole-v1", java.util.Map.of("use_minimal_action_set", true)));
        assertTrue(unknown.getMessage().contains("CartPole-v1 takes no keyword argument use_minimal_action_set"), unknown.getMessage());
        IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class,
                () -> Envs.make("MinAtar/Breakout-v1", java.util.Map.of("sticky_action_prob", "often")));
        assertTrue(wrongType.getMessage().contains("sticky_action_prob must be a number"), wrongType.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> Envs.make("MinAtar/Breakout-v1", java.util.Map.of("sticky_action_prob", 1.5)));
        assertTrue(range.getMessage().contains("sticky_action_prob must be in [0, 1]"), range.getMessage());
    }

    @Test
    void stepBeforeResetAndAfterTheEndAreErrors() {
        Env env = Envs.make("CartPole-v1");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.step(0));
        assertTrue(e.getMessage().contains("before reset()"), e.getMessage());
        env.reset(0);
        Step s;
        do {
            s = env.step(1);
        } while (!s.done());
        e = assertThrows(IllegalStateException.class, () -> env.step(1));
        assertTrue(e.getMessage().contains("after the episode ended"), e.getMessage());
        env.reset();
        env.step(0); // fine again
    }

    @Test
    void timeLimitsTruncateAtTheRegisteredLength() {
        for (String id : new String[] {"CartPole-v0", "CartPole-v1", "MountainCar-v0"}) {
            Env env = Envs.make(id);
            float[] obs = env.reset(3);
            int steps = 0;
            Step s;
            do {
                // CartPole: push the cart the way the pole is falling, which balances it for good.
                // MountainCar: never push, so the car never reaches the flag.
                int action = id.startsWith("CartPole") ? (obs[2] + 0.5f * obs[3] > 0 ? 1 : 0) : 1;
                s = env.step(action);
                obs = s.observation();
                steps++;
            } while (!s.done());
            assertTrue(s.truncated(), id + " ends by its time limit");
            assertFalse(s.terminated(), id);
            assertEquals(id.equals("CartPole-v1") ? 500 : 200, steps, id);
        }
        Env limited = new TimeLimit(new Probe3(), 1);
        limited.reset(0);
        Step s = limited.step(0);
        assertTrue(s.truncated());
        assertFalse(s.terminated());
    }

    @Test
    void episodeStatisticsArriveWithTheLastStep() {
        Env env = new RecordEpisodeStatistics(Envs.make("MountainCar-v0"));
        env.reset(0);
        Step s;
        int steps = 0;
        do {
            s = env.step(0);
            steps++;
            if (!s.done()) {
                assertNull(s.info().get("episode"));
            }
        } while (!s.done());
        @SuppressWarnings("unchecked")
        Map<String, Object> episode = (Map<String, Object>) s.info().get("episode");
        assertEquals(-200.0, episode.get("r"));
        assertEquals(200, episode.get("l"));
        assertEquals(steps, 200);
        assertTrue((Double) episode.get("t") >= 0);
    }

    @Test
    void vectorEnvSeedsCopiesApartAndAutoresets() {
        SyncVectorEnv vec = new SyncVectorEnv(3, () -> new RecordEpisodeStatistics(Envs.make("CartPole-v1")));
        float[][] obs = vec.reset(10);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(Envs.make("CartPole-v1").reset(10 + i), obs[i], "copy " + i + " is seeded with seed + i");
        }
        // Push every cart right until each pole falls, and check the hand-over.
        Env single = Envs.make("CartPole-v1");
        float[] lastSingle = null;
        single.reset(10);
        boolean sawEnd = false;
        for (int t = 0; t < 40 && !sawEnd; t++) {
            VectorStep step = vec.step(new int[] {1, 1, 1});
            Step s = single.step(1);
            assertArrayEquals(s.observation(), step.nextObservation(0), "copy 0 follows the same trajectory, step " + t);
            if (step.terminated()[0]) {
                sawEnd = true;
                assertNotNull(step.finalObservations()[0]);
                assertNotNull(step.finalInfos().get(0).get("episode"));
                assertFalse(java.util.Arrays.equals(step.observations()[0], step.finalObservations()[0]),
                        "the copy already started a new episode");
                assertTrue(Math.abs(step.observations()[0][0]) <= 0.05f, "a fresh CartPole starts near the centre");
            } else {
                assertNull(step.finalObservations()[0]);
            }
        }
        assertTrue(sawEnd);
        assertThrows(IllegalArgumentException.class, () -> vec.step(new int[] {1}));
    }

    @Test
    void spaces() {
        Discrete d = new Discrete(3);
        assertTrue(d.contains(2));
        assertFalse(d.contains(3));
        assertFalse(d.contains(-1));
        Box box = new Box(new float[] {-1, 0}, new float[] {1, 2});
        box.seed(4);
        for (int i = 0; i < 100; i++) {
            assertTrue(box.contains(box.sample()));
        }
        assertFalse(box.contains(new float[] {0, 3}));
        assertFalse(box.contains(new float[] {0}));
        assertArrayEquals(new int[] {2}, box.shape());
        assertThrows(IllegalArgumentException.class, () -> new Box(new float[] {1}, new float[] {0}));
        assertThrows(IllegalArgumentException.class, () -> new Discrete(0));
    }

    @Test
    void anActionSpacesSamplerStateContinuesItsDraws() {
        Discrete space = new Discrete(6);
        space.seed(3);
        space.sample();
        long[] state = space.samplerState();
        int[] first = new int[20];
        for (int i = 0; i < first.length; i++) {
            first[i] = space.sample();
        }
        Discrete other = new Discrete(6);
        other.setSamplerState(state);
        int[] again = new int[20];
        for (int i = 0; i < again.length; i++) {
            again[i] = other.sample();
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(first, again);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> other.setSamplerState(new long[] {1}));
    }
}
