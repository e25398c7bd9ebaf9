package deepq4j.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The output a chapter shows for its example, and the check that a run prints it.
 *
 * <p>A chapter runs an example in a {@code ```bash} block ({@code -Dexec.mainClass=deepq4j.examples.X})
 * and shows what it prints in the next plain {@code ```} block. Every line of that block must
 * appear in the run's output, in order (a line {@code ...} stands for lines the chapter leaves
 * out). A line matches when it is the same text, or when it has numbers and, with them taken out,
 * the same words (spacing aside, since a wider number shifts its column) and numbers within the
 * {@link Tolerance} the test states.
 */
final class ChapterOutput {
    /** A decimal number as the examples print it: optional sign, digits with thousands commas, fraction, exponent. */
    private static final Pattern NUMBER = Pattern.compile("-?\\d[\\d,]*(\\.\\d+)?(E-?\\d+)?");

    private ChapterOutput() {
    }

    /** Whether the numbers printed on a line are close enough to those the chapter shows on it (as many, in order). */
    @FunctionalInterface
    interface Tolerance {
        boolean accepts(String chapterLine, List<Double> shown, List<Double> printed);

        /** The same numbers: for output that is double arithmetic or counts, the same on every machine. */
        Tolerance EXACT = (line, shown, printed) -> shown.equals(printed);

        /** Each number within {@code bound} of the chapter's. */
        static Tolerance absolute(double bound) {
            return (line, shown, printed) -> pairwise(shown, printed, (s, p) -> Math.abs(s - p) <= bound);
        }

        /** Each number within {@code fraction} of the chapter's, relative to its size. */
        static Tolerance relative(double fraction) {
            return (line, shown, printed) -> pairwise(shown, printed, (s, p) -> Math.abs(s - p) <= fraction * Math.abs(s));
        }

        /** This tolerance, except that lines containing {@code marker} (timings) match whatever their numbers. */
        default Tolerance exceptLinesWith(String marker) {
            return (line, shown, printed) -> line.contains(marker) || accepts(line, shown, printed);
        }

        /** This tolerance on every number but the last of each line (a column of seconds). */
        default Tolerance exceptLastNumber() {
            return (line, shown, printed) -> accepts(line, shown.subList(0, shown.size() - 1), printed.subList(0, printed.size() - 1));
        }

        private static boolean pairwise(List<Double> shown, List<Double> printed, BiPredicate<Double, Double> close) {
            for (int i = 0; i < shown.size(); i++) {
                if (!close.test(shown.get(i), printed.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The lines of the output block that follows the command running {@code example} in {@code chapter}. */
    static List<String> shown(String chapter, String example) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("..", "docs", chapter), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int i = 0;
        while (i < lines.size() && !lines.get(i).contains("-Dexec.mainClass=deepq4j.examples." + example)) {
            i++;
        }
        if (i == lines.size()) {
            fail(chapter + " never runs " + example);
        }
        while (i < lines.size() && !lines.get(i).equals("```")) { // the end of the command's block
            i++;
        }
        for (i++; i < lines.size() && !lines.get(i).equals("```"); i++) { // the next plain block
            if (lines.get(i).startsWith("```") || lines.get(i).contains("deepq4j.examples.")) {
                fail(chapter + " shows no output for " + example + " before line " + (i + 1));
            }
        }
        List<String> block = new ArrayList<>();
        for (i++; i < lines.size() && !lines.get(i).equals("```"); i++) {
            block.add(lines.get(i));
        }
        assertFalse(block.isEmpty(), chapter + ": the output block for " + example + " is empty");
        return block;
    }

    /** Fails unless {@code output} prints every line {@code chapter} shows for {@code example}, within {@code tolerance}. */
    static void assertPrints(String chapter, String example, String output, Tolerance tolerance) {
        List<String> printed = output.lines().toList();
        int next = 0;
        for (String want : shown(chapter, example)) {
            if (want.equals("...")) {
                continue;
            }
            int at = next;
            while (at < printed.size() && !matches(want, printed.get(at), tolerance)) {
                at++;
            }
            if (at == printed.size()) {
                fail(chapter + " shows a line that " + example + " does not print (after its line " + next + "):\n  " + want
                        + "\nprinted:\n" + output);
            }
            next = at + 1;
        }
    }

    private static boolean matches(String shown, String printed, Tolerance tolerance) {
        if (shown.equals(printed)) {
            return true;
        }
        List<Double> shownNumbers = new ArrayList<>();
        List<Double> printedNumbers = new ArrayList<>();
        if (!words(shown, shownNumbers).equals(words(printed, printedNumbers)) || shownNumbers.size() != printedNumbers.size()) {
            return false;
        }
        return !shownNumbers.isEmpty() && tolerance.accepts(shown, shownNumbers, printedNumbers);
    }

    /** The line with each number replaced by '#' (collected into {@code numbers}) and runs of spaces made one. */
    private static String words(String line, List<Double> numbers) {
        Matcher m = NUMBER.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            numbers.add(Double.parseDouble(m.group().replace(",", "")));
            m.appendReplacement(out, "#");
        }
        m.appendTail(out);
        return out.toString().trim().replaceAll("\\s+", " ");
    }
}
