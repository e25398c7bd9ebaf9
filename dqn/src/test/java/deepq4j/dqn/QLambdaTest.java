package deepq4j.dqn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Q(lambda) targets against returns worked out by hand, on rollouts that end episodes both ways. */
class QLambdaTest {
    private static final double GAMMA = 0.9;
    private static final double LAMBDA = 0.5;

    @Test
    void aRolloutWithoutEpisodeEndsBlendsTheLambdaReturnWithTheGreedyValues() {
        // one copy, three steps: r = 1, 2, 3; max Q after each step: 10, 20, 30
        float[][] g = QLambda.returns(new float[][] {{1}, {2}, {3}}, new boolean[3][1], new boolean[3][1],
                new float[][] {{10}, {20}, {30}}, GAMMA, LAMBDA);
        double g2 = 3 + GAMMA * 30; // the last step bootstraps fully: 30
        double g1 = 2 + GAMMA * (LAMBDA * g2 + (1 - LAMBDA) * 20);
        double g0 = 1 + GAMMA * (LAMBDA * g1 + (1 - LAMBDA) * 10);
        assertEquals(g2, g[2][0], 1e-4);
        assertEquals(g1, g[1][0], 1e-4);
        assertEquals(g0, g[0][0], 1e-4);
    }

    @Test
    void aTerminationCutsTheChainAndATruncationBootstrapsFromTheFinalObservation() {
        // two copies, four steps. Copy 0 terminates at step 1; copy 1 is truncated at step 2, where the
        // value of its final observation is 7 (the 50 at that step would be its next episode's).
        float[][] r = {{1, 1}, {2, 2}, {3, 3}, {4, 4}};
        boolean[][] terminated = {{false, false}, {true, false}, {false, false}, {false, false}};
        boolean[][] truncated = {{false, false}, {false, false}, {false, true}, {false, false}};
        float[][] next = {{10, 10}, {99, 20}, {30, 7}, {40, 40}};
        float[][] g = QLambda.returns(r, terminated, truncated, next, GAMMA, LAMBDA);

        double a3 = 4 + GAMMA * 40;
        double a2 = 3 + GAMMA * (LAMBDA * a3 + (1 - LAMBDA) * 30);
        double a1 = 2; // terminated: no future, and the 99 is never read
        double a0 = 1 + GAMMA * (LAMBDA * a1 + (1 - LAMBDA) * 10);
        double[] copy0 = {a0, a1, a2, a3};

        double b3 = 4 + GAMMA * 40;
        double b2 = 3 + GAMMA * 7; // truncated: the final observation's value, not the next episode's return
        double b1 = 2 + GAMMA * (LAMBDA * b2 + (1 - LAMBDA) * 20);
        double b0 = 1 + GAMMA * (LAMBDA * b1 + (1 - LAMBDA) * 10);
        double[] copy1 = {b0, b1, b2, b3};
        for (int t = 0; t < 4; t++) {
            assertEquals(copy0[t], g[t][0], 1e-4, "copy 0, step " + t);
            assertEquals(copy1[t], g[t][1], 1e-4, "copy 1, step " + t);
        }
    }

    @Test
    void lambdaZeroIsOneStepQLearningAndLambdaOneTheDiscountedReturn() {
        float[][] r = {{1}, {1}, {1}};
        float[][] next = {{5}, {6}, {7}};
        float[][] zero = QLambda.returns(r, new boolean[3][1], new boolean[3][1], next, GAMMA, 0);
        float[][] one = QLambda.returns(r, new boolean[3][1], new boolean[3][1], next, GAMMA, 1);
        for (int t = 0; t < 3; t++) {
            assertEquals(1 + GAMMA * next[t][0], zero[t][0], 1e-5, "one-step target at " + t);
        }
        assertEquals(1 + GAMMA * (1 + GAMMA * (1 + GAMMA * 7)), one[0][0], 1e-4, "the Monte Carlo return, bootstrapped at the end");
    }
}
