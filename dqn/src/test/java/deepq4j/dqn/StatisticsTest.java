package deepq4j.dqn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepq4j.dqn.experiments.ConfidenceInterval;
import org.junit.jupiter.api.Test;

class StatisticsTest {
    @Test
    void meanAndBothStandardDeviationsAsNumpyComputesThem() {
        double[] x = {2, 4, 4, 4, 5, 5, 7, 9};
        assertEquals(5.0, Statistics.mean(x));
        assertEquals(2.0, Statistics.std(x)); // np.std(x)
        assertEquals(Math.sqrt(32.0 / 7), Statistics.sampleStd(x), 1e-15); // np.std(x, ddof=1)
        assertEquals(0.0, Statistics.std(new double[] {3}));
        assertTrue(Double.isNaN(Statistics.mean(new double[0])) && Double.isNaN(Statistics.std(new double[0])));
        assertThrows(IllegalArgumentException.class, () -> Statistics.sampleStd(new double[] {1}));
        ConfidenceInterval ci = ConfidenceInterval.of(new double[] {1, 2, 3, 4, 5});
        assertEquals(3.0, ci.mean());
        assertEquals(3 + 2.776 * Math.sqrt(2.5) / Math.sqrt(5), ci.high(), 1e-12);
    }
}
