package deepq4j.dqn.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepq4j.dqn.Statistics;
import deepq4j.dqn.cli.CommandLineRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `deepq4j compare`: runs in parallel give what each would give alone, and the chart's numbers are the stated statistics. */
class ComparisonTest {
    @TempDir
    Path tmp;

    private static final String[] SHORT = {"--total-timesteps", "2000", "--learning-starts", "300", "--buffer-size", "1000",
        "--batch-size", "32", "--train-frequency", "4", "--eval-episodes", "2"};

    @Test
    void runsInParallelMatchRunsAloneAndTheFilesHoldTheCurves() throws Exception {
        Path out = tmp.resolve("cmp");
        String[] args = new String[8 + 1 + SHORT.length];
        String[] head = {"compare", "--seeds", "2", "--jobs", "2", "--variant", "plain=", "--variant=double=--double-dqn"};
        System.arraycopy(head, 0, args, 0, head.length);
        args[head.length] = "--out=" + out;
        String[] all = new String[args.length + 1];
        System.arraycopy(args, 0, all, 0, head.length + 1);
        all[head.length + 1] = "--";
        System.arraycopy(SHORT, 0, all, head.length + 2, SHORT.length);
        CommandLineRun.Outcome o = CommandLineRun.run(all);
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("double") && o.out().contains("greedy return (95% CI)"), o.out());
        for (String f : new String[] {"compare.png", "compare.svg", "curves.csv", "runs.csv", "plain/seed-1/episodes.csv",
            "double/seed-2/model.safetensors"}) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        String svg = Files.readString(out.resolve("compare.svg"));
        // JFreeSVG's document: the two bands as translucent filled paths, the curves as paths, the legend as text
        assertTrue(svg.startsWith("<?xml") && svg.contains("<svg") && svg.contains("<path") && svg.contains(">double<"), svg);
        assertEquals(2, svg.split("fill-opacity:0.2", -1).length - 1, "one translucent band per variant");
        assertEquals(5, Files.readAllLines(out.resolve("runs.csv")).size());

        // The same run alone: the same episodes, bit for bit (parallel runs share nothing).
        Path alone = tmp.resolve("alone");
        String[] train = new String[6 + SHORT.length + 1];
        String[] trainHead = {"train", "--double-dqn", "--seed", "2", "--out", alone.toString()};
        System.arraycopy(trainHead, 0, train, 0, trainHead.length);
        System.arraycopy(SHORT, 0, train, trainHead.length, SHORT.length);
        train[train.length - 1] = "--no-progress";
        assertEquals(0, CommandLineRun.run(train).status());
        assertEquals(Files.readAllLines(alone.resolve("episodes.csv")), Files.readAllLines(out.resolve("double/seed-2/episodes.csv")));

        // curves.csv: episode 1 of "plain" is the mean of the two seeds' first (smoothed) returns.
        double[] s1 = Comparison.returns(out.resolve("plain/seed-1/episodes.csv"));
        double[] s2 = Comparison.returns(out.resolve("plain/seed-2/episodes.csv"));
        String first = Files.readAllLines(out.resolve("curves.csv")).get(1);
        assertTrue(first.startsWith("plain,1,"), first);
        assertEquals((s1[0] + s2[0]) / 2, Double.parseDouble(first.split(",")[2]), 1e-12);
        long rows = Files.readAllLines(out.resolve("curves.csv")).stream().filter(l -> l.startsWith("plain,")).count();
        assertEquals(Math.min(s1.length, s2.length), rows, "curves run to the shortest seed's episode count");

        // The same command again with one variant more: the finished runs are reused, only the new one trains.
        long trained = Files.getLastModifiedTime(out.resolve("plain/seed-1/model.safetensors")).toMillis();
        List<String> again = new ArrayList<>(List.of(all));
        again.add(head.length, "--variant=dueling=--dueling");
        CommandLineRun.Outcome o2 = CommandLineRun.run(again.toArray(new String[0]));
        assertEquals(0, o2.status(), o2.err());
        assertEquals(trained, Files.getLastModifiedTime(out.resolve("plain/seed-1/model.safetensors")).toMillis(), "reused, not retrained");
        assertTrue(Files.exists(out.resolve("dueling/seed-2/summary.json")));
        assertEquals(7, Files.readAllLines(out.resolve("runs.csv")).size());
    }

    @Test
    void confidenceIntervalsUseStudentsT() {
        ConfidenceInterval ci = ConfidenceInterval.of(new double[] {1, 2, 3, 4, 5});
        assertEquals(3, ci.mean(), 1e-12);
        double half = 2.776 * Math.sqrt(2.5) / Math.sqrt(5);
        assertEquals(3 - half, ci.low(), 1e-12);
        assertEquals(3 + half, ci.high(), 1e-12);
        ConfidenceInterval one = ConfidenceInterval.of(new double[] {7});
        assertEquals(7, one.low());
        assertEquals(1.96, ConfidenceInterval.tQuantile975(100));
        assertEquals(List.of(1.0, 1.5, 2.5), java.util.Arrays.stream(Statistics.movingMean(new double[] {1, 2, 3}, 2)).boxed().toList());
    }

    @Test
    void badVariantsAndFlagsAreUsageErrors() {
        CommandLineRun.Outcome noName = CommandLineRun.run("compare", "--variant", "double", "--out", tmp.toString());
        assertEquals(2, noName.status());
        assertTrue(noName.err().contains("NAME=FLAGS"), noName.err());
        CommandLineRun.Outcome badFlag = CommandLineRun.run("compare", "--variant", "x=--no-such-flag", "--out", tmp.toString());
        assertEquals(2, badFlag.status());
        assertTrue(badFlag.err().contains("--no-such-flag"), badFlag.err());
        assertThrows(IllegalArgumentException.class, () -> Comparison.Variant.parse("=x"));
    }
}
