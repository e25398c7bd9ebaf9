package deepq4j.dqn.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MinAtar chart's numbers: episodes averaged by the 100k-frame window they end in; one panel per game. */
class MinAtarChartTest {
    @TempDir
    Path tmp;

    @Test
    void averagesTheEpisodesEndingInEachWindow() throws Exception {
        Path csv = tmp.resolve("Freeway-s1.csv");
        Files.writeString(csv, "step,return,length\n10,1.0,10\n99999,3.0,5\n100000,5.0,7\n250000,8.0,2\n");
        assertArrayEquals(new double[] {2.0, 5.0, 8.0}, MinAtarChart.windowMeans(csv), 0.0);
        Files.writeString(tmp.resolve("Freeway-s2.csv"), "step,return,length\n5,4.0,5\n");
        Files.writeString(tmp.resolve("Asterix-s1.csv"), "step,return,length\n5,4.0,5\n");
        Files.writeString(tmp.resolve("notes.txt"), "not a run");
        assertEquals(2, MinAtarChart.panels(tmp).size(), "Asterix and Freeway, each once");
    }

    @Test
    void aDirectoryWithoutRunsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> MinAtarChart.panels(tmp));
    }
}
