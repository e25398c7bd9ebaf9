package deepq4j.dqn.cli;

import deepq4j.envs.Envs;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code deepq4j envs}: lists the registered environments. */
@Command(name = "envs", mixinStandardHelpOptions = true, description = "List the environment ids.")
final class EnvsCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        for (String id : Envs.ids()) {
            spec.commandLine().getOut().println(id);
        }
        return 0;
    }
}
