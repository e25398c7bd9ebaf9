package deepq4j.examples;

import static deepq4j.examples.ChapterOutput.Tolerance.EXACT;
import static deepq4j.examples.ChapterOutput.assertPrints;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepq4j.examples.ChapterOutput.Tolerance;
import deepq4j.tensor.cpu.Simd;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every chapter's example, run as the chapter runs it, prints what the chapter shows (see
 * {@link ChapterOutput}). Each test states its tolerance and why: output that is double arithmetic,
 * the RNG or integer counts must print the same digits on every machine; float training differs in
 * the last bits with the CPU's vector width (lane sums round in another order) and is compared
 * within a bound or, where one seed's training goes elsewhere, by what the chapter concludes from it;
 * timings are never compared.
 */
class ExamplesTest {
    private interface Main {
        void run(String[] args) throws Exception;
    }

    private static String run(Main main, String... args) throws Exception {
        PrintStream was = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            main.run(args);
        } finally {
            System.setOut(was);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void tensorsTour() throws Exception {
        // Views and broadcasts are exact; the matmul timings are the machine's.
        assertPrints("01-tensors.md", "TensorsTour", run(TensorsTour::main), EXACT.exceptLinesWith("GFLOP/s"));
    }

    @Test
    void autogradByHand() throws Exception {
        assertPrints("02-autograd.md", "AutogradByHand", run(AutogradByHand::main), EXACT);
    }

    @Test
    void fitASine() throws Exception {
        // 2,000 float Adam steps: the error printed to 5 decimals moves by up to 8e-5 between 256- and
        // 512-bit vectors (measured), so 2e-4; that still tells 0.5 from 1e-5.
        assertPrints("03-nn.md", "FitASine", run(FitASine::main), Tolerance.absolute(2e-4));
    }

    @Test
    void cartPoleTour() throws Exception {
        assertPrints("04-environments.md", "CartPoleTour", run(CartPoleTour::main), EXACT);
    }

    @Test
    void baselinePolicies() throws Exception {
        // The returns are whole episodes; the untrained network's greedy choice does not hinge on
        // the last bit of its float outputs (the same on 256- and 512-bit vectors, measured).
        assertPrints("05-q-network-and-replay.md", "BaselinePolicies", run(BaselinePolicies::main), EXACT);
    }

    @Test
    void variantRuns() throws Exception {
        String out = run(VariantRuns::main, "100000", "3"); // the chapter's budget; its three rows, not all six
        if (Simd.vectorBits() == 512) {
            // The chapter's figures come from a 512-bit machine: there the same digits, but the seconds.
            assertPrints("05-q-network-and-replay.md", "VariantRuns", out, EXACT.exceptLastNumber());
        }
        // Everywhere, what chapters 5 and 8 conclude: replay alone believes in values no CartPole
        // state can have (more than 1 / (1 - 0.99) = 100), the target network keeps them below 100
        // and then plays longest of the three.
        Map<String, double[]> rows = variantRows(out);
        assertTrue(rows.get("+ replay (DQN 2013)")[0] > 100, out);
        assertTrue(rows.get("+ target network (DQN 2015)")[0] < 100, out);
        double targetReturn = rows.get("+ target network (DQN 2015)")[1];
        assertTrue(targetReturn > rows.get("+ replay (DQN 2013)")[1] && targetReturn > rows.get("naive online Q-learning")[1], out);
        assertEquals(3, rows.size(), out);
    }

    /** VariantRuns' table: variant name to (final mean Q, greedy return). */
    private static Map<String, double[]> variantRows(String out) {
        Pattern row = Pattern.compile("^(\\S.*?)\\s+(-?[\\d.]+)\\s+([\\d.]+)\\s+[\\d.]+$");
        return out.lines().map(row::matcher).filter(Matcher::matches).collect(Collectors.toMap(m -> m.group(1),
                m -> new double[] {Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))}));
    }

    @Test
    void epsilonSchedules() throws Exception {
        assertPrints("06-epsilon-greedy.md", "EpsilonSchedules", run(EpsilonSchedules::main), EXACT);
    }

    @Test
    void probeDebugging() throws Exception {
        // The learned values print to two decimals, where the probes' training has converged.
        assertPrints("07-probes.md", "ProbeDebugging", run(ProbeDebugging::main), EXACT);
    }

    @Test
    void overestimationDemo() throws Exception {
        assertPrints("09-double-dqn.md", "OverestimationDemo", run(OverestimationDemo::main), EXACT);
    }

    @Test
    void prioritySampling() throws Exception {
        assertPrints("10-prioritized-replay.md", "PrioritySampling", run(PrioritySampling::main), EXACT);
    }

    @Test
    void beyondDqn() throws Exception {
        // Values printed to two decimals where training has converged (the probes' tolerances are tighter).
        assertPrints("14-beyond-dqn.md", "BeyondDqn", run(BeyondDqn::main), Tolerance.absolute(0.011));
    }

    @Test
    void duelingHeads() throws Exception {
        // Q(s, .) of a random network: float sums whose last bit depends on the vector width.
        assertPrints("11-dueling.md", "DuelingHeads", run(DuelingHeads::main), Tolerance.relative(1e-6));
    }

    @Test
    void minAtarTour() throws Exception {
        assertPrints("12-pixels.md", "MinAtarTour", run(MinAtarTour::main), EXACT);
    }

    @Test
    void whereTheTimeGoes() throws Exception {
        // Only timings: the step count and every phase, in the chapter's order, with its seconds and share.
        String out = run(WhereTheTimeGoes::main);
        Tolerance stepsOnly = (line, shown, printed) -> !line.contains("steps in") || shown.get(0).equals(printed.get(0));
        assertPrints("13-performance.md", "WhereTheTimeGoes", out, stepsOnly);
        List<String> phases = out.lines().filter(l -> l.startsWith("  ")).map(l -> l.trim().split("\\s+")[0]).toList();
        assertEquals(List.of("act", "env", "store", "sample", "update", "sync", "log"), phases, out);
    }
}
