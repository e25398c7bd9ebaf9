package deepq4j.dqn.cli;

import deepq4j.io.AtomicFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a user sees of a bug: one line, with the full stack trace written to a file, as a program
 * that is not a debugger should behave. The trace goes to {@code error.log} in the run directory
 * when there is one, else to a file in the system's temporary directory.
 */
final class ErrorReport {
    private ErrorReport() {
    }

    /** Writes {@code t}'s trace and returns the line to print, naming the file (or saying the trace follows, with {@code debug}). */
    static String write(Throwable t, Path runDirectory, boolean debug) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        String what = "internal error (" + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + firstLine(t.getMessage()))
                + "), a bug in deepq4j";
        try {
            Path file = runDirectory != null && Files.isDirectory(runDirectory) ? runDirectory.resolve("error.log")
                    : Files.createTempFile("deepq4j-error-", ".log");
            AtomicFile.write(file, trace.toString());
            return what + "; the full trace is in " + file + (debug ? " and below" : " (--debug prints it)");
        } catch (IOException | RuntimeException e) {
            return what + (debug ? "; its trace follows" : "; run again with --debug to see its trace");
        }
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
