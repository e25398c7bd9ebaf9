package deepq4j.examples;

import deepq4j.tensor.Generator;
import deepq4j.tensor.Tensor;

/**
 * Chapter 9: why the max overestimates, in numbers. Every action's true value is 0; two networks
 * estimate it with independent noise. DQN's target takes the max of one network's estimates;
 * Double DQN lets one network choose and the other value the choice.
 */
public final class OverestimationDemo {
    private OverestimationDemo() {
    }

    public static void main(String[] args) {
        Generator g = new Generator(1);
        int states = 100_000;
        System.out.println("actions   DQN target: mean of max   Double DQN target: mean   (true value 0)");
        for (int actions : new int[] {2, 4, 10, 18}) {
            Tensor online = Tensor.randn(g, states, actions);   // true values 0, plus noise
            Tensor target = Tensor.randn(g, states, actions);   // another network: independent noise
            double dqn = target.max(1).mean().item();
            double dbl = target.gather(1, online.argmax(1, true)).mean().item();
            System.out.printf("%7d   %23.3f   %23.3f%n", actions, dqn, dbl);
        }
        System.out.println("The max of noisy estimates is biased up, more so with more actions; choosing with one");
        System.out.println("network and valuing with the other removes the bias when their errors are independent.");
    }
}
