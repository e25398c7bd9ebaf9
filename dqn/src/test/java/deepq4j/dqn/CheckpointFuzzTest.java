package deepq4j.dqn;

import static deepq4j.dqn.DamagedFiles.withHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepq4j.dqn.DamagedFiles.Damage;
import deepq4j.dqn.cli.CommandLineRun;
import deepq4j.dqn.run.RunDirectory;
import deepq4j.dqn.run.TrainingRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Damaged and doctored checkpoints given to {@code train --resume}, as a user runs it: the run
 * either goes on to the end (exit 0) or stops at once with one line that names the checkpoint or
 * its directory, exit 1 for a damaged file (2 for a usage error), never a stack trace, an internal
 * error, or a buffer or network larger than the JVM allows.
 */
class CheckpointFuzzTest {
    private static final Map<String, AtomicInteger> OUTCOMES = new ConcurrentHashMap<>();
    private static Path template;

    /** A short CartPole run that died after its checkpoint at step 400 (of 600): its directory, to copy for each try. */
    private static synchronized Path template() throws IOException {
        if (template == null) {
            template = Files.createTempDirectory("fuzz-checkpoint");
            Path dir = template.resolve("run");
            DqnConfig c = TrainingRun.config("--env-id", "CartPole-v1", "--seed", "2", "--total-timesteps", "600",
                    "--learning-starts", "100", "--buffer-size", "500", "--batch-size", "16", "--train-frequency", "4",
                    "--target-network-frequency", "50", "--hidden", "16", "--eval-episodes", "1", "--log-interval", "50", "--no-progress",
                    "--checkpoint-interval", "400", "--out", dir.toString());
            DqnTrainer trainer = new DqnTrainer(c);
            try (RunDirectory run = new RunDirectory(dir, c)) {
                trainer.train(new ResumeTest.CrashingLog(run, 450), null);
                throw new AssertionError("the template run should have died after step 450");
            } catch (ResumeTest.Crash expected) {
                // the checkpoint of step 400 is on disk
            }
            assertTrue(Files.exists(DqnTrainer.checkpointFile(dir)));
        }
        return template.resolve("run");
    }

    private static byte[] checkpoint() throws IOException {
        return Files.readAllBytes(DqnTrainer.checkpointFile(template()));
    }

    /** The header with the metadata value of {@code key} replaced. */
    private static String setMeta(String header, String key, String value) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(header);
        if (!m.find()) {
            throw new AssertionError("the checkpoint has no metadata " + key);
        }
        return header.substring(0, m.start(1)) + value + header.substring(m.end(1));
    }

    @Provide
    Arbitrary<Damage> damaged() throws IOException {
        byte[] v = checkpoint();
        String h = DamagedFiles.header(v);
        List<String[]> doctored = List.of(
                new String[] {"step", "-1"}, new String[] {"step", "99999999999"}, new String[] {"step", "399"}, new String[] {"step", "x"},
                new String[] {"buffer.size", "1000000"}, new String[] {"buffer.size", "-5"}, new String[] {"buffer.next", "7"},
                new String[] {"rng.coin", "1,2"}, new String[] {"rng.buffer", ""}, new String[] {"rng.action_space.0", "abc"},
                new String[] {"nanos", "1,2,3,4,5,6,7,8,9,10,11,12"}, new String[] {"episodes", "3"}, new String[] {"episode_return", "NaN"},
                new String[] {"recent_return", "1e999"}, new String[] {"seconds", "-"}, new String[] {"format", "deepq4j training checkpoint 0"},
                new String[] {"log.episodes.csv", "999999999"}, new String[] {"log.metrics.csv", "-1"}, new String[] {"log.episodes.csv", "../x"},
                new String[] {"args", "--env-id%20NoSuchEnv-v0"}, new String[] {"args", "--buffer-size 2000000000"},
                new String[] {"args", "--hidden 400000000,84"}, new String[] {"args", "--learning-rate -1"}, new String[] {"args", "%zz"},
                new String[] {"config", "{}"});
        Arbitrary<Damage> metadata = Arbitraries.of(doctored).map(kv -> {
            String header = h;
            if (kv[0].equals("args")) {
                // The command line with one flag's value changed, or replaced outright.
                String current = header.replaceAll("(?s).*\"args\":\"((?:[^\"\\\\]|\\\\.)*)\".*", "$1");
                String[] flag = kv[1].split(" ");
                String next = flag.length == 2 && current.contains(flag[0] + " ")
                        ? current.replaceAll(Pattern.quote(flag[0]) + " [^ ]+", Matcher.quoteReplacement(kv[1])) : kv[1];
                header = setMeta(header, "args", next);
            } else {
                header = setMeta(header, kv[0], kv[1]);
            }
            return new Damage("doctored metadata", withHeader(v, header));
        });
        Arbitrary<Damage> tensors = Arbitraries.of("q.0.weight", "optimizer.", "buffer.observations", "env.actions").map(name -> {
            String header = h.replace("\"" + name, "\"renamed." + name);
            return new Damage("a tensor missing or renamed", withHeader(v, header));
        });
        return Arbitraries.oneOf(DamagedFiles.anywhere(v), metadata, tensors);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    @Property(tries = 120)
    void aDamagedCheckpointResumesOrIsRefusedInOneLine(@ForAll("damaged") Damage damage) throws IOException {
        Path dir = Files.createTempDirectory("fuzz-resume").resolve("run");
        try {
            copy(template(), dir);
            Files.write(DqnTrainer.checkpointFile(dir), damage.bytes());
            CommandLineRun.Outcome o = CommandLineRun.run("train", "--resume", dir.toString());
            String outcome;
            if (o.status() == 0) {
                outcome = "resumed to the end";
            } else {
                String err = o.err().strip();
                assertTrue(o.status() == 1 || o.status() == 2, damage + ": exit " + o.status() + ": " + err);
                assertFalse(err.contains("internal error") || err.contains("\tat ") || err.contains("Exception"), damage + ": " + err);
                assertEquals(1, err.lines().count(), damage + ": one line: " + err);
                boolean diverged = err.contains("diverged"); // a flipped weight can make the resumed run diverge: a clean stop
                assertTrue(diverged || err.contains(dir.toString()), damage + ": names the checkpoint or its directory: " + err);
                outcome = diverged ? "resumed, then stopped: diverged" : "refused (exit " + o.status() + ")";
            }
            OUTCOMES.computeIfAbsent(damage.kind() + ": " + outcome, k -> new AtomicInteger()).incrementAndGet();
        } finally {
            delete(dir.getParent());
        }
    }

    @AfterContainer
    static void printOutcomes() throws IOException {
        StringBuilder b = new StringBuilder("CheckpointFuzzTest outcomes:\n");
        new TreeMap<>(OUTCOMES).forEach((k, v) -> b.append(String.format("  %5d  %s%n", v.get(), k)));
        System.out.print(b);
        if (template != null) {
            delete(template);
        }
    }
}
