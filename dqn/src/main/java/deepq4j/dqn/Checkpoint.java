package deepq4j.dqn;

import deepq4j.io.Json;
import deepq4j.nn.Module;
import deepq4j.nn.Safetensors;
import deepq4j.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A training checkpoint, {@code <out>/checkpoint.safetensors}: everything the rest of a
 * {@link DqnTrainer} run depends on, so that {@code train --resume} goes on bit for bit as if the
 * run had never stopped. It holds both networks, the optimizer's state, the replay buffer, the
 * random streams, the counters of the loop, every action taken (the environment is rebuilt by
 * replaying them from its seed) and how long each log file was. It is written through a temporary
 * file and a rename, so a crash while writing leaves the previous one whole. {@link PqnTrainer}
 * writes the same format with its own state (no buffer, no target network, N copies' actions).
 */
public final class Checkpoint {
    static final String FORMAT = "deepq4j training checkpoint 1";

    private Checkpoint() {
    }

    /**
     * Loads the online network a checkpoint holds into {@code q} (built like the run's network):
     * how {@code eval --checkpoint} plays the network of a point along a run rather than its end.
     */
    public static void loadOnlineNetwork(Path file, Module q) throws IOException {
        Safetensors.Contents contents = Safetensors.read(file);
        if (!FORMAT.equals(contents.metadata().get("format"))) {
            throw new IOException(file + " is not a deepq4j training checkpoint");
        }
        try {
            q.loadStateDict(withPrefix(contents.tensors(), "q."));
        } catch (IllegalArgumentException e) {
            throw new IOException("checkpoint " + file + " holds a network that does not fit the model's (" + e.getMessage() + ")");
        }
    }

    /** The checkpoint file of a run directory. */
    static Path file(Path runDirectory) {
        return runDirectory.resolve("checkpoint.safetensors");
    }

    /** Saves {@code t} as it stands before step {@code nextStep}, after {@code seconds} of training. */
    static void save(DqnTrainer t, long nextStep, TrainingLog log, double seconds) throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        t.q.stateDict().forEach((k, v) -> tensors.put("q." + k, v));
        if (t.target != t.q) {
            t.target.stateDict().forEach((k, v) -> tensors.put("target." + k, v));
        }
        t.optimizer.stateDict().forEach((k, v) -> tensors.put("optimizer." + k, v));
        t.buffer.transitions().stateDict().forEach((k, v) -> tensors.put("buffer." + k, v));
        tensors.put("env.actions", t.history.toTensor());
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("config", settings(t.config));
        if (t.config.commandLine != null) {
            meta.put("args", CommandLineText.encode(t.config.commandLine));
        }
        meta.put("step", Long.toString(nextStep));
        meta.put("episodes", Integer.toString(t.copies.episodes));
        meta.put("episode_return", doubles(t.copies.episodeReturn));
        meta.put("recent_return", Double.toString(t.copies.recentReturn));
        meta.put("seconds", Double.toString(seconds));
        meta.put("nanos", longs(t.timer.nanos()));
        meta.put("rng.coin", longs(t.coin.getState()));
        meta.put("rng.init", longs(t.init.getState())); // the noisy layers' noise after the weights
        meta.put("rng.buffer", longs(t.buffer.rngState()));
        for (int i = 0; i < t.copies.envs.size(); i++) {
            meta.put("rng.action_space." + i, longs(t.copies.envs.actionSpace(i).samplerState()));
        }
        meta.put("buffer.next", Integer.toString(t.buffer.transitions().nextSlot()));
        meta.put("buffer.size", Integer.toString(t.buffer.size()));
        for (Map.Entry<String, Long> e : log.flush().entrySet()) {
            meta.put("log." + e.getKey(), Long.toString(e.getValue()));
        }
        Map<String, double[]> exact = new LinkedHashMap<>();
        t.buffer.exactState().forEach((k, v) -> exact.put("buffer." + k, v));
        Safetensors.save(tensors, exact, meta, file(t.config.out));
    }

    /** The settings a checkpoint must be resumed with: all but where the files go. */
    static String settings(DqnConfig config) {
        Map<String, Object> m = config.toMap();
        m.remove("out");
        return Json.write(m);
    }

    /**
     * Loads {@code file} into {@code t}, built from the same configuration, so that its next
     * {@link DqnTrainer#train} goes on from the step after the checkpoint. The episode counter and
     * running return that replaying the actions arrives at are checked against the file's.
     *
     * @throws IOException naming the file and what does not fit, for a damaged or doctored file
     */
    static void restore(DqnTrainer t, Path file) throws IOException {
        try {
            restoreFrom(t, file);
        } catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException e) {
            // A value the checkpoint holds does not fit (a damaged or doctored file): one line naming it.
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new IOException(message.startsWith(file.toString()) ? message : "checkpoint " + file + ": " + message, e);
        }
    }

    private static void restoreFrom(DqnTrainer t, Path file) throws IOException {
        Safetensors.Contents contents = Safetensors.read(file);
        Map<String, String> meta = contents.metadata();
        if (!FORMAT.equals(meta.get("format"))) {
            throw new IllegalArgumentException(file + " is not a deepq4j training checkpoint");
        }
        if (!settings(t.config).equals(meta.get("config"))) {
            throw new IllegalArgumentException(file + " records settings other than those its command line gives (a damaged or "
                    + "edited checkpoint)");
        }
        Map<String, Tensor> tensors = contents.tensors();
        long savedStep = Long.parseLong(need(meta, "step"));
        t.q.loadStateDict(withPrefix(tensors, "q."));
        if (t.target != t.q) {
            t.target.loadStateDict(withPrefix(tensors, "target."));
        }
        Map<String, Tensor> optimizerState = withPrefix(tensors, "optimizer.");
        long stateful = optimizerState.keySet().stream().map(k -> k.substring(0, Math.max(0, k.indexOf('.')))).distinct().count();
        if (savedStep > t.config.learningStarts + t.config.trainFrequency && stateful != t.q.parameters().size()) {
            // After the first gradient step every parameter has optimizer state; a file without it is damaged.
            throw new IllegalArgumentException("the checkpoint holds optimizer state for " + stateful + " of the network's "
                    + t.q.parameters().size() + " parameters, though the network has been trained");
        }
        t.optimizer.loadStateDict(optimizerState);
        t.buffer.transitions().loadStateDict(withPrefix(tensors, "buffer."), Integer.parseInt(need(meta, "buffer.next")),
                Integer.parseInt(need(meta, "buffer.size")));
        t.buffer.setRngState(parseLongs(need(meta, "rng.buffer")));
        t.buffer.transitions().requireValidTransitions(t.actions);
        t.buffer.loadExactState(withPrefix(contents.float64(), "buffer."));
        t.coin.setState(parseLongs(need(meta, "rng.coin")));
        t.init.setState(parseLongs(need(meta, "rng.init")));
        t.timer.setNanos(parseLongs(need(meta, "nanos")));

        // The environment: the same seed, then every action again.
        Tensor actionsTaken = tensors.get("env.actions");
        if (actionsTaken == null) {
            throw new IllegalArgumentException("the checkpoint holds no env.actions");
        }
        ActionHistory history = ActionHistory.of(actionsTaken);
        if (history.length() != savedStep * t.copies.envs.size() || savedStep >= t.config.totalTimesteps) {
            throw new IllegalArgumentException(file + ": " + history.length() + " actions recorded for " + savedStep + " steps of "
                    + t.copies.envs.size() + " copies");
        }
        t.replay(history);
        if (t.copies.episodes != Integer.parseInt(need(meta, "episodes")) || !doubles(t.copies.episodeReturn).equals(need(meta, "episode_return"))) {
            throw new IllegalStateException(file + ": replaying the actions gave " + t.copies.episodes + " episodes and running returns of "
                    + doubles(t.copies.episodeReturn) + ", the checkpoint says " + meta.get("episodes") + " and " + meta.get("episode_return")
                    + " (did the environment change?)");
        }
        for (int i = 0; i < t.copies.envs.size(); i++) {
            t.copies.envs.actionSpace(i).setSamplerState(parseLongs(need(meta, "rng.action_space." + i)));
        }
        t.copies.recentReturn = Double.parseDouble(need(meta, "recent_return"));
        t.secondsBefore = Double.parseDouble(need(meta, "seconds"));
    }

    /** The log file lengths a checkpoint recorded (see {@code RunDirectory.reopen}). */
    static Map<String, Long> loggedLengths(Path file) throws IOException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : Safetensors.metadata(file).entrySet()) {
            if (e.getKey().startsWith("log.")) {
                String name = e.getKey().substring(4);
                if (!e.getValue().matches("[0-9]{1,18}") || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
                    throw new IOException("checkpoint " + file + ": the logged length '" + e.getValue() + "' of '" + name + "' is damaged");
                }
                out.put(name, Long.parseLong(e.getValue()));
            }
        }
        return out;
    }

    static String need(Map<String, String> meta, String key) {
        String v = meta.get(key);
        if (v == null) {
            throw new IllegalArgumentException("the checkpoint lacks '" + key + "'");
        }
        return v;
    }

    static <T> Map<String, T> withPrefix(Map<String, T> entries, String prefix) {
        Map<String, T> out = new LinkedHashMap<>();
        entries.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    /** Doubles as their shortest exact decimal forms, comma-separated. */
    static String doubles(double[] values) {
        StringBuilder b = new StringBuilder();
        for (double v : values) {
            b.append(b.length() > 0 ? "," : "").append(v);
        }
        return b.toString();
    }

    static String longs(long[] values) {
        StringBuilder b = new StringBuilder();
        for (long v : values) {
            b.append(b.length() > 0 ? "," : "").append(v);
        }
        return b.toString();
    }

    static long[] parseLongs(String text) {
        String[] parts = text.split(",");
        long[] v = new long[parts.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Long.parseLong(parts[i]);
        }
        return v;
    }
}
