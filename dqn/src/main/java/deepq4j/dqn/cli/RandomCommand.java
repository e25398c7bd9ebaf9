package deepq4j.dqn.cli;

import deepq4j.dqn.RandomPolicyStats;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code deepq4j random}: plays an environment with uniformly random actions and reports returns and lengths. */
@Command(name = "random", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Play an environment with uniformly random actions; print the mean, spread and standard error of the returns and lengths.")
final class RandomCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;
    @Option(names = "--env-id", required = true, description = "environment id (see `deepq4j envs`)")
    String envId;
    @Option(names = "--episodes", description = "episodes to play (default: ${DEFAULT-VALUE})")
    int episodes = 1000;
    @Option(names = "--seed", description = "episode i is seeded with seed + i (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Override
    public Integer call() {
        Main.requireRegistered(spec, envId);
        if (episodes < 1) {
            throw new ParameterException(spec.commandLine(), "invalid value for --episodes: " + episodes + " (must be at least 1)");
        }
        RandomPolicyStats.Result r = RandomPolicyStats.run(envId, episodes, seed);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s, %d episodes of random play:%n", envId, episodes);
        out.printf("  return: mean %.3f, std %.3f, standard error %.3f, min %.0f, max %.0f%n", r.returns().mean(),
                r.returns().std(), r.returns().standardError(), r.returns().min(), r.returns().max());
        out.printf("  length: mean %.1f, std %.1f, standard error %.1f, min %.0f, max %.0f%n", r.lengths().mean(),
                r.lengths().std(), r.lengths().standardError(), r.lengths().min(), r.lengths().max());
        return 0;
    }
}
