package deepq4j.dqn.run;

import deepq4j.dqn.QNetworks;
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
 * the environment, the observation shape, the number of actions and the architecture. A damaged
 * file is refused with an IOException that names it (exit 1); a file that is no model, or a model
 * for another environment, with an IllegalArgumentException (exit 2, a bad --model).
 */
public final class ModelFile {
    /** The metadata key naming this layout, so other safetensors files are recognised as such. */
    public static final String FORMAT = "deepq4j.qnetwork/1";

    private ModelFile() {
    }

    /** What a model file says about the network in it. */
    public record Description(String envId, int[] observationShape, int actions, QNetworks.Kind network, int[] hidden,
                              QNetworks.Head head) {
        /** A network with one Q-value per action. */
        public Description(String envId, int[] observationShape, int actions, QNetworks.Kind network, int[] hidden, boolean dueling) {
            this(envId, observationShape, actions, network, hidden, QNetworks.Head.scalar(dueling));
        }
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
        meta.put("dueling", String.valueOf(d.head().dueling()));
        if (d.head().categorical()) {
            // C51's support; absent for one-value heads, so their files are as before
            meta.put("atoms", String.valueOf(d.head().atoms()));
            meta.put("v_min", String.valueOf(d.head().vMin()));
            meta.put("v_max", String.valueOf(d.head().vMax()));
        }
        if (d.head().noisy()) {
            meta.put("noisy", "true"); // NoisyNets' mean and sigma tensors; absent for plain layers
        }
        if (d.head().layerNorm()) {
            meta.put("layer_norm", "true"); // PQN's LayerNorms after the hidden layers; absent otherwise
        }
        Safetensors.save(q.stateDict(), meta, path);
    }

    /**
     * The keys a model file's metadata holds, each required ("network" may be absent in files older than conv networks;
     * "atoms", "v_min" and "v_max" are there only for C51's categorical heads, "noisy" and "layer_norm" only where true).
     */
    private static final java.util.Set<String> KEYS = java.util.Set.of("format", "env_id", "observation_shape", "actions", "network",
            "hidden", "dueling", "atoms", "v_min", "v_max", "noisy", "layer_norm");

    /**
     * The model file {@code path} names: the file itself, or a run directory's model.safetensors.
     *
     * @throws IllegalArgumentException naming the problem when there is no such file
     */
    public static Path file(Path path) {
        if (Files.isDirectory(path)) {
            Path inside = path.resolve("model.safetensors");
            if (Files.isRegularFile(inside)) {
                return inside;
            }
            throw new IllegalArgumentException("--model " + path + ": a directory with no model.safetensors in it (train writes "
                    + "DIR/model.safetensors when a run finishes)");
        }
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("--model " + path + ": no such file (train writes DIR/model.safetensors)");
        }
        return path;
    }

    /** Reads the description of a model file (or run directory), with errors that say what is wrong with it. */
    public static Description describe(Path path) throws IOException {
        Path file = file(path);
        Map<String, String> meta = Safetensors.metadata(file);
        if (!FORMAT.equals(meta.get("format"))) {
            throw new IllegalArgumentException("--model " + file + ": a safetensors file, but not a deepq4j Q-network (its metadata has "
                    + "no \"format\": \"" + FORMAT + "\"); only files written by `deepq4j train` can be evaluated");
        }
        try {
            for (String key : meta.keySet()) {
                if (!KEYS.contains(key)) {
                    throw new IllegalArgumentException("unknown key '" + key + "'");
                }
            }
            // Files written before conv networks existed have no "network": they hold an MLP.
            String network = meta.getOrDefault("network", "mlp");
            QNetworks.Kind kind = java.util.Arrays.stream(QNetworks.Kind.values()).filter(k -> k.name().equals(network)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("network '" + network + "' is not one of "
                            + Arrays.toString(QNetworks.Kind.values())));
            String envId = required(meta, "env_id");
            if (envId.isEmpty()) {
                throw new IllegalArgumentException("env_id is empty");
            }
            int[] observations = sizes(meta, "observation_shape", false);
            QNetworks.requireFits(kind, observations);
            boolean dueling = bool(required(meta, "dueling"), "dueling");
            boolean noisy = meta.containsKey("noisy") && bool(meta.get("noisy"), "noisy");
            boolean layerNorm = meta.containsKey("layer_norm") && bool(meta.get("layer_norm"), "layer_norm");
            QNetworks.Head head = new QNetworks.Head(dueling, 1, 0, 0, noisy, layerNorm);
            if (meta.containsKey("atoms") || meta.containsKey("v_min") || meta.containsKey("v_max")) {
                int atoms = size(required(meta, "atoms"), "atoms");
                double vMin = number(required(meta, "v_min"), "v_min");
                double vMax = number(required(meta, "v_max"), "v_max");
                if (atoms < 2 || atoms > 10_000 || !(vMin < vMax)) {
                    throw new IllegalArgumentException(atoms + " atoms on [" + vMin + ", " + vMax + "] (needs 2..10000 atoms and v_min < v_max)");
                }
                head = new QNetworks.Head(dueling, atoms, vMin, vMax, noisy, layerNorm);
            }
            return new Description(envId, observations, size(required(meta, "actions"), "actions"), kind,
                    sizes(meta, "hidden", true), head);
        } catch (IllegalArgumentException e) {
            throw new IOException("--model " + file + ": its metadata is damaged (" + e.getMessage() + ")");
        }
    }

    /**
     * Loads the network in {@code path} (a file or a run directory), checking that it fits an
     * environment with these observations and actions. The metadata is checked against the
     * tensors before the network is built, so a doctored file cannot make it allocate more than
     * the file holds.
     */
    public static Module load(Path path, int[] observationShape, int actions) throws IOException {
        Path file = file(path);
        Description d = describe(file);
        if (!Arrays.equals(d.observationShape(), observationShape) || d.actions() != actions) {
            throw new IllegalArgumentException("--model " + file + " was trained on " + d.envId() + " (observations "
                    + Arrays.toString(d.observationShape()) + ", " + d.actions() + " actions) and does not fit this environment "
                    + "(observations " + Arrays.toString(observationShape) + ", " + actions + " actions)");
        }
        Map<String, deepq4j.tensor.Tensor> tensors = Safetensors.load(file);
        long held = tensors.values().stream().mapToLong(t -> t.numel()).sum();
        long described = QNetworks.parameterCount(d.network(), observationShape, d.hidden(), actions, d.head());
        if (described != held) {
            throw new IOException("--model " + file + ": its metadata describes a network (" + d.network() + ") of "
                    + (described == Long.MAX_VALUE ? "more than 2^63" : String.format("%,d", described)) + " parameters, but its tensors hold "
                    + String.format("%,d", held));
        }
        Module q = QNetworks.build(d.network(), observationShape, d.hidden(), actions, d.head(), new Generator(0));
        try {
            q.loadStateDict(tensors);
        } catch (IllegalArgumentException e) {
            throw new IOException("--model " + file + ": its tensors do not fit the network its metadata describes ("
                    + e.getMessage() + ")");
        }
        return q;
    }

    private static String required(Map<String, String> meta, String key) {
        String v = meta.get(key);
        if (v == null) {
            throw new IllegalArgumentException("'" + key + "' is missing");
        }
        return v;
    }

    private static boolean bool(String text, String key) {
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException(key + " '" + text + "' is neither true nor false");
        }
        return text.equals("true");
    }

    private static double number(String text, String key) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new IllegalArgumentException(key + " '" + text + "' is not a finite number");
    }

    private static int size(String text, String key) {
        if (!text.matches("[0-9]{1,9}") || Integer.parseInt(text) < 1) {
            throw new IllegalArgumentException(key + " '" + text + "' is not a positive whole number below 10^9");
        }
        return Integer.parseInt(text);
    }

    private static int[] sizes(Map<String, String> meta, String key, boolean mayBeEmpty) {
        String text = required(meta, key);
        if (text.isEmpty()) {
            if (!mayBeEmpty) {
                throw new IllegalArgumentException(key + " is empty");
            }
            return new int[0];
        }
        String[] parts = text.split(",", -1);
        if (parts.length > 16) {
            throw new IllegalArgumentException(key + " has " + parts.length + " entries (at most 16)");
        }
        return Arrays.stream(parts).mapToInt(part -> size(part, key)).toArray();
    }

    private static String join(int[] values) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ",").append(values[i]);
        }
        return s.toString();
    }
}
