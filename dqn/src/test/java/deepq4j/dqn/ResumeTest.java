package deepq4j.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepq4j.dqn.cli.CommandLineRun;
import deepq4j.dqn.run.RunDirectory;
import deepq4j.dqn.run.TensorBoardWriter;
import deepq4j.dqn.run.TrainingRun;
import deepq4j.nn.Module;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that crashes after a checkpoint and is resumed with {@code train --resume} ends exactly as
 * the same run without the crash: the same episodes, the same metrics (but for the wall-clock
 * speed), the same model bytes; the log files hold nothing twice.
 */
class ResumeTest {
    @TempDir
    Path tmp;

    private static List<String> args(Path out, String env, String... extra) {
        List<String> a = new ArrayList<>(List.of("--env-id", env, "--seed", "5", "--total-timesteps", "4000",
                "--learning-starts", "300", "--buffer-size", "1000", "--batch-size", "32", "--train-frequency", "2",
                "--target-network-frequency", "100", "--eval-episodes", "3", "--log-interval", "50", "--no-progress",
                "--checkpoint-interval", "1000", "--out", out.toString()));
        a.addAll(List.of(extra));
        return a;
    }

    /** Thrown by {@link CrashingLog}: the process "dies" here. */
    static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** Passes everything to the run directory, then dies at the first episode after {@code step}. */
    static final class CrashingLog implements TrainingLog {
        private final RunDirectory run;
        private final long at;

        CrashingLog(RunDirectory run, long at) {
            this.run = run;
            this.at = at;
        }

        @Override
        public void episode(long step, double episodicReturn, int length) throws IOException {
            if (step > at) {
                throw new Crash();
            }
            run.episode(step, episodicReturn, length);
        }

        @Override
        public void metrics(long step, double tdLoss, double meanQ, double epsilon, double sps) throws IOException {
            run.metrics(step, tdLoss, meanQ, epsilon, sps);
        }

        @Override
        public Map<String, Long> flush() throws IOException {
            return run.flush();
        }
    }

    /** The configuration `train` makes of these arguments. */
    private static DqnConfig parse(List<String> args) {
        return TrainingRun.config(args.toArray(new String[0]));
    }

    private static List<String> withoutSpeed(Path metrics) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(metrics, StandardCharsets.UTF_8)) {
            out.add(line.substring(0, line.lastIndexOf(',')));
        }
        return out;
    }

    private void crashResumeAndCompare(String env, String... extra) throws Exception {
        Path whole = tmp.resolve(env.replace('/', '-') + "-whole");
        Path crashed = tmp.resolve(env.replace('/', '-') + "-crashed");
        List<String> wholeArgs = new ArrayList<>(List.of("train"));
        wholeArgs.addAll(args(whole, env, extra));
        CommandLineRun.Outcome a = CommandLineRun.run(wholeArgs.toArray(new String[0]));
        assertEquals(0, a.status(), a.err());
        assertFalse(Files.exists(DqnTrainer.checkpointFile(whole)), "a finished run leaves no checkpoint");

        DqnConfig c = parse(args(crashed, env, extra));
        Trainer trainer = Trainer.of(c);
        try (RunDirectory run = new RunDirectory(crashed, c)) {
            assertThrows(Crash.class, () -> trainer.train(new CrashingLog(run, 2_300), null));
        }
        assertTrue(Files.exists(DqnTrainer.checkpointFile(crashed)), "checkpoints at 1000 and 2000 steps");
        CommandLineRun.Outcome b = CommandLineRun.run("train", "--resume", crashed.toString());
        assertEquals(0, b.status(), b.err());
        assertTrue(b.out().contains("(resumed)"), b.out());

        assertEquals(Files.readAllLines(whole.resolve("episodes.csv")), Files.readAllLines(crashed.resolve("episodes.csv")));
        assertEquals(withoutSpeed(whole.resolve("metrics.csv")), withoutSpeed(crashed.resolve("metrics.csv")));
        assertArrayEquals(Files.readAllBytes(whole.resolve("model.safetensors")), Files.readAllBytes(crashed.resolve("model.safetensors")));
        assertFalse(Files.exists(DqnTrainer.checkpointFile(crashed)));
        assertTrue(Files.exists(crashed.resolve("learning_curve.png")) && Files.exists(crashed.resolve("summary.json")));
        // The TensorBoard file was cut back too: as many records as the whole run's.
        assertEquals(tensorBoardRecords(whole), tensorBoardRecords(crashed));
    }

    private static int tensorBoardRecords(Path dir) throws IOException {
        Path events;
        try (var files = Files.list(dir)) {
            events = files.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(events);
        int records = 0;
        for (int at = 0; at < bytes.length; records++) {
            long length = 0;
            for (int i = 7; i >= 0; i--) {
                length = (length << 8) | (bytes[at + i] & 0xFF);
            }
            at += 8 + 4 + (int) length + 4;
        }
        return records;
    }

    @Test
    void aResumedCartPoleRunEndsAsAnUninterruptedOne() throws Exception {
        crashResumeAndCompare("CartPole-v1");
    }

    /**
     * The priorities, doubles, travel exactly (float64) with the checkpoint; the sum and min trees
     * are rebuilt from them. The n-step window's pending steps are rebuilt by replaying the actions.
     */
    @Test
    void aResumedPrioritizedReplayRunWithThreeStepReturnsEndsAsAnUninterruptedOne() throws Exception {
        crashResumeAndCompare("CartPole-v1", "--prioritized-replay", "--double-dqn", "--n-step", "3");
    }

    /** C51: the categorical networks and Adam's state travel like any other; the support is rebuilt from the flags. */
    @Test
    void aResumedC51RunEndsAsAnUninterruptedOne() throws Exception {
        crashResumeAndCompare("CartPole-v1", "--algorithm", "c51", "--n-atoms", "21", "--v-min", "-50", "--v-max", "50");
    }

    /**
     * Rainbow: on top of C51's state, the noisy layers' noise, drawn every step from the generator
     * that drew the weights; the checkpoint keeps that generator's state.
     */
    @Test
    void aResumedRainbowRunEndsAsAnUninterruptedOne() throws Exception {
        crashResumeAndCompare("CartPole-v1", "--algorithm", "rainbow", "--n-atoms", "21", "--v-min", "-50", "--v-max", "50");
    }

    /** --num-envs 3 with 2-step returns: three copies replayed from their seeds, and a window per copy. */
    @Test
    void aResumedRunOfThreeCopiesEndsAsAnUninterruptedOne() throws Exception {
        crashResumeAndCompare("CartPole-v1", "--num-envs", "3", "--n-step", "2", "--prioritized-replay");
    }

    /**
     * PQN: no buffer and no target network, but four copies of the environment (rebuilt by replaying
     * their actions), RAdam's state, the shuffle of the minibatches and each copy's random actions.
     * Checkpoints fall between iterations (of 4 x 32 steps here), the first after step 1000.
     */
    @Test
    void aResumedPqnRunEndsAsAnUninterruptedOne() throws Exception {
        crashResumeAndCompare("CartPole-v1", "--algorithm", "pqn", "--num-steps", "32");
    }

    @Test
    void aResumedMinAtarRunWithRmspropAndHuberEndsAsAnUninterruptedOne() throws Exception {
        crashResumeAndCompare("MinAtar/Breakout-v1", "--exploration-fraction", "0.5");
    }

    @Test
    void theCheckpointRecordsTheCommandLineAfterTrain() throws Exception {
        // A run that diverges after its first checkpoint (a huge learning rate) dies, leaving it.
        Path dir = tmp.resolve("train"); // a value equal to the command's name must survive
        List<String> a = new ArrayList<>(List.of("train"));
        a.addAll(args(dir, "CartPole-v1", "--learning-rate", "1e30"));
        a.set(a.indexOf("--checkpoint-interval") + 1, "200");
        CommandLineRun.Outcome o = CommandLineRun.run(a.toArray(new String[0]));
        assertEquals(1, o.status(), o.out());
        assertTrue(o.err().contains("diverged"), o.err());
        String stored = deepq4j.nn.Safetensors.metadata(DqnTrainer.checkpointFile(dir)).get("args");
        assertEquals(a.subList(1, a.size()), List.of(CommandLineText.decode(stored)));
    }

    private static void assertOneLine(CommandLineRun.Outcome o, String expected) {
        assertEquals(2, o.status(), o.err());
        assertTrue(o.err().contains(expected), o.err());
        assertEquals(1, o.err().strip().lines().count(), "one line, no usage: " + o.err());
    }

    /**
     * A run killed before its first checkpoint, started again into its directory, leaves exactly
     * the files of a run that was never killed: the killed run's TensorBoard file and a write cut
     * short by the kill are gone.
     */
    @Test
    void aRunStartedAgainInItsDirectoryReplacesTheKilledOne() throws Exception {
        Path clean = tmp.resolve("clean");
        Path again = tmp.resolve("again");
        List<String> a = new ArrayList<>(List.of("train"));
        a.addAll(args(clean, "CartPole-v1"));
        assertEquals(0, CommandLineRun.run(a.toArray(new String[0])).status());
        Files.createDirectories(again);
        Files.writeString(again.resolve("events.out.tfevents.1700000000.killed-host"), "the killed run's events");
        Files.writeString(again.resolve(".checkpoint.safetensors.0123456789abcdef.tmp"), "half a checkpoint");
        Files.writeString(again.resolve("summary.json"), "{}");
        List<String> b = new ArrayList<>(a);
        b.set(b.indexOf(clean.toString()), again.toString());
        assertEquals(0, CommandLineRun.run(b.toArray(new String[0])).status());
        assertEquals(names(clean), names(again));
        assertEquals(Files.readString(clean.resolve("episodes.csv")), Files.readString(again.resolve("episodes.csv")));
        assertArrayEquals(Files.readAllBytes(clean.resolve("model.safetensors")), Files.readAllBytes(again.resolve("model.safetensors")));
    }

    /** The file names of a run directory, with the TensorBoard file's time and host left out. */
    private static List<String> names(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).map(n -> n.startsWith(TensorBoardWriter.PREFIX) ? TensorBoardWriter.PREFIX : n)
                    .sorted().collect(java.util.stream.Collectors.toList());
        }
    }

    @Test
    void resumeNamesWhatIsWrong() throws Exception {
        CommandLineRun.Outcome none = CommandLineRun.run("train", "--resume", tmp.resolve("nothing").toString());
        assertEquals(2, none.status());
        assertTrue(none.err().contains("no such directory"), none.err());
        // A finished run, one killed before its first checkpoint, one started without checkpoints:
        // each says which, in one line, without the usage text.
        Path finished = tmp.resolve("finished");
        List<String> run = new ArrayList<>(List.of("train"));
        run.addAll(args(finished, "CartPole-v1"));
        run.set(run.indexOf("--checkpoint-interval") + 1, "100000");
        assertEquals(0, CommandLineRun.run(run.toArray(new String[0])).status());
        assertOneLine(CommandLineRun.run("train", "--resume", finished.toString()), "the run finished");
        Files.delete(finished.resolve("summary.json"));
        assertOneLine(CommandLineRun.run("train", "--resume", finished.toString()),
                "the run stopped before its first checkpoint (one every 100000 steps)");
        Path plain = tmp.resolve("plain");
        List<String> noCheckpoints = new ArrayList<>(run);
        noCheckpoints.set(noCheckpoints.indexOf("100000"), "0");
        noCheckpoints.set(noCheckpoints.indexOf(finished.toString()), plain.toString());
        assertEquals(0, CommandLineRun.run(noCheckpoints.toArray(new String[0])).status());
        Files.delete(plain.resolve("summary.json"));
        assertOneLine(CommandLineRun.run("train", "--resume", plain.toString()), "started without --checkpoint-interval");
        CommandLineRun.Outcome extra = CommandLineRun.run("train", "--resume", tmp.toString(), "--seed", "3");
        assertEquals(2, extra.status());
        assertTrue(extra.err().contains("give no other flags"), extra.err());
        CommandLineRun.Outcome negative = CommandLineRun.run("train", "--checkpoint-interval", "-1");
        assertEquals(2, negative.status());
        assertTrue(negative.err().contains("--checkpoint-interval"), negative.err());
        assertTrue(Module.class.isInstance(new DqnTrainer(DqnConfig.forEnv("CartPole-v1")).qNetwork()));
    }
}
