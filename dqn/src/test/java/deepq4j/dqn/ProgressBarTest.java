package deepq4j.dqn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bar's text, and its two ways of writing: redrawn in place on a terminal, ten plain lines elsewhere. */
class ProgressBarTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String written() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Steps 1 to 1,000 of a 1,000-step run, one update each, then the end. */
    private static void runToTheEnd(ProgressBar bar) {
        for (long step = 1; step <= 1000; step++) {
            bar.update(step, 100, 0.5, 1);
        }
        bar.finish();
    }

    @Test
    void theLineShowsProgressRateEpsilonReturnAndTimeLeft() {
        ProgressBar bar = new ProgressBar(out, 500_000, false);
        String line = bar.line(250_000, 41_230, 0.05, 412.34);
        assertTrue(line.matches("\\[#{10}\\.{10}]  50\\.0% 250,000/500,000 \\| 41,230 SPS \\| eps 0\\.050 \\| return 412\\.3 \\| \\d+s, 6s left"),
                line);
        assertTrue(bar.line(0, 0, 1.0, Double.NaN).matches("\\[\\.{20}]   0\\.0% 0/500,000 \\| 0 SPS \\| eps 1\\.000 \\| return - \\| \\d+s"));
        String done = bar.line(500_000, 9_000, 0.05, 497);
        assertTrue(done.startsWith("[" + "#".repeat(20) + "] 100.0% 500,000/500,000") && !done.contains("left"), done);
    }

    @Test
    void writtenToAFileItPrintsOneLineAtEveryTenth() {
        runToTheEnd(new ProgressBar(out, 1000, false));
        List<String> lines = written().lines().toList();
        assertEquals(11, lines.size(), written()); // tenths 0 (from step 1) to 9, and the end
        assertFalse(written().contains("\r"));
        assertTrue(lines.get(0).contains(" 1/1,000 ") && lines.get(1).contains(" 100/1,000 "), written());
    }

    @Test
    void onATerminalItRedrawsInPlaceAndEndsTheLine() {
        runToTheEnd(new ProgressBar(out, 1000, true));
        String s = written();
        assertTrue(s.startsWith("\r[") && s.endsWith("\n"), s);
        assertEquals(1, s.chars().filter(c -> c == '\n').count(), s);
        assertTrue(s.substring(s.lastIndexOf('\r')).contains(" 1,000/1,000 "), s); // the last step is always drawn
    }
}
