package deepq4j.dqn;

/**
 * C51's target distribution (Bellemare et al. 2017, Algorithm 1): take the distribution of the
 * return at s' (the target network's, for the next action), move each atom z_j by the Bellman
 * update to Tz_j = r + discount * z_j (just r where s' is terminal: no future), clamp it to
 * [v_min, v_max], and, since Tz_j rarely falls on an atom, split its probability between the two
 * atoms around it in proportion to how close each is. The result lives on the same atoms, so the
 * network's distribution at (s, a) can be pulled toward it with a cross-entropy.
 */
final class CategoricalProjection {
    private CategoricalProjection() {
    }

    /**
     * The projected target distributions, [B * K] row-major, for B transitions
     * ({@code rewards}, {@code discounts}, {@code terminated} as 0 or 1) and the next states'
     * distributions {@code nextProbabilities} [B * K] over the K atoms evenly spaced on
     * [vMin, vMax].
     */
    static float[] project(float[] rewards, float[] discounts, float[] terminated, float[] nextProbabilities, int atoms, double vMin,
                           double vMax) {
        int batch = rewards.length;
        double dz = (vMax - vMin) / (atoms - 1);
        float[] z = CategoricalQNetwork.atomValues(atoms, vMin, vMax);
        double[] target = new double[atoms];
        float[] out = new float[batch * atoms];
        for (int i = 0; i < batch; i++) {
            java.util.Arrays.fill(target, 0);
            double bootstrap = terminated[i] != 0 ? 0 : discounts[i];
            for (int j = 0; j < atoms; j++) {
                double p = nextProbabilities[i * atoms + j];
                double tz = Math.min(vMax, Math.max(vMin, rewards[i] + bootstrap * z[j]));
                double b = (tz - vMin) / dz; // where Tz_j falls, in atoms from the first: in [0, K - 1]
                // floor and ceil of b >= 0, exactly as Math.floor / Math.ceil give them, without their calls
                int lower = (int) b;
                int upper = b > lower ? lower + 1 : lower;
                lower = Math.max(0, Math.min(atoms - 1, lower));
                upper = Math.max(0, Math.min(atoms - 1, upper));
                if (lower == upper) {
                    target[lower] += p; // on an atom: all of it there
                } else {
                    target[lower] += p * (upper - b);
                    target[upper] += p * (b - lower);
                }
            }
            for (int k = 0; k < atoms; k++) {
                out[i * atoms + k] = (float) target[k];
            }
        }
        return out;
    }
}
