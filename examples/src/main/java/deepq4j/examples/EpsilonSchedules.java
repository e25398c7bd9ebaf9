package deepq4j.examples;

import deepq4j.dqn.EpsilonSchedule;

/** Chapter 6: CleanRL's linear schedule over steps beside the course's exponential decay per episode. */
public final class EpsilonSchedules {
    private EpsilonSchedules() {
    }

    public static void main(String[] args) {
        // CleanRL: from 1 to 0.05 over half of 500k steps.
        EpsilonSchedule linear = EpsilonSchedule.linear(1.0, 0.05, 250_000);
        // The course: 1 * 0.99^episodes, never below 0.05.
        EpsilonSchedule exponential = EpsilonSchedule.exponential(1.0, 0.05, 0.99);
        System.out.println("     step  linear   |  episode  exponential");
        long[] steps = {0, 50_000, 100_000, 200_000, 250_000, 400_000};
        int[] episodes = {0, 10, 50, 100, 200, 300};
        for (int i = 0; i < steps.length; i++) {
            System.out.printf("%9d  %6.3f   |  %7d  %6.3f%n", steps[i], linear.epsilon(steps[i], 0), episodes[i],
                    exponential.epsilon(0, episodes[i]));
        }
    }
}
