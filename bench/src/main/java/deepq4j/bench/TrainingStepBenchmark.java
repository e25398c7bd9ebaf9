package deepq4j.bench;

import deepq4j.tensor.Tensor;
import deepq4j.tensor.cpu.Parallelism;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CleanRL Q-network (4-120-84-2, batch 128) on one thread: a whole DQN training step and a
 * single-observation forward for acting, each beside the same workload in plain loops, and the
 * C51 step on the same body and batch.
 * Run with {@code -prof gc} to see the bytes allocated per step.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TrainingStepBenchmark {
    private QNetworkStep step;
    private NaiveQNetworkStep naive;
    /** C51 on the same network body and batch (CleanRL's c51.py: 101 atoms, so a 84 x 202 head), for issue 20's 1.5x. */
    private DqnWorkload c51;

    @Setup
    public void setup() {
        Parallelism.setThreads(1);
        step = new QNetworkStep(1);
        naive = new NaiveQNetworkStep(1);
        c51 = new DqnWorkload(1, "--env-id", "CartPole-v1", "--seed", "1", "--buffer-size", "1000", "--algorithm", "c51");
    }

    @Benchmark
    public float trainStep() {
        return step.trainStep();
    }

    @Benchmark
    public float c51TrainStep() {
        return c51.trainStep();
    }

    @Benchmark
    public float naiveTrainStep() {
        return naive.trainStep();
    }

    @Benchmark
    public Tensor act() {
        return step.act();
    }

    @Benchmark
    public float[] naiveAct() {
        return naive.act();
    }
}
