package deepq4j.tensor.cpu;

import static deepq4j.tensor.cpu.FloatExp.C1;
import static deepq4j.tensor.cpu.FloatExp.C2;
import static deepq4j.tensor.cpu.FloatExp.HIGH;
import static deepq4j.tensor.cpu.FloatExp.LOG2E;
import static deepq4j.tensor.cpu.FloatExp.LOW;
import static deepq4j.tensor.cpu.FloatExp.P0;
import static deepq4j.tensor.cpu.FloatExp.P1;
import static deepq4j.tensor.cpu.FloatExp.P2;
import static deepq4j.tensor.cpu.FloatExp.P3;
import static deepq4j.tensor.cpu.FloatExp.P4;
import static deepq4j.tensor.cpu.FloatExp.P5;
import static deepq4j.tensor.cpu.FloatExp.ROUND;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

/** {@link FloatExp#exp} on a vector of lanes: the same operations in the same order, so the same bits. */
final class ExpSimd {
    private ExpSimd() {
    }

    static FloatVector exp(FloatVector x) {
        FloatVector v = x.max(LOW).min(HIGH);
        FloatVector t = v.mul(LOG2E).add(ROUND);
        IntVector n = t.reinterpretAsInts().sub(Float.floatToRawIntBits(ROUND));
        FloatVector fn = t.sub(ROUND);
        FloatVector r = v.sub(fn.mul(C1)).sub(fn.mul(C2));
        FloatVector p = r.mul(P0).add(P1);
        p = p.mul(r).add(P2);
        p = p.mul(r).add(P3);
        p = p.mul(r).add(P4);
        p = p.mul(r).add(P5);
        FloatVector y = p.mul(r.mul(r)).add(r).add(1f);
        IntVector half = n.lanewise(VectorOperators.ASHR, 1);
        FloatVector s1 = half.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector s2 = n.sub(half).add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector out = y.mul(s1).mul(s2);
        return out.blend(x, x.test(VectorOperators.IS_NAN)); // NaN in, the same NaN out
    }
}
