package deepq4j.bench;

import deepq4j.tensor.cpu.Parallelism;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** MinAtar's DQN training step (batch 32, Breakout's [4, 10, 10] observations), on one and two threads. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MinAtarStepBenchmark {
    @Param({"1", "2"})
    public int threads;

    private MinAtarStep step;

    @Setup
    public void setup() {
        Parallelism.setThreads(threads);
        step = new MinAtarStep(1);
    }

    @Benchmark
    public float trainStep() {
        return step.trainStep();
    }
}
