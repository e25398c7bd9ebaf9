package deepq4j.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every chapter's example runs (on small budgets here) and prints what its chapter says it prints. */
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
    void everyExampleRuns() throws Exception {
        assertTrue(run(TensorsTour::main, "64").contains("a @ a.t()   = Tensor[2, 2] [14.0, 32.0, 32.0, 77.0]"));
        assertTrue(run(AutogradByHand::main).contains("dL/da = 6.0"));
        assertTrue(run(FitASine::main, "100").contains("1153 parameters"));
        String cartPole = run(CartPoleTour::main);
        assertTrue(cartPole.contains("[0.027395604, -0.006112156, 0.035859793, 0.019736802]"), cartPole);
        assertTrue(cartPole.contains("lean-following: 500 steps, terminated=false, truncated=true"), cartPole);
        assertTrue(run(BaselinePolicies::main, "5").contains("untrained Q-network"));
        assertTrue(run(EpsilonSchedules::main).contains("   100000   0.620   |       50   0.605"));
        assertTrue(run(ProbeDebugging::main, "1000").contains("gamma = 0"));
        assertTrue(run(VariantRuns::main, "3000").contains("+ dueling"));
        assertTrue(run(DuelingHeads::main).contains("11019 parameters"));
        assertTrue(run(OverestimationDemo::main).contains("     10                     1.537"));
        assertTrue(run(PrioritySampling::main).contains("         4         4.0                  0.401"));
        assertTrue(run(MinAtarTour::main).contains("##########|"));
        assertTrue(run(WhereTheTimeGoes::main, "2000").contains("update"));
    }
}
