package deepq4j.dqn.cli;

import deepq4j.envs.Envs;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The {@code deepq4j} command line, run by the {@code ./deepq4j} launcher and by
 * {@code mvn -q -pl dqn exec:java -Dexec.args="..."}. Exit status: 0 done, 1 the run failed
 * (diverged, or a file could not be written), 2 bad usage (the message names the flag).
 */
@Command(name = "deepq4j", mixinStandardHelpOptions = true, version = "deepq4j 0.1.0",
        description = "Deep Q-learning in pure Java.",
        subcommands = {TrainCommand.class, EvalCommand.class, RandomCommand.class, EnvsCommand.class, DevicesCommand.class, CompareCommand.class,
            SweepCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs one command line and returns its exit status. Expected failures (a bad value, a
     * damaged file, a diverging run) print one line naming the problem. Anything else is a bug:
     * one line says so and where its full trace was written ({@link ErrorReport}); {@code --debug}
     * anywhere on the line prints the trace too.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> words = new ArrayList<>(List.of(args));
        boolean debug = words.remove("--debug");
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IllegalArgumentException) {
                // bad values found after parsing (unknown environment, a model that does not fit)
                commandLine.getErr().println("deepq4j " + commandLine.getCommandName() + ": " + e.getMessage());
                return 2;
            }
            if (e instanceof IOException || e instanceof java.io.UncheckedIOException || e instanceof IllegalStateException) {
                // a file that cannot be read or written, a damaged file, a run that diverged
                commandLine.getErr().println("deepq4j " + commandLine.getCommandName() + ": " + e.getMessage());
                return 1;
            }
            throw e;
        });
        try {
            return cli.execute(words.toArray(new String[0]));
        } catch (Throwable t) { // anything else, Errors too (a stack overflow, memory exhausted): a bug
            String command = cli.getParseResult() != null && cli.getParseResult().subcommand() != null
                    ? cli.getParseResult().subcommand().commandSpec().name() : "";
            PrintWriter e = cli.getErr();
            e.println("deepq4j" + (command.isEmpty() ? "" : " " + command) + ": " + ErrorReport.write(t, runDirectory(cli), debug));
            if (debug) {
                t.printStackTrace(new PrintWriter(e, true));
            }
            e.flush();
            return 1;
        }
    }

    /** The run directory of a train command line, where its error report goes; null for the others. */
    private static Path runDirectory(CommandLine cli) {
        CommandLine.ParseResult parsed = cli.getParseResult();
        if (parsed == null || parsed.subcommand() == null || !(parsed.subcommand().commandSpec().userObject() instanceof TrainCommand)) {
            return null;
        }
        TrainCommand train = (TrainCommand) parsed.subcommand().commandSpec().userObject();
        return train.resume != null ? train.resume : train.config.out;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** A usage error (exit 2) naming the flag when {@code id} is not a registered environment. */
    static void requireRegistered(CommandLine.Model.CommandSpec spec, String id) {
        if (!Envs.ids().contains(id)) {
            throw new ParameterException(spec.commandLine(), "invalid value for --env-id: '" + id
                    + "' is not a registered environment; the ids are " + Envs.ids());
        }
    }

}
