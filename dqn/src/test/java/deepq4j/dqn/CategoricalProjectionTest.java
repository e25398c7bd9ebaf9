package deepq4j.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * C51's projection worked out by hand on five atoms z = -2, -1, 0, 1, 2, and two properties of
 * any projection: it keeps the probability mass, and (where nothing is clamped) the mean, which
 * is the Bellman update of the expected return r + discount * E[Z(s')].
 */
class CategoricalProjectionTest {
    private static float[] project(float reward, float discount, boolean terminal, float... next) {
        return CategoricalProjection.project(new float[] {reward}, new float[] {discount}, new float[] {terminal ? 1 : 0}, next, 5, -2, 2);
    }

    @Test
    void byHand() {
        // all mass at z = 0; Tz = 0.5 + 0.5 * 0 = 0.5 falls half way between atoms 0 and 1
        assertArrayEquals(new float[] {0, 0, 0.5f, 0.5f, 0}, project(0.5f, 0.5f, false, 0, 0, 1, 0, 0), 1e-7f);
        // Tz = z + 1: every atom lands on the next one, the last (3) is clamped to 2 and joins it
        assertArrayEquals(new float[] {0, 0.2f, 0.2f, 0.2f, 0.4f}, project(1f, 1f, false, 0.2f, 0.2f, 0.2f, 0.2f, 0.2f), 1e-7f);
        // terminal: no future, every atom moves to r = -0.25, a quarter of the way from atom -1 to atom 0
        assertArrayEquals(new float[] {0, 0.25f, 0.75f, 0, 0}, project(-0.25f, 0.99f, true, 0.1f, 0.2f, 0.3f, 0.2f, 0.2f), 1e-7f);
        // beyond v_max: 5 + 0.9 * -2 = 3.2 is clamped to 2
        assertArrayEquals(new float[] {0, 0, 0, 0, 1}, project(5f, 0.9f, false, 1, 0, 0, 0, 0), 1e-7f);
    }

    @Property(tries = 200)
    void keepsTheMassAndTheMean(@ForAll @IntRange(min = 2, max = 60) int atoms, @ForAll @IntRange(min = 1, max = 5) int batch,
                                @ForAll long seed) {
        Random rng = new Random(seed);
        float[] rewards = new float[batch];
        float[] discounts = new float[batch];
        float[] terminated = new float[batch];
        float[] next = new float[batch * atoms];
        for (int i = 0; i < batch; i++) {
            rewards[i] = (float) (rng.nextDouble() * 2 - 1);
            discounts[i] = (float) rng.nextDouble() * 0.5f;
            terminated[i] = rng.nextInt(4) == 0 ? 1 : 0;
            double sum = 0;
            for (int k = 0; k < atoms; k++) {
                next[i * atoms + k] = (float) rng.nextDouble();
                sum += next[i * atoms + k];
            }
            for (int k = 0; k < atoms; k++) {
                next[i * atoms + k] /= (float) sum;
            }
        }
        // v in [-10, 10] and |r| + discount * 10 <= 6: nothing is clamped, so the mean is kept too
        float[] target = CategoricalProjection.project(rewards, discounts, terminated, next, atoms, -10, 10);
        float[] z = CategoricalQNetwork.atomValues(atoms, -10, 10);
        for (int i = 0; i < batch; i++) {
            double mass = 0;
            double mean = 0;
            double nextMean = 0;
            for (int k = 0; k < atoms; k++) {
                assertTrue(target[i * atoms + k] >= 0);
                mass += target[i * atoms + k];
                mean += target[i * atoms + k] * z[k];
                nextMean += next[i * atoms + k] * z[k];
            }
            assertEquals(1, mass, 1e-5, "mass");
            double bellman = rewards[i] + (terminated[i] != 0 ? 0 : discounts[i] * nextMean);
            assertEquals(bellman, mean, 1e-4, "mean: r + discount * E[Z(s')]");
        }
    }
}
