package deepq4j.envs.minatar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepq4j.envs.Env;
import deepq4j.envs.Envs;
import deepq4j.envs.Step;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of the five MinAtar games, checked on scripted play; and their registration. */
class MinAtarTest {
    private static final int NOOP = 0, LEFT = 1, UP = 2, RIGHT = 3, DOWN = 4, FIRE = 5;
    /** No sticky actions, so that scripted inputs are the inputs played. */
    private static final MinAtarOptions EXACT = new MinAtarOptions(false, 0.0, true);

    private static float cell(float[] obs, int channel, int row, int column) {
        return obs[(channel * 10 + row) * 10 + column];
    }

    private static int count(float[] obs, int channel) {
        int n = 0;
        for (int i = channel * 100; i < (channel + 1) * 100; i++) {
            n += obs[i] != 0f ? 1 : 0;
        }
        return n;
    }

    /** The column of the single object in a channel, or -1. */
    private static int[] find(float[] obs, int channel) {
        for (int row = 0; row < 10; row++) {
            for (int column = 0; column < 10; column++) {
                if (cell(obs, channel, row, column) != 0f) {
                    return new int[] {row, column};
                }
            }
        }
        return null;
    }

    @Test
    void channelsAndActionSetsAreMinAtars() {
        Object[][] games = {
            {"MinAtar/Asterix-v1", 4, 5}, {"MinAtar/Breakout-v1", 4, 3}, {"MinAtar/Freeway-v1", 7, 3},
            {"MinAtar/Seaquest-v1", 10, 6}, {"MinAtar/SpaceInvaders-v1", 6, 4},
        };
        for (Object[] g : games) {
            String id = (String) g[0];
            Env full = Envs.make(id);
            assertArrayEquals(new int[] {(int) g[1], 10, 10}, full.observationSpace().shape(), id);
            assertEquals(6, full.actionSpace().n(), id + ": the published results use all six actions");
            Env minimal = Envs.make(id, Map.of("use_minimal_action_set", true));
            assertEquals((int) g[2], minimal.actionSpace().n(), id + " minimal action set");
            float[] obs = full.reset(3);
            for (float v : obs) {
                assertTrue(v == 0f || v == 1f, id + ": cells are 0 or 1");
            }
        }
        assertArrayEquals(new String[] {"NOOP", "LEFT", "RIGHT"}, new Breakout(new MinAtarOptions(true, 0.1, true)).actionNames());
    }

    @Test
    void breakoutStartsWithThreeRowsOfBricksAndTheBallHeadingDownFromASide() {
        Breakout game = new Breakout(EXACT);
        for (long seed = 0; seed < 20; seed++) {
            float[] obs = game.reset(seed);
            assertEquals(30, count(obs, 3));
            for (int column = 0; column < 10; column++) {
                assertEquals(1f, cell(obs, 3, 1, column));
                assertEquals(1f, cell(obs, 3, 3, column));
            }
            assertEquals(1f, cell(obs, 0, 9, 4), "paddle in the bottom row, column 4");
            int[] ball = find(obs, 1);
            assertEquals(3, ball[0]);
            assertTrue(ball[1] == 0 || ball[1] == 9);
            obs = game.step(NOOP).observation();
            int[] next = find(obs, 1);
            assertEquals(4, next[0], "the ball heads down");
            assertEquals(ball[1] == 0 ? 1 : 8, next[1], "and inwards");
            assertArrayEquals(ball, find(obs, 2), "the trail marks where the ball was");
        }
    }

    @Test
    void breakoutPaddleThatFollowsTheBallKeepsPlayingAndBreaksBricks() {
        Breakout game = new Breakout(EXACT);
        float[] obs = game.reset(7);
        double total = 0;
        for (int t = 0; t < 2000; t++) {
            int ball = find(obs, 1)[1];
            int paddle = find(obs, 0)[1];
            int action = ball < paddle ? LEFT : ball > paddle ? RIGHT : NOOP;
            Step s = game.step(action);
            assertFalse(s.terminated(), "a paddle under the ball never misses (step " + t + ")");
            total += s.reward();
            assertEquals(s.reward(), 0, 1, "at most one brick per frame");
            obs = s.observation();
        }
        assertTrue(total >= 30, "2000 frames of play clear the first wall and get new bricks; got " + total);
    }

    @Test
    void breakoutEndsWhenThePaddleMissesAndEachBrickPaysOne() {
        Breakout game = new Breakout(EXACT);
        float[] obs = game.reset(1);
        int bricks = count(obs, 3);
        double total = 0;
        Step s;
        int steps = 0;
        do {
            // Run away from the ball.
            int ball = find(obs, 1)[1];
            s = game.step(ball < 5 ? RIGHT : LEFT);
            total += s.reward();
            obs = s.observation();
            steps++;
        } while (!s.terminated() && steps < 1000);
        assertTrue(s.terminated(), "the ball gets past a paddle that runs away");
        assertEquals(bricks - count(obs, 3), total, "+1 per brick broken");
    }

    @Test
    void stickyActionsRepeatThePreviousAction() {
        // With probability 1 every action is replaced by the previous one, which starts as NOOP: the paddle never moves.
        Breakout game = new Breakout(new MinAtarOptions(false, 1.0, true));
        float[] obs = game.reset(2);
        for (int t = 0; t < 5; t++) {
            obs = game.step(LEFT).observation();
            assertEquals(1f, cell(obs, 0, 9, 4));
        }
        // Without sticky actions the paddle moves at once.
        Breakout exact = new Breakout(EXACT);
        exact.reset(2);
        assertEquals(1f, cell(exact.step(LEFT).observation(), 0, 9, 3));
    }

    @Test
    void spaceInvadersCannonShotsKillAliensForOnePointEach() {
        SpaceInvaders game = new SpaceInvaders(EXACT);
        float[] obs = game.reset(4);
        assertEquals(24, count(obs, 1), "4 rows of 6 aliens");
        assertEquals(24, count(obs, 2), "moving left at the start");
        assertEquals(0, count(obs, 3));
        assertEquals(1f, cell(obs, 0, 9, 5));
        double total = 0;
        Step s = null;
        for (int t = 0; t < 60; t++) {
            s = game.step(FIRE);
            total += s.reward();
            obs = s.observation();
            if (s.terminated()) {
                break;
            }
        }
        assertTrue(total >= 1, "firing straight up into the block hits aliens");
        assertEquals(24 - count(obs, 1), total, 0.0, "+1 per alien removed (still the first wave)");
        assertTrue(count(obs, 4) <= 12, "one shot per 5 frames at most");
    }

    @Test
    void spaceInvadersAliensFireAtTheCannonAndEndTheGame() {
        SpaceInvaders game = new SpaceInvaders(EXACT);
        game.reset(5);
        Step s;
        int steps = 0;
        boolean sawEnemyBullet = false;
        do {
            s = game.step(NOOP);
            sawEnemyBullet |= count(s.observation(), 5) > 0;
            steps++;
        } while (!s.terminated() && steps < 10_000);
        assertTrue(sawEnemyBullet);
        assertTrue(s.terminated(), "a cannon that never moves or fires is shot or overrun");
    }

    @Test
    void freewayLastsExactly2501FramesAndTheChickenMovesEveryThirdFrame() {
        Freeway game = new Freeway(new MinAtarOptions(false, 0.0, true));
        float[] obs = game.reset(6);
        assertEquals(1f, cell(obs, 0, 9, 4), "the chicken starts at the bottom of column 4");
        assertEquals(8, count(obs, 1), "one car per lane");
        int steps = 0;
        int lowest = 9;
        Step s;
        int[] rows = new int[4];
        do {
            s = game.step(UP);
            int[] chicken = find(s.observation(), 0);
            if (steps < 4) {
                rows[steps] = chicken[0];
            }
            lowest = Math.min(lowest, chicken[0]);
            steps++;
        } while (!s.terminated());
        assertEquals(2501, steps);
        assertArrayEquals(new int[] {9, 9, 9, 8}, rows, "the first move waits for the 3-frame timer");
        assertTrue(lowest <= 2);
    }

    @Test
    void asterixKeepsThePlayerBetweenRowsOneAndEight() {
        Asterix game = new Asterix(EXACT);
        float[] obs = game.reset(8);
        assertArrayEquals(new int[] {5, 5}, find(obs, 0));
        for (int t = 0; t < 9; t++) {
            Step s = game.step(UP);
            if (s.terminated()) {
                return;
            }
            obs = s.observation();
        }
        assertEquals(1, find(obs, 0)[0], "the top row is out of bounds");
    }

    @Test
    void seaquestSurfacingWithoutADiverEndsTheEpisode() {
        Seaquest game = new Seaquest(EXACT);
        float[] obs = game.reset(9);
        assertEquals(1f, cell(obs, 0, 0, 5), "the submarine starts on the surface");
        assertEquals(10, count(obs, 7), "a full oxygen gauge");
        assertFalse(game.step(DOWN).terminated());
        Step up = game.step(UP);
        assertTrue(up.terminated(), "back at the surface with no diver on board");
    }

    @Test
    void seaquestOxygenRunsOut() {
        Seaquest game = new Seaquest(new MinAtarOptions(false, 0.0, false));
        game.reset(10);
        game.step(DOWN);
        // Dodge nothing: move down and stay; either an enemy or the empty tank ends it, within 200 frames of oxygen.
        int steps = 1;
        Step s;
        float gauge = 10;
        do {
            s = game.step(NOOP);
            steps++;
            gauge = count(s.observation(), 7);
        } while (!s.terminated());
        assertTrue(steps <= 202, "oxygen lasts 200 frames; the episode lasted " + steps);
        assertTrue(gauge < 10);
    }

    @Test
    void randomPlayOfBreakoutMatchesThePublishedFigure() {
        // MinAtar's README: a random policy averages 0.5 (standard error 0.023) over 1,000 episodes.
        Env env = Envs.make("MinAtar/Breakout-v1");
        double total = 0;
        for (int i = 0; i < 1000; i++) {
            env.actionSpace().seed(i);
            env.reset(i);
            Step s;
            do {
                s = env.step(env.actionSpace().sample());
                total += s.reward();
            } while (!s.terminated() && !s.truncated());
        }
        assertEquals(0.5, total / 1000, 0.07, "within three standard errors of MinAtar's figure");
    }
}
