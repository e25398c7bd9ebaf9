package deepq4j.dqn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepq4j.dqn.DqnTrainer;
import deepq4j.dqn.run.TensorBoardWriter;
import deepq4j.io.AtomicFile;
import deepq4j.io.Json;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code kill -9}, for real: a {@code train} JVM is killed with {@code destroyForcibly()} while it
 * writes a checkpoint (the moment its temporary file appears), again and again, each time resumed
 * with {@code train --resume} (or started again, before the first checkpoint exists), until it
 * finishes. Its run directory must then hold exactly the files of a run that was never killed,
 * with the same contents but for wall-clock times: no temporary file, no second TensorBoard file,
 * nothing logged twice.
 */
class KillResumeTest {
    private static final int KILLS = 4;

    @TempDir
    Path tmp;

    private static List<String> args(Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("train", "--env-id", "CartPole-v1", "--seed", "11", "--total-timesteps", "6000",
                "--learning-starts", "300", "--buffer-size", "6000", "--batch-size", "32", "--train-frequency", "2",
                "--target-network-frequency", "200", "--hidden", "256,256", "--eval-episodes", "2", "--log-interval", "100",
                "--no-progress", "--checkpoint-interval", "700", "--out", out.toString()));
        a.addAll(List.of(extra));
        return a;
    }

    /** A JVM running the command line, with the same flags as this one's (so the same vector width and bits). */
    private static Process start(List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static boolean writingACheckpoint(Path dir) {
        File[] files = dir.toFile().listFiles();
        if (files == null) {
            return false;
        }
        for (File f : files) {
            if (f.getName().startsWith(".checkpoint.safetensors.") && AtomicFile.isTemporary(f.toPath())) {
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"uniform replay", "--prioritized-replay"})
    void killedMidCheckpointAndResumedTheRunEndsAsIfNeverKilled(String variant) throws Exception {
        String[] extra = variant.startsWith("--") ? new String[] {variant} : new String[0];
        Path whole = tmp.resolve("whole");
        Path killed = tmp.resolve("killed");
        Path log = tmp.resolve("jvm.log");
        Process uninterrupted = start(args(whole, extra), log);
        assertTrue(uninterrupted.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, uninterrupted.exitValue(), Files.readString(log));

        int kills = 0;
        int midWrite = 0;
        int resumes = 0;
        while (true) {
            boolean resume = Files.exists(DqnTrainer.checkpointFile(killed));
            Process p = start(resume ? List.of("train", "--resume", killed.toString()) : args(killed, extra), log);
            resumes += resume ? 1 : 0;
            if (kills < KILLS) {
                // Wait for a checkpoint write to begin (its temporary file), then kill at once: the
                // first kill in the first write (so the run must start over), the others in writes
                // after a checkpoint exists (so it resumes).
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                boolean firstKill = kills == 0;
                while (p.isAlive() && !(writingACheckpoint(killed) && (firstKill || Files.exists(DqnTrainer.checkpointFile(killed))))
                        && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                if (p.isAlive()) {
                    p.destroyForcibly();
                    p.waitFor();
                    kills++;
                    midWrite += writingACheckpoint(killed) ? 1 : 0;
                    continue;
                }
            }
            assertTrue(p.waitFor(5, TimeUnit.MINUTES));
            assertEquals(0, p.exitValue(), Files.readString(log));
            break;
        }
        System.out.println("KillResumeTest, " + variant + ": " + kills + " kills, " + midWrite + " of them mid-write (a temporary "
                + "file left behind), " + resumes + " resumes");
        assertEquals(KILLS, kills, "every kill landed before the run ended");
        assertTrue(midWrite >= 1, "at least one kill left half a checkpoint behind (" + midWrite + " of " + kills + ")");
        assertTrue(resumes >= KILLS - 1, "the run was resumed after every kill but the first (" + resumes + ")");

        assertEquals(names(whole), names(killed), "the same files, no temporaries or second TensorBoard file");
        for (String name : List.of("episodes.csv", "model.safetensors", "learning_curve.png")) {
            assertArrayEquals(Files.readAllBytes(whole.resolve(name)), Files.readAllBytes(killed.resolve(name)), name);
        }
        assertEquals(withoutLastColumn(whole.resolve("metrics.csv")), withoutLastColumn(killed.resolve("metrics.csv")),
                "metrics.csv but for the steps per second");
        assertEquals(Files.readString(whole.resolve("config.json")).replace(whole.toString(), "DIR"),
                Files.readString(killed.resolve("config.json")).replace(killed.toString(), "DIR"));
        assertEquals(summaryWithoutTimes(whole), summaryWithoutTimes(killed));
        assertEquals(Files.size(events(whole)), Files.size(events(killed)), "as many TensorBoard records, of the same sizes");
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).map(n -> n.startsWith(TensorBoardWriter.PREFIX) ? TensorBoardWriter.PREFIX : n)
                    .sorted().collect(Collectors.toList());
        }
    }

    private static Path events(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(TensorBoardWriter.PREFIX)).findFirst().orElseThrow();
        }
    }

    private static List<String> withoutLastColumn(Path csv) throws IOException {
        return Files.readAllLines(csv, StandardCharsets.UTF_8).stream().map(l -> l.substring(0, l.lastIndexOf(','))).collect(Collectors.toList());
    }

    private static Map<String, Object> summaryWithoutTimes(Path dir) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = new TreeMap<>((Map<String, Object>) Json.read(Files.readString(dir.resolve("summary.json"))));
        summary.remove("wall_seconds");
        summary.remove("sps");
        summary.remove("seconds_by_phase");
        return summary;
    }
}
