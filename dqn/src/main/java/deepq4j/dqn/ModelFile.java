package deepq4j.dqn;

import deepq4j.nn.Module;
import deepq4j.nn.Safetensors;
import deepq4j.tensor.Generator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trained Q-network on disk: its weights as safetensors (loadable with
 * {@code safetensors.torch.load_file}), and in the file's metadata what is needed to rebuild it:
 * the environment, the observation shape, the number of actions and the architecture.
 */
public final class ModelFile {
    /** The metadata key naming this layout, so other safetensors files are recognised as such. */
    public static final String FORMAT = "deepq4j.qnetwork/1";

    private ModelFile() {
    }

    /** What a model file says about the network in it. */
    public record Description(String envId, int[] observationShape, int actions, QNetworks.Kind network, int[] hidden, boolean dueling) {
    }

    /** Writes {@code q} and its description to {@code path} (atomically). */
    public static void save(Module q, Description d, Path path) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("env_id", d.envId());
        meta.put("observation_shape", join(d.observationShape()));
        meta.put("actions", String.valueOf(d.actions()));
        meta.put("network", d.network().name());
        meta.put("hidden", join(d.hidden()));
        meta.put("dueling", String.valueOf(d.dueling()));
        Safetensors.save(q.stateDict(), meta, path);
    }

    /** Reads the description of a model file, with errors that say what is wrong with it. */
    public static Description describe(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("--model " + path + ": no such file (train writes DIR/model.safetensors)");
        }
        Map<String, String> meta = Safetensors.metadata(path);
        if (!FORMAT.equals(meta.get("format"))) {
            throw new IllegalArgumentException("--model " + path + ": a safetensors file, but not a deepq4j Q-network (its metadata has "
                    + "no \"format\": \"" + FORMAT + "\"); only files written by `deepq4j train` can be evaluated");
        }
        try {
            // Files written before conv networks existed have no "network": they hold an MLP.
            QNetworks.Kind network = QNetworks.Kind.valueOf(meta.getOrDefault("network", "mlp"));
            return new Description(meta.get("env_id"), parse(meta.get("observation_shape")), Integer.parseInt(meta.get("actions")),
                    network, parse(meta.get("hidden")), Boolean.parseBoolean(meta.get("dueling")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--model " + path + ": its metadata is damaged (" + e.getMessage() + ")");
        }
    }

    /** Loads the network in {@code path}, checking that it fits an environment with these observations and actions. */
    public static Module load(Path path, int[] observationShape, int actions) throws IOException {
        Description d = describe(path);
        if (!Arrays.equals(d.observationShape(), observationShape) || d.actions() != actions) {
            throw new IllegalArgumentException("--model " + path + " was trained on " + d.envId() + " (observations "
                    + Arrays.toString(d.observationShape()) + ", " + d.actions() + " actions) and does not fit this environment "
                    + "(observations " + Arrays.toString(observationShape) + ", " + actions + " actions)");
        }
        Module q = QNetworks.build(d.network(), observationShape, d.hidden(), actions, d.dueling(), new Generator(0));
        q.load(path);
        return q;
    }

    private static String join(int[] values) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ",").append(values[i]);
        }
        return s.toString();
    }

    private static int[] parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a field is missing");
        }
        if (text.isEmpty()) {
            return new int[0];
        }
        return Arrays.stream(text.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
