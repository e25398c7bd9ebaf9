package deepq4j.examples;

import deepq4j.autograd.GradCheck;
import deepq4j.autograd.Variable;
import deepq4j.tensor.Backend;
import deepq4j.tensor.Tensor;

/** Chapter 2: micrograd's first example, its gradients by hand and by backward(), then a gradient check. */
public final class AutogradByHand {
    private AutogradByHand() {
    }

    public static void main(String[] args) {
        // L = (a * b + c) * f, as in micrograd's README.
        Variable a = Variable.leaf(Tensor.scalar(2f));
        Variable b = Variable.leaf(Tensor.scalar(-3f));
        Variable c = Variable.leaf(Tensor.scalar(10f));
        Variable f = Variable.leaf(Tensor.scalar(-2f));
        Variable e = a.mul(b);
        Variable d = e.add(c);
        Variable loss = d.mul(f);
        loss.backward();
        System.out.println("L = " + loss.data().item());
        System.out.println("dL/da = " + a.grad().item() + "   (by hand: b * f = 6)");
        System.out.println("dL/db = " + b.grad().item() + "  (by hand: a * f = -4)");
        System.out.println("dL/dc = " + c.grad().item() + "  (by hand: f = -2)");
        System.out.println("dL/df = " + f.grad().item() + "   (by hand: a * b + c = 4)");

        // The same machinery on tensors, checked against finite differences in double precision.
        Tensor x = Tensor.of(Backend.float64(), new double[] {0.5, -1.5, 2.0, 0.25}, 2, 2);
        Tensor w = Tensor.of(Backend.float64(), new double[] {1.0, -0.5, 0.75, 2.0}, 2, 2);
        GradCheck.check(v -> v[0].matmul(v[1]).relu().pow(2f).mean(), x, w);
        System.out.println("gradient check of mean(relu(x @ w)^2): analytic and numerical gradients agree");
    }
}
