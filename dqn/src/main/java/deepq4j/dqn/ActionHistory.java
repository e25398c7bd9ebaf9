package deepq4j.dqn;

import deepq4j.tensor.Tensor;
import java.util.Arrays;

/**
 * Every action a run has taken, one byte each (5M steps: 5 MB). A checkpoint stores it instead of
 * the environment's internal state: the environment is deterministic given its seed and the
 * actions, so replaying them on a fresh copy rebuilds its exact state, for any environment.
 */
final class ActionHistory {
    private byte[] actions = new byte[1024];
    private int length;

    /** Throws unless every action of a space of {@code n} fits in a byte. */
    static void requireFits(int n) {
        if (n > Byte.MAX_VALUE + 1) {
            throw new IllegalArgumentException("checkpoints record actions as bytes; " + n + " actions do not fit");
        }
    }

    void add(int action) {
        if (length == actions.length) {
            actions = Arrays.copyOf(actions, actions.length * 2);
        }
        actions[length++] = (byte) action;
    }

    int length() {
        return length;
    }

    int get(int i) {
        return actions[i];
    }

    /** The actions as a float tensor (exact: they are small whole numbers). */
    Tensor toTensor() {
        float[] v = new float[length];
        for (int i = 0; i < length; i++) {
            v[i] = actions[i];
        }
        return Tensor.of(v, length);
    }

    /** The history {@link #toTensor} saved; a value that is not a whole number from 0 to 127 (a damaged file) is refused. */
    static ActionHistory of(Tensor saved) {
        ActionHistory h = new ActionHistory();
        float[] values = saved.toArray();
        for (int i = 0; i < values.length; i++) {
            float a = values[i];
            if (!(a >= 0 && a <= Byte.MAX_VALUE && a == Math.rint(a))) {
                throw new IllegalArgumentException("recorded action " + i + " is " + a + ", not an action");
            }
            h.add((int) a);
        }
        return h;
    }
}
