package deepq4j.bench;

import deepq4j.opencl.Devices;
import deepq4j.opencl.OpenClBackend;
import deepq4j.tensor.Backend;
import deepq4j.tensor.Generator;
import deepq4j.tensor.Init;
import deepq4j.tensor.Tensor;
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

/**
 * The same work on each device: a square matmul and the Nature-CNN training step (batch 32,
 * 4x84x84), on the CPU backend and on an OpenCL device ({@code -p device=opencl:1} picks another).
 * An OpenCL op only queues its kernel, so each benchmark waits for the device before it returns:
 * the times are of finished work.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class DeviceBenchmark {
    @Param({"cpu", "opencl"})
    public String device;

    @Param({"1024"})
    public int size;

    private Backend backend;
    private Tensor a;
    private Tensor b;
    private DqnWorkload nature;

    @Setup
    public void setup() {
        Parallelism.setThreads(1);
        backend = Devices.backend(device);
        Generator g = new Generator(1);
        a = Init.uniform(g, -1f, 1f, size, size).to(backend);
        b = Init.uniform(g, -1f, 1f, size, size).to(backend);
        nature = new DqnWorkload(1, NatureCnnStep.flags(1, device));
    }

    /** size x size x size: 2 * size^3 floating-point operations. */
    @Benchmark
    public Tensor matmul() {
        Tensor c = a.matmul(b);
        if (backend instanceof OpenClBackend) {
            ((OpenClBackend) backend).finish();
        }
        return c;
    }

    /** One DQN update of the Nature CNN; reading the loss back waits for the device. */
    @Benchmark
    public float natureCnnTrainStep() {
        return nature.trainStep();
    }
}
