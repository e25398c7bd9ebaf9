package deepq4j.examples;

import deepq4j.envs.Env;
import deepq4j.envs.Envs;
import deepq4j.envs.Step;
import java.util.Arrays;

/** Chapter 4: CartPole's observations, seeding, and the two ways an episode ends. */
public final class CartPoleTour {
    private CartPoleTour() {
    }

    public static void main(String[] args) {
        Env env = Envs.make("CartPole-v1");
        float[] obs = env.reset(42);
        System.out.println("reset(seed=42) -> " + Arrays.toString(obs) + "   (Gymnasium 1.4 gives the same four floats)");
        System.out.println("observation space " + env.observationSpace() + ", action space " + env.actionSpace());

        // Push right for ever: the pole falls, the episode is terminated (a real end: no future).
        int steps = 0;
        Step s;
        do {
            s = env.step(1);
            steps++;
        } while (!s.done());
        System.out.println("always right: " + steps + " steps, terminated=" + s.terminated() + ", truncated=" + s.truncated());

        // Push towards where the pole is falling: it stays up, and the TimeLimit wrapper cuts the
        // episode at 500 steps. Truncated, not terminated: the state still had a future.
        obs = env.reset(42);
        steps = 0;
        do {
            s = env.step(obs[2] + obs[3] > 0 ? 1 : 0);
            obs = s.observation();
            steps++;
        } while (!s.done());
        System.out.println("lean-following: " + steps + " steps, terminated=" + s.terminated() + ", truncated=" + s.truncated());
        System.out.println("DQN bootstraps from s' after a truncation, and not after a termination.");
    }
}
