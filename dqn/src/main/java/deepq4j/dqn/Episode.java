package deepq4j.dqn;

import deepq4j.envs.Env;
import deepq4j.envs.Step;
import java.util.function.Consumer;

/**
 * One episode of an environment under a policy, the loop that greedy evaluation, GIF recording
 * and random-policy statistics share: act on the observation, step, add up the reward, until the
 * episode terminates or is truncated. (Training runs its own loop, in DqnTrainer, since it goes
 * on across episodes and stores every transition.)
 */
final class Episode {
    private Episode() {
    }

    /** What chooses the actions: an observation in, an action out. */
    @FunctionalInterface
    interface Policy {
        int act(float[] observation);
    }

    /** The undiscounted return and the number of steps of a finished episode. */
    record Outcome(double totalReturn, int length) {
    }

    /**
     * Plays {@code env} from {@code observation} (what its reset returned) to the end of the
     * episode; {@code afterStep}, if not null, sees every step (a GIF recorder draws a frame).
     */
    static Outcome play(Env env, float[] observation, Policy policy, Consumer<Step> afterStep) {
        double total = 0;
        int length = 0;
        float[] obs = observation;
        while (true) {
            Step s = env.step(policy.act(obs));
            total += s.reward();
            length++;
            if (afterStep != null) {
                afterStep.accept(s);
            }
            if (s.terminated() || s.truncated()) {
                return new Outcome(total, length);
            }
            obs = s.observation();
        }
    }
}
