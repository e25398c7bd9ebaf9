package deepq4j.dqn.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepq4j.dqn.cli.CommandLineRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `deepq4j sweep`: the search space, the pruners, and a sweep that continues where it stopped. */
class SweepTest {
    @TempDir
    Path tmp;

    private static String[] sweep(Path out, int trials, String pruner) {
        return new String[] {"sweep", "--param", "learning-rate=log-uniform:1e-4:1e-2", "--param", "batch-size=choice:32,64",
            "--trials", Integer.toString(trials), "--jobs", "1", "--pruner", pruner, "--out", out.toString(), "--",
            "--total-timesteps", "1500", "--learning-starts", "300", "--eval-episodes", "2"};
    }

    @Test
    void aSweepContinuesWhereItStoppedAndRanksItsTrials() throws Exception {
        Path out = tmp.resolve("s");
        CommandLineRun.Outcome first = CommandLineRun.run(sweep(out, 3, "none"));
        assertEquals(0, first.status(), first.err());
        List<String> rows = Files.readAllLines(out.resolve("trials.csv"));
        assertEquals(4, rows.size(), rows.toString());

        // Trial 1 "was running" when the process died: its row never got written.
        List<String> cut = new ArrayList<>(rows);
        String trial1 = cut.remove(2);
        Files.write(out.resolve("trials.csv"), cut);
        CommandLineRun.Outcome again = CommandLineRun.run(sweep(out, 5, "none"));
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().contains("5 trials (2 finished before)"), again.out());
        List<String> after = Files.readAllLines(out.resolve("trials.csv"));
        assertEquals(6, after.size(), after.toString());
        assertTrue(after.contains(trial1), "the rerun trial gets the same parameters and, seeded, the same value: " + after);

        // The same five trials from scratch give the same rows (one job at a time, no pruning: reproducible).
        Path fresh = tmp.resolve("fresh");
        assertEquals(0, CommandLineRun.run(sweep(fresh, 5, "none")).status());
        assertEquals(new java.util.HashSet<>(Files.readAllLines(fresh.resolve("trials.csv"))), new java.util.HashSet<>(after));

        String ranking = Files.readString(out.resolve("ranking.md"));
        assertTrue(ranking.startsWith("| rank | trial | state | value | parameters |"), ranking);
        assertEquals(5 + 2, ranking.strip().split("\n").length);

        CommandLineRun.Outcome other = CommandLineRun.run(sweep(out, 5, "median"));
        assertEquals(2, other.status());
        assertTrue(other.err().contains("holds another sweep"), other.err());
    }

    @Test
    void theMedianPrunerStopsTrialsBelowTheMedianAfterItsStartupTrials() throws Exception {
        Path out = tmp.resolve("m");
        CommandLineRun.Outcome o = CommandLineRun.run(new String[] {"sweep", "--param", "learning-rate=log-uniform:1e-6:1e-2",
            "--trials", "10", "--jobs", "1", "--out", out.toString(), "--report-every", "300", "--report-window", "5", "--",
            "--total-timesteps", "3000", "--learning-starts", "300", "--eval-episodes", "1"});
        assertEquals(0, o.status(), o.err());
        List<String> rows = Files.readAllLines(out.resolve("trials.csv"));
        for (int i = 1; i <= 5; i++) {
            assertTrue(rows.get(i).contains(",complete,"), "the first five trials always finish: " + rows);
        }
        assertTrue(rows.stream().anyMatch(r -> r.contains(",pruned,")), "with learning rates down to 1e-6 some trial is pruned: " + rows);
    }

    @Test
    void pruningRules() {
        Pruner median = Pruner.median(5);
        assertFalse(median.prune(1, 0, List.of(10.0, 20.0, 30.0), 4), "not before five trials have finished");
        assertTrue(median.prune(1, 15, List.of(10.0, 20.0, 30.0), 5));
        assertFalse(median.prune(1, 25, List.of(10.0, 20.0, 30.0, 40.0), 5), "the median of 4 values is the mean of the middle two");
        assertFalse(median.prune(1, 0, List.of(), 9), "nothing to compare with");
        Pruner halving = Pruner.successiveHalving(3);
        assertFalse(halving.prune(2, -100, List.of(50.0), 0), "report 2 is not a rung");
        assertTrue(halving.prune(3, 10, List.of(50.0), 0), "with fewer than 3 at a rung only the best goes on");
        assertFalse(halving.prune(9, 60, List.of(50.0), 0));
        assertFalse(halving.prune(1, 40, List.of(10.0, 20.0, 30.0, 50.0, 5.0), 0), "second of six: in the top third");
        assertTrue(halving.prune(1, 25, List.of(10.0, 20.0, 30.0, 50.0, 5.0), 0), "third of six: not in the top third");
    }

    @Test
    void searchSpaces() {
        SearchSpace s = SearchSpace.parse(List.of("learning-rate=log-uniform:1e-4:1e-2", "gamma=uniform:0.9:0.99",
                "target-network-frequency=int:1:3", "batch-size=choice:32,64"));
        assertEquals(List.of("learning-rate", "gamma", "target-network-frequency", "batch-size"), s.names());
        java.util.Set<String> ints = new java.util.HashSet<>();
        for (int t = 0; t < 200; t++) {
            Map<String, String> v = s.sample(7, t);
            double lr = Double.parseDouble(v.get("learning-rate"));
            assertTrue(lr >= 1e-4 * (1 - 1e-5) && lr <= 1e-2 * (1 + 1e-5), v.toString());
            double gamma = Double.parseDouble(v.get("gamma"));
            assertTrue(gamma >= 0.9 && gamma <= 0.99, v.toString());
            ints.add(v.get("target-network-frequency"));
            assertTrue(List.of("32", "64").contains(v.get("batch-size")));
        }
        assertEquals(java.util.Set.of("1", "2", "3"), ints, "int ranges include both ends");
        assertEquals(s.sample(7, 3), s.sample(7, 3), "a trial's values depend on the seed and its number alone");
        for (String bad : new String[] {"lr", "lr=uniform:2:1", "lr=log-uniform:0:1", "lr=int:1.5:3", "lr=normal:0:1", "lr=choice:"}) {
            assertThrows(IllegalArgumentException.class, () -> SearchSpace.parse(List.of(bad)), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> SearchSpace.parse(List.of("a=int:1:2", "a=int:1:3")));
        CommandLineRun.Outcome unknown = CommandLineRun.run("sweep", "--param", "no-such-flag=int:1:2", "--out", tmp.toString());
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("no-such-flag"), unknown.err());
    }
}
