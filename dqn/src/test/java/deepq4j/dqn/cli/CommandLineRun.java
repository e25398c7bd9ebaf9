package deepq4j.dqn.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs one {@code deepq4j} command line in this JVM, as the launcher would, and keeps what it printed (for tests). */
public final class CommandLineRun {
    private CommandLineRun() {
    }

    /** Exit status, standard output and standard error of one command line. */
    public record Outcome(int status, String out, String err) {
    }

    /** Runs {@code args} (the words after {@code deepq4j}). */
    public static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
