package deepq4j.bench;

import deepq4j.tensor.Generator;
import deepq4j.tensor.Init;

/**
 * The Nature-CNN DQN update of {@link NatureCnnStep} in plain loops: direct convolutions forward
 * and backward ({@link NaiveKernels}), triple-loop linear layers and a scalar Adam. The baseline
 * of the Nature-CNN training-step benchmark.
 */
final class NaiveNatureCnnStep {
    /** in channels, out channels, kernel, stride, input size of each conv layer. */
    private static final int[][] CONV = {{4, 32, 8, 4, 84}, {32, 64, 4, 2, 20}, {64, 64, 3, 1, 9}};
    private static final int[][] FC = {{3136, 512}, {512, 4}};
    private static final int B = NatureCnnStep.BATCH;

    private final float[][] params = new float[10][];
    private final float[][] targetParams = new float[10][];
    private final float[][] grads = new float[10][];
    private final float[][] m = new float[10][];
    private final float[][] v = new float[10][];
    private final float[] observations;
    private final float[] nextObservations;
    private final int[] actions = new int[B];
    private long step;

    NaiveNatureCnnStep(long seed) {
        Generator g = new Generator(seed);
        int p = 0;
        for (int[] c : CONV) {
            float bound = (float) (1 / Math.sqrt(c[0] * c[2] * c[2]));
            params[p++] = Init.uniform(g, -bound, bound, c[1], c[0], c[2], c[2]).toArray();
            params[p++] = Init.uniform(g, -bound, bound, c[1]).toArray();
        }
        for (int[] f : FC) {
            float bound = (float) (1 / Math.sqrt(f[0]));
            params[p++] = Init.uniform(g, -bound, bound, f[1], f[0]).toArray();
            params[p++] = Init.uniform(g, -bound, bound, f[1]).toArray();
        }
        for (int i = 0; i < 10; i++) {
            targetParams[i] = params[i].clone();
            grads[i] = new float[params[i].length];
            m[i] = new float[params[i].length];
            v[i] = new float[params[i].length];
        }
        observations = Init.uniform(g, 0f, 1f, B, 4, 84, 84).toArray();
        nextObservations = Init.uniform(g, 0f, 1f, B, 4, 84, 84).toArray();
        for (int i = 0; i < B; i++) {
            actions[i] = g.nextInt(FC[1][1]);
        }
    }

    private static int outSize(int[] c) {
        return (c[4] - c[2]) / c[3] + 1;
    }

    /** Forward through all layers; acts[i] is the input of layer i (acts[5] the Q-values). */
    private static float[][] forward(float[][] w, float[] x) {
        float[][] acts = new float[6][];
        acts[0] = x;
        for (int l = 0; l < 3; l++) {
            int[] c = CONV[l];
            int o = outSize(c);
            float[] y = new float[B * c[1] * o * o];
            NaiveKernels.conv2d(acts[l], w[2 * l], y, B, c[0], c[4], c[4], c[1], c[2], c[3]);
            for (int i = 0; i < y.length; i++) {
                y[i] = Math.max(y[i] + w[2 * l + 1][(i / (o * o)) % c[1]], 0f);
            }
            acts[l + 1] = y;
        }
        for (int l = 0; l < 2; l++) {
            int in = FC[l][0], out = FC[l][1];
            float[] y = new float[B * out];
            for (int i = 0; i < B; i++) {
                for (int j = 0; j < out; j++) {
                    float s = w[6 + 2 * l + 1][j];
                    for (int k = 0; k < in; k++) {
                        s += acts[3 + l][i * in + k] * w[6 + 2 * l][j * in + k];
                    }
                    y[i * out + j] = l == 0 ? Math.max(s, 0f) : s;
                }
            }
            acts[4 + l] = y;
        }
        return acts;
    }

    float trainStep() {
        float[] tq = forward(targetParams, nextObservations)[5];
        float[][] acts = forward(params, observations);
        int a = FC[1][1];
        float[] grad = new float[B * a];
        float loss = 0f;
        for (int i = 0; i < B; i++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < a; j++) {
                max = Math.max(max, tq[i * a + j]);
            }
            float d = acts[5][i * a + actions[i]] - (1f + 0.99f * max);
            loss += d * d / B;
            grad[i * a + actions[i]] = 2 * d / B;
        }
        for (int l = 1; l >= 0; l--) { // linear layers
            int in = FC[l][0], out = FC[l][1];
            float[] gw = grads[6 + 2 * l], gb = grads[6 + 2 * l + 1], w = params[6 + 2 * l];
            java.util.Arrays.fill(gw, 0f);
            java.util.Arrays.fill(gb, 0f);
            float[] x = acts[3 + l];
            float[] gradIn = new float[B * in];
            for (int i = 0; i < B; i++) {
                for (int j = 0; j < out; j++) {
                    float g = grad[i * out + j];
                    gb[j] += g;
                    for (int k = 0; k < in; k++) {
                        gw[j * in + k] += g * x[i * in + k];
                        gradIn[i * in + k] += g * w[j * in + k];
                    }
                }
            }
            for (int i = 0; i < gradIn.length; i++) {
                if (x[i] <= 0f) {
                    gradIn[i] = 0f;
                }
            }
            grad = gradIn;
        }
        for (int l = 2; l >= 0; l--) { // conv layers
            int[] c = CONV[l];
            int o = outSize(c);
            float[] gb = grads[2 * l + 1];
            java.util.Arrays.fill(gb, 0f);
            for (int i = 0; i < grad.length; i++) {
                gb[(i / (o * o)) % c[1]] += grad[i];
            }
            NaiveKernels.conv2dBackwardWeight(grad, acts[l], grads[2 * l], B, c[0], c[4], c[4], c[1], c[2], c[3]);
            if (l > 0) {
                float[] gradIn = new float[acts[l].length];
                NaiveKernels.conv2dBackwardInput(grad, params[2 * l], gradIn, B, c[0], c[4], c[4], c[1], c[2], c[3]);
                for (int i = 0; i < gradIn.length; i++) {
                    if (acts[l][i] <= 0f) {
                        gradIn[i] = 0f;
                    }
                }
                grad = gradIn;
            }
        }
        step++;
        double bc1 = 1 - Math.pow(0.9, step);
        double bc2 = 1 - Math.pow(0.999, step);
        for (int p = 0; p < 10; p++) {
            for (int i = 0; i < params[p].length; i++) {
                float g = grads[p][i];
                m[p][i] = 0.9f * m[p][i] + 0.1f * g;
                v[p][i] = 0.999f * v[p][i] + 0.001f * g * g;
                params[p][i] -= (float) (1e-4 / bc1 * m[p][i] / (Math.sqrt(v[p][i] / bc2) + 1e-8));
            }
        }
        return loss;
    }
}
