package deepq4j.envs;

import deepq4j.envs.minatar.Asterix;
import deepq4j.envs.minatar.Breakout;
import deepq4j.envs.minatar.Freeway;
import deepq4j.envs.minatar.MinAtarOptions;
import deepq4j.envs.minatar.Seaquest;
import deepq4j.envs.minatar.SpaceInvaders;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** The environment registry: {@code Envs.make("CartPole-v1")} as Gymnasium's {@code gymnasium.make}. */
public final class Envs {
    /** What make() builds for each id from its keyword arguments (which it removes as it reads them). */
    private static final Map<String, Function<Map<String, Object>, Env>> REGISTRY = new LinkedHashMap<>();

    /**
     * MinAtar games end by themselves except when an agent plays well forever; they are cut at
     * 108,000 steps, the cap the Arcade Learning Environment puts on an Atari episode.
     */
    public static final int MINATAR_MAX_EPISODE_STEPS = 108_000;

    static {
        plain("CartPole-v0", () -> new TimeLimit(new CartPole(), 200));
        plain("CartPole-v1", () -> new TimeLimit(new CartPole(), 500));
        plain("Acrobot-v1", () -> new TimeLimit(new Acrobot(), 500));
        plain("MountainCar-v0", () -> new TimeLimit(new MountainCar(), 200));
        // The probes have no time limit: their episodes end by themselves after one or two steps.
        plain("Probe1-v0", Probe1::new);
        plain("Probe2-v0", Probe2::new);
        plain("Probe3-v0", Probe3::new);
        plain("Probe4-v0", Probe4::new);
        plain("Probe5-v0", Probe5::new);
        // CartPole seen only through its pictures, preprocessed as the Atari DQN preprocesses frames:
        // grayscale, shrunk to 84x84 by area averaging, the last 4 stacked: [4, 84, 84] for the
        // Nature CNN. No frame skip (at 50 steps a second CartPole needs every step) and no reward
        // clipping (its rewards are already 1).
        plain("PixelCartPole-v1", () -> new FrameStackObservation(
                new ResizeObservation(new GrayscaleObservation(new RenderObservation(new TimeLimit(new CartPole(), 500), 400, 600)), 84, 84), 4));
        minAtar("MinAtar/Asterix-v1", Asterix::new);
        minAtar("MinAtar/Breakout-v1", Breakout::new);
        minAtar("MinAtar/Freeway-v1", Freeway::new);
        minAtar("MinAtar/Seaquest-v1", Seaquest::new);
        minAtar("MinAtar/SpaceInvaders-v1", SpaceInvaders::new);
    }

    private static void plain(String id, Supplier<Env> factory) {
        REGISTRY.put(id, kwargs -> factory.get());
    }

    /**
     * A MinAtar game; its keyword arguments are MinAtar's: {@code use_minimal_action_set} (false:
     * the six actions of the published results), {@code sticky_action_prob} (0.1) and
     * {@code difficulty_ramping} (true).
     */
    private static void minAtar(String id, Function<MinAtarOptions, Env> factory) {
        REGISTRY.put(id, kwargs -> {
            MinAtarOptions defaults = MinAtarOptions.DEFAULT;
            boolean minimal = take(kwargs, "use_minimal_action_set", Boolean.class, defaults.minimalActionSet());
            double sticky = take(kwargs, "sticky_action_prob", Number.class, defaults.stickyActionProbability()).doubleValue();
            boolean ramping = take(kwargs, "difficulty_ramping", Boolean.class, defaults.ramping());
            return new TimeLimit(factory.apply(new MinAtarOptions(minimal, sticky, ramping)), MINATAR_MAX_EPISODE_STEPS);
        });
    }

    private static <T> T take(Map<String, Object> kwargs, String key, Class<T> type, T fallback) {
        if (!kwargs.containsKey(key)) {
            return fallback;
        }
        Object value = kwargs.remove(key);
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("keyword argument " + key + " must be a " + type.getSimpleName().toLowerCase()
                    + ", got " + value);
        }
        return type.cast(value);
    }

    private Envs() {
    }

    /**
     * A new environment of the given id, wrapped as Gymnasium's make wraps it: the time limit of
     * its version, and the order checks ({@link OrderEnforcing}).
     */
    public static Env make(String id) {
        return make(id, Map.of());
    }

    /**
     * As {@link #make(String)} with keyword arguments for the environment, as
     * {@code gymnasium.make(id, **kwargs)}; e.g. {@code Map.of("use_minimal_action_set", true)} for a
     * MinAtar game. An argument the environment does not take is an error that names it.
     */
    public static Env make(String id, Map<String, ?> kwargs) {
        Function<Map<String, Object>, Env> factory = REGISTRY.get(id);
        if (factory == null) {
            throw new IllegalArgumentException("unknown environment id '" + id + "'; the registered ids are " + ids());
        }
        Map<String, Object> left = new HashMap<>(kwargs);
        Env env = factory.apply(left);
        if (!left.isEmpty()) {
            throw new IllegalArgumentException(id + " takes no keyword argument " + String.join(", ", new java.util.TreeSet<>(left.keySet())));
        }
        return new OrderEnforcing(env);
    }

    /** Every registered id, in registration order. */
    public static List<String> ids() {
        return List.copyOf(REGISTRY.keySet());
    }
}
