package deepq4j.examples;

import deepq4j.dqn.Evaluation;
import deepq4j.dqn.QNetworks;
import deepq4j.envs.Env;
import deepq4j.envs.Envs;
import deepq4j.envs.Step;
import deepq4j.nn.Module;
import deepq4j.tensor.Generator;

/** Chapter 5: the two agents every run must beat: a random policy and an untrained Q-network acting greedily. */
public final class BaselinePolicies {
    private BaselinePolicies() {
    }

    public static void main(String[] args) {
        int episodes = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        double random = 0;
        Env env = Envs.make("CartPole-v1");
        env.actionSpace().seed(1);
        for (int i = 0; i < episodes; i++) {
            env.reset(i);
            Step s;
            do {
                s = env.step(env.actionSpace().sample());
                random += s.reward();
            } while (!s.done());
        }
        System.out.printf("random policy:            mean return %.1f over %d episodes%n", random / episodes, episodes);

        Module q = QNetworks.build(QNetworks.Kind.mlp, new int[] {4}, new int[] {120, 84}, 2, false, new Generator(1));
        Evaluation.Result r = Evaluation.run(q, "CartPole-v1", episodes, 1, 0.0);
        System.out.printf("untrained Q-network:      mean return %.1f (greedy on random weights: one action nearly always)%n", r.mean());
        System.out.println("a trained agent reaches 500, the time limit: ./deepq4j train --env-id CartPole-v1");
    }
}
