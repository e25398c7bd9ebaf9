package deepq4j.dqn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import deepq4j.nn.Module;
import deepq4j.tensor.Generator;
import org.junit.jupiter.api.Test;

class QNetworksTest {
    private static long built(QNetworks.Kind kind, int[] obs, int[] hidden, int actions, QNetworks.Head head) {
        Module q = QNetworks.build(kind, obs, hidden, actions, head, new Generator(1));
        return q.parameters().stream().mapToLong(p -> p.data().numel()).sum();
    }

    @Test
    void parameterCountIsThatOfTheBuiltNetwork() {
        Object[][] cases = {
            {QNetworks.Kind.mlp, new int[] {4}, new int[] {120, 84}, 2},
            {QNetworks.Kind.mlp, new int[] {1}, new int[] {1}, 1},
            {QNetworks.Kind.mlp, new int[] {6}, new int[0], 3},
            {QNetworks.Kind.mlp, new int[] {3}, new int[] {5, 7, 1}, 4},
            {QNetworks.Kind.minatar, new int[] {4, 10, 10}, new int[0], 6},
            {QNetworks.Kind.minatar, new int[] {1, 10, 10}, new int[] {9}, 1},
            {QNetworks.Kind.nature, new int[] {4, 84, 84}, new int[0], 18},
        };
        for (Object[] c : cases) {
            for (boolean dueling : new boolean[] {false, true}) {
                QNetworks.Kind kind = (QNetworks.Kind) c[0];
                int[] hidden = (int[]) c[2];
                if (dueling && kind == QNetworks.Kind.mlp && hidden.length == 0) {
                    continue; // a dueling MLP needs a hidden layer
                }
                // one Q-value per action, and C51's distributions over 7 atoms, each with plain and noisy layers, and with LayerNorms
                for (QNetworks.Head head : new QNetworks.Head[] {QNetworks.Head.scalar(dueling), new QNetworks.Head(dueling, 7, -1, 1, false, false),
                        new QNetworks.Head(dueling, 1, 0, 0, true, false), new QNetworks.Head(dueling, 7, -1, 1, true, false),
                        new QNetworks.Head(dueling, 1, 0, 0, false, true), new QNetworks.Head(dueling, 7, -1, 1, true, true)}) {
                    assertEquals(built(kind, (int[]) c[1], hidden, (int) c[3], head),
                            QNetworks.parameterCount(kind, (int[]) c[1], hidden, (int) c[3], head), kind + " " + head);
                }
            }
        }
        assertEquals(Long.MAX_VALUE, QNetworks.parameterCount(QNetworks.Kind.mlp, new int[] {4},
                new int[] {2_000_000_000, 2_000_000_000, 2_000_000_000, 2_000_000_000}, 2, false), "overflow saturates");
    }
}
