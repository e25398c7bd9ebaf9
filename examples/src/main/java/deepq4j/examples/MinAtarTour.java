package deepq4j.examples;

import deepq4j.envs.Env;
import deepq4j.envs.Envs;
import deepq4j.envs.Step;
import java.util.Arrays;

/** Chapter 12: a MinAtar observation drawn as text, and one game of random Breakout. */
public final class MinAtarTour {
    private MinAtarTour() {
    }

    public static void main(String[] args) {
        Env env = Envs.make("MinAtar/Breakout-v1");
        float[] obs = env.reset(3);
        int[] shape = env.observationSpace().shape();
        System.out.println("MinAtar/Breakout-v1: observation " + Arrays.toString(shape) + " (paddle, ball, trail, brick), "
                + env.actionSpace().n() + " actions");
        char[] symbol = {'P', 'o', '.', '#'};
        for (int y = 0; y < 10; y++) {
            StringBuilder row = new StringBuilder("  ");
            for (int x = 0; x < 10; x++) {
                char cell = ' ';
                for (int ch = shape[0] - 1; ch >= 0; ch--) { // the paddle and the ball drawn over the rest
                    if (obs[ch * 100 + y * 10 + x] != 0) {
                        cell = symbol[ch];
                    }
                }
                row.append(cell);
            }
            System.out.println(row + "|");
        }
        env.actionSpace().seed(3);
        double total = 0;
        int steps = 0;
        Step s;
        do {
            s = env.step(env.actionSpace().sample());
            total += s.reward();
            steps++;
        } while (!s.done());
        System.out.println("a random game: return " + total + " in " + steps + " steps (MinAtar reports 0.5 on average)");
    }
}
