package deepq4j.dqn;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A command line's arguments as one line of text and back (each argument URL-encoded, joined by spaces). */
public final class CommandLineText {
    private CommandLineText() {
    }

    static String encode(String[] args) {
        List<String> parts = new ArrayList<>();
        for (String a : args) {
            parts.add(URLEncoder.encode(a, StandardCharsets.UTF_8));
        }
        return String.join(" ", parts);
    }

    public static String[] decode(String text) {
        if (text.isEmpty()) {
            return new String[0];
        }
        String[] parts = text.split(" ");
        for (int i = 0; i < parts.length; i++) {
            parts[i] = URLDecoder.decode(parts[i], StandardCharsets.UTF_8);
        }
        return parts;
    }
}
