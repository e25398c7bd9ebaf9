package deepq4j.tensor.cpu;

import deepq4j.tensor.BinaryOp;
import deepq4j.tensor.UnaryOp;

/**
 * Elementwise kernels on rows handed out by {@link StridedLoop}: the scalar path, and the
 * dispatch to {@link ElementwiseSimd} for rows whose operands are contiguous or broadcast.
 *
 * <p>Ops that IEEE 754 rounds exactly (add, mul, max, sqrt, ...) get SIMD loops, which give the
 * same bits as the scalar ones; so does exp, whose float routine ({@link FloatExp}) is written for
 * it. log and pow always run Java's scalar {@code Math} functions, so that no path of this backend
 * disagrees with another about them.
 */
final class ElementwiseKernels {
    private ElementwiseKernels() {
    }

    static void binary(BinaryOp op, float[] a, float[] b, float[] o, int n, int[] pos, int[] stride) {
        int pa = pos[0], pb = pos[1], po = pos[2];
        int sa = stride[0], sb = stride[1], so = stride[2];
        if (Simd.enabled() && so == 1 && sa <= 1 && sb <= 1 && op != BinaryOp.POW) {
            ElementwiseSimd.binary(op, a, pa, sa, b, pb, sb, o, po, n);
            return;
        }
        binaryScalar(op, a, pa, sa, b, pb, sb, o, po, so, n);
    }

    static void binaryScalar(BinaryOp op, float[] a, int pa, int sa, float[] b, int pb, int sb, float[] o, int po, int so, int n) {
        for (int i = 0; i < n; i++) {
            o[po] = op.apply(a[pa], b[pb]);
            pa += sa;
            pb += sb;
            po += so;
        }
    }

    static void unary(UnaryOp op, float[] x, float[] o, int n, int[] pos, int[] stride) {
        int px = pos[0], po = pos[1];
        int sx = stride[0], so = stride[1];
        if (Simd.enabled() && sx == 1 && so == 1 && op != UnaryOp.LOG) {
            ElementwiseSimd.unary(op, x, px, o, po, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            o[po] = op.apply(x[px]);
            px += sx;
            po += so;
        }
    }

    static void clamp(float min, float max, float[] x, float[] o, int n, int[] pos, int[] stride) {
        int px = pos[0], po = pos[1];
        int sx = stride[0], so = stride[1];
        if (Simd.enabled() && sx == 1 && so == 1) {
            ElementwiseSimd.clamp(min, max, x, px, o, po, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            o[po] = Math.min(Math.max(x[px], min), max);
            px += sx;
            po += so;
        }
    }

    static void where(float[] m, float[] a, float[] b, float[] o, int n, int[] pos, int[] stride) {
        if (Simd.enabled() && stride[0] == 1 && stride[1] <= 1 && stride[2] <= 1 && stride[3] == 1) {
            ElementwiseSimd.where(m, pos[0], a, pos[1], stride[1], b, pos[2], stride[2], o, pos[3], n);
            return;
        }
        int pm = pos[0], pa = pos[1], pb = pos[2], po = pos[3];
        for (int i = 0; i < n; i++) {
            o[po] = m[pm] != 0f ? a[pa] : b[pb];
            pm += stride[0];
            pa += stride[1];
            pb += stride[2];
            po += stride[3];
        }
    }

    static void copy(float[] x, float[] o, int n, int[] pos, int[] stride) {
        if (stride[0] == 1 && stride[1] == 1) {
            System.arraycopy(x, pos[0], o, pos[1], n);
            return;
        }
        int px = pos[0], po = pos[1];
        for (int i = 0; i < n; i++) {
            o[po] = x[px];
            px += stride[0];
            po += stride[1];
        }
    }

    static void fill(float value, float[] o, int n, int[] pos, int[] stride) {
        if (stride[0] == 1) {
            java.util.Arrays.fill(o, pos[0], pos[0] + n, value);
            return;
        }
        for (int i = 0, po = pos[0]; i < n; i++, po += stride[0]) {
            o[po] = value;
        }
    }
}
