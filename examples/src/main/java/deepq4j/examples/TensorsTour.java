package deepq4j.examples;

import deepq4j.tensor.Generator;
import deepq4j.tensor.Tensor;
import deepq4j.tensor.cpu.Simd;
import java.util.Arrays;

/** Chapter 1: tensors, views, broadcasting, and what the Vector API buys a matrix product. */
public final class TensorsTour {
    private TensorsTour() {
    }

    public static void main(String[] args) {
        Tensor a = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        System.out.println("a           = " + a);
        Tensor t = a.t(); // a view: the same storage, strides swapped
        System.out.println("a.t()       = " + t + "  strides " + Arrays.toString(t.strides()) + ", same storage: "
                + (t.storage() == a.storage()));
        System.out.println("a + [10, 20, 30] = " + a.add(Tensor.of(new float[] {10, 20, 30}, 3)) + "  (broadcast over the rows)");
        System.out.println("a @ a.t()   = " + a.matmul(t));
        System.out.println("a.sum(1)    = " + a.sum(1) + ", a.max(0) = " + a.max(0) + ", a.argmax(1) = " + a.argmax(1));

        int n = args.length > 0 ? Integer.parseInt(args[0]) : 512;
        Generator g = new Generator(1);
        Tensor x = Tensor.randn(g, n, n);
        Tensor y = Tensor.randn(g, n, n);
        System.out.printf("%n%d x %d x %d matmul, one thread (Vector API %s):%n", n, n, n, Simd.available() ? "present" : "absent");
        if (Simd.available()) {
            time("SIMD kernels", x, y, n, true);
        }
        time("scalar kernels", x, y, n, false);
        Simd.setEnabled(Simd.available());
    }

    private static void time(String label, Tensor x, Tensor y, int n, boolean simd) {
        Simd.setEnabled(simd);
        for (int warm = 0; warm < 3; warm++) {
            x.matmul(y); // let the JIT compile the kernel first
        }
        int reps = 5;
        long t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            x.matmul(y);
        }
        double seconds = (System.nanoTime() - t0) / 1e9 / reps;
        System.out.printf("  %-15s %8.2f ms  %6.1f GFLOP/s%n", label, seconds * 1e3, 2.0 * n * n * n / seconds / 1e9);
    }
}
