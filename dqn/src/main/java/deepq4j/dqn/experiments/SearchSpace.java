package deepq4j.dqn.experiments;

import deepq4j.tensor.Generator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The hyperparameters a sweep searches and how each is drawn, declared as
 * {@code NAME=KIND:ARGS} where NAME is a `train` flag without its dashes:
 * <ul>
 *   <li>{@code learning-rate=log-uniform:1e-4:1e-2}: uniform in log space (Optuna's {@code suggest_float(log=True)});</li>
 *   <li>{@code gamma=uniform:0.95:0.999}: uniform;</li>
 *   <li>{@code target-network-frequency=int:100:1000}: a whole number, both ends included;</li>
 *   <li>{@code batch-size=choice:64,128,256}: one of the listed values.</li>
 * </ul>
 */
public final class SearchSpace {
    private final Map<String, Dimension> dimensions = new LinkedHashMap<>();

    /** One searched flag. */
    record Dimension(String name, String kind, double low, double high, List<String> choices) {
        String draw(Generator g) {
            switch (kind) {
                case "uniform":
                    return format(low + (high - low) * g.nextDouble());
                case "log-uniform":
                    return format(Math.exp(Math.log(low) + (Math.log(high) - Math.log(low)) * g.nextDouble()));
                case "int":
                    return Long.toString((long) low + g.nextInt((int) (high - low) + 1));
                default:
                    return choices.get(g.nextInt(choices.size()));
            }
        }

        private static String format(double v) {
            return String.format(Locale.ROOT, "%.6g", v);
        }
    }

    /** Reads the declarations; names the one that is malformed. */
    public static SearchSpace parse(List<String> declarations) {
        SearchSpace space = new SearchSpace();
        for (String d : declarations) {
            int eq = d.indexOf('=');
            int colon = d.indexOf(':', eq + 1);
            if (eq <= 0 || colon < 0) {
                throw new IllegalArgumentException("'" + d + "' is not NAME=KIND:ARGS (e.g. learning-rate=log-uniform:1e-4:1e-2)");
            }
            String name = d.substring(0, eq).replaceFirst("^--", "");
            String kind = d.substring(eq + 1, colon);
            String args = d.substring(colon + 1);
            Dimension dim;
            try {
                switch (kind) {
                    case "uniform":
                    case "log-uniform":
                    case "int": {
                        String[] lh = args.split(":");
                        double low = Double.parseDouble(lh[0]);
                        double high = Double.parseDouble(lh[1]);
                        if (lh.length != 2 || !(low < high) || (kind.equals("log-uniform") && low <= 0)
                                || (kind.equals("int") && (low != Math.rint(low) || high != Math.rint(high)))) {
                            throw new IllegalArgumentException("bad range");
                        }
                        dim = new Dimension(name, kind, low, high, List.of());
                        break;
                    }
                    case "choice": {
                        List<String> choices = List.of(args.split(","));
                        if (args.isEmpty() || choices.isEmpty()) {
                            throw new IllegalArgumentException("no choices");
                        }
                        dim = new Dimension(name, kind, 0, 0, choices);
                        break;
                    }
                    default:
                        throw new IllegalArgumentException("unknown kind");
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("'" + d + "': expected uniform:LOW:HIGH, log-uniform:LOW:HIGH (LOW > 0), "
                        + "int:LOW:HIGH (whole numbers) or choice:A,B,... with LOW < HIGH", e);
            }
            if (space.dimensions.put(name, dim) != null) {
                throw new IllegalArgumentException("'" + name + "' is declared twice");
            }
        }
        if (space.dimensions.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one --param");
        }
        return space;
    }

    /** The searched flag names, in declaration order. */
    public List<String> names() {
        return new ArrayList<>(dimensions.keySet());
    }

    /** Trial {@code trial}'s values: drawn from a stream fixed by the sweep's seed and the trial number alone, so a resumed sweep draws them again. */
    public Map<String, String> sample(long sweepSeed, int trial) {
        Generator g = new Generator(sweepSeed * 0x9E3779B97F4A7C15L + trial);
        Map<String, String> out = new LinkedHashMap<>();
        for (Dimension d : dimensions.values()) {
            out.put(d.name(), d.draw(g));
        }
        return out;
    }

    /** The values as train flags: {@code --name value}. */
    public static List<String> flags(Map<String, String> values) {
        List<String> out = new ArrayList<>();
        values.forEach((k, v) -> {
            out.add("--" + k);
            out.add(v);
        });
        return out;
    }
}
