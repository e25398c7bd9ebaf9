package deepq4j.dqn.run;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV files deepq4j writes (episodes.csv, trials.csv, reports.csv), read back to resume a run
 * or a sweep and to compare runs. A file damaged by hand or by a disk is refused in one line that
 * names it and the line, rather than with a NumberFormatException.
 */
public final class CsvFile {
    private CsvFile() {
    }

    /** The lines after the header, each split on every comma (empty fields kept), numbered from 2 as an editor shows them. */
    public static List<String[]> rows(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IOException(file + ": not UTF-8 text");
        }
        if (lines.isEmpty()) {
            throw new IOException(file + ": empty, without even its header line");
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line.split(",", -1));
        }
        return rows;
    }

    /** Field {@code column} of {@code row} (the row's number is its index in {@link #rows} plus 2) as a long. */
    public static long whole(Path file, int index, String[] row, int column) throws IOException {
        String text = field(file, index, row, column);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw damaged(file, index, "'" + text + "' is not a whole number");
        }
    }

    /** Field {@code column} of {@code row} as a count: a whole number from 0 to 2^31-1. */
    public static int count(Path file, int index, String[] row, int column) throws IOException {
        long v = whole(file, index, row, column);
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw damaged(file, index, v + " is out of range");
        }
        return (int) v;
    }

    /** Field {@code column} of {@code row} as a double (NaN and infinities as Java writes them). */
    public static double number(Path file, int index, String[] row, int column) throws IOException {
        String text = field(file, index, row, column);
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw damaged(file, index, "'" + text + "' is not a number");
        }
    }

    private static String field(Path file, int index, String[] row, int column) throws IOException {
        if (column >= row.length) {
            throw damaged(file, index, row.length + " fields, column " + (column + 1) + " missing");
        }
        return row[column];
    }

    private static IOException damaged(Path file, int index, String what) {
        String text = what.length() > 120 ? what.substring(0, 120) + "..." : what;
        return new IOException(file + ", line " + (index + 2) + ": " + text + " (a damaged file)");
    }

    /** {@code text} as one CSV field: quoted (inner quotes doubled) when it holds a comma or a quote. */
    public static String quote(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
