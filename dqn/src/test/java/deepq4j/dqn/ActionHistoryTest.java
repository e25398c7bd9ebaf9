package deepq4j.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepq4j.tensor.Tensor;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The record of actions a checkpoint keeps instead of the environment's state: exact, growable, strict when read back. */
class ActionHistoryTest {

    @Property(tries = 50)
    void keepsEveryActionInOrderThroughATensor(@ForAll @Size(max = 3000) List<@IntRange(min = 0, max = 127) Integer> actions) {
        ActionHistory h = new ActionHistory();
        for (int a : actions) {
            h.add(a);
        }
        assertEquals(actions.size(), h.length(), "past the first 1024 too: the array grows");
        ActionHistory back = ActionHistory.of(h.toTensor());
        assertEquals(actions.size(), back.length());
        for (int i = 0; i < actions.size(); i++) {
            assertEquals((int) actions.get(i), back.get(i), "action " + i);
        }
    }

    @Test
    void actionsMustFitInAByte() {
        ActionHistory.requireFits(128); // actions 0..127
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ActionHistory.requireFits(129));
        assertTrue(e.getMessage().contains("129"), e.getMessage());
    }

    @Test
    void aDamagedRecordIsRefused() {
        for (float bad : new float[] {-1, 128, 2.5f, Float.NaN, Float.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ActionHistory.of(Tensor.of(new float[] {0, 1, bad}, 3)), "value " + bad);
            assertTrue(e.getMessage().contains("recorded action 2"), e.getMessage());
        }
        assertArrayEquals(new float[] {0, 127}, ActionHistory.of(Tensor.of(new float[] {0, 127}, 2)).toTensor().toArray());
    }
}
