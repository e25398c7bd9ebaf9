package deepq4j.envs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Gymnasium 1.4 recordings kept with the tests, in envs/src/test/resources/golden/ (its
 * README says how they were recorded). They travel with the repository so that a fresh clone tests
 * against them with nothing beside it.
 */
final class Golden {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Golden() {
    }

    /** Every non-blank line of the recording {@code name}, parsed; a missing file fails the test. */
    static List<JsonNode> lines(String name) throws IOException {
        String resource = "/golden/" + name;
        try (InputStream in = Golden.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("golden file " + resource + " is not on the test class path (envs/src/test/resources" + resource + ")");
            }
            List<JsonNode> out = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line));
                }
            }
            return out;
        }
    }

    /** An observation as float32, parsed as Python wrote it (exact decimals of float32 values). */
    static float[] floats(JsonNode array) {
        float[] v = new float[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) array.get(i).asDouble();
        }
        return v;
    }
}
