package deepq4j.dqn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepq4j.dqn.DqnConfig;
import deepq4j.dqn.DqnTrainer;
import deepq4j.dqn.ProbeTrainingTest;
import deepq4j.dqn.TrainingLog;
import deepq4j.dqn.cli.CommandLineRun.Outcome;
import deepq4j.dqn.run.TensorBoardWriter;
import deepq4j.io.Json;
import deepq4j.opencl.RequiresOpenCl;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as CONTRACT.md fixes it, the run directory it writes, and its errors. */
class CommandLineTest {
    @TempDir
    Path tmp;

    private static Outcome run(String... args) {
        return CommandLineRun.run(args);
    }

    private String[] shortRun(Path dir, String... extra) {
        List<String> args = new ArrayList<>(List.of("train", "--env-id", "CartPole-v1", "--seed", "3", "--total-timesteps", "3000",
                "--learning-starts", "500", "--buffer-size", "1000", "--batch-size", "32", "--train-frequency", "2",
                "--target-network-frequency", "100", "--eval-episodes", "3", "--log-interval", "50", "--no-progress",
                "--out", dir.toString()));
        args.addAll(Arrays.asList(extra));
        return args.toArray(new String[0]);
    }

    @Test
    void trainWritesEveryFileOfTheRunDirectory() throws Exception {
        Path dir = tmp.resolve("run");
        Outcome o = run(shortRun(dir));
        assertEquals(0, o.status(), o.err());
        for (String f : new String[] {"config.json", "episodes.csv", "metrics.csv", "learning_curve.png", "model.safetensors", "summary.json"}) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) Json.read(Files.readString(dir.resolve("summary.json")));
        for (String key : new String[] {"env_id", "seed", "total_timesteps", "wall_seconds", "sps", "eval_episodes", "eval_return_mean",
                "eval_return_std"}) {
            assertTrue(summary.containsKey(key), "summary.json lacks " + key);
        }
        assertEquals("CartPole-v1", summary.get("env_id"));
        assertEquals(3000.0, ((Number) summary.get("total_timesteps")).doubleValue());
        assertEquals(3.0, ((Number) summary.get("eval_episodes")).doubleValue());
        List<String> metrics = Files.readAllLines(dir.resolve("metrics.csv"));
        assertEquals("step,td_loss,mean_q,epsilon,sps", metrics.get(0));
        assertTrue(metrics.size() > 10, "a row every 50 steps once training started");
        assertEquals("step,return,length", Files.readAllLines(dir.resolve("episodes.csv")).get(0));
        // eval reads the model back
        Outcome eval = run("eval", "--model", dir.resolve("model.safetensors").toString(), "--episodes", "2");
        assertEquals(0, eval.status(), eval.err());
        assertTrue(eval.out().contains("CartPole-v1 over 2 episodes: mean return"), eval.out());
    }

    @Test
    void captureVideoWritesGifsDuringTrainingAndEvaluation() throws Exception {
        Path dir = tmp.resolve("video");
        assertEquals(0, run(shortRun(dir, "--capture-video", "--video-interval", "1000")).status());
        for (String f : new String[] {"step_1000.gif", "step_2000.gif", "step_3000.gif"}) {
            Path gif = dir.resolve("videos").resolve(f);
            assertTrue(Files.size(gif) > 0, f);
            assertEquals("GIF89a", new String(Files.readAllBytes(gif), 0, 6, StandardCharsets.US_ASCII));
        }
        Outcome eval = run("eval", "--model", dir.resolve("model.safetensors").toString(), "--episodes", "2", "--capture-video");
        assertEquals(0, eval.status(), eval.err());
        assertTrue(Files.size(dir.resolve("videos-eval").resolve("episode_1.gif")) > 0);
    }

    @Test
    void theTensorBoardFileHoldsCleanRlsTagsWithValidChecksums() throws Exception {
        Path dir = tmp.resolve("tb");
        assertEquals(0, run(shortRun(dir)).status());
        Path events;
        try (Stream<Path> files = Files.list(dir)) {
            events = files.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents.")).findFirst().orElseThrow();
        }
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(events)).order(ByteOrder.LITTLE_ENDIAN);
        List<String> records = new ArrayList<>();
        while (buf.hasRemaining()) {
            byte[] len = new byte[8];
            buf.get(len);
            assertEquals(TensorBoardWriter.maskedCrc(len), buf.getInt(), "length checksum");
            byte[] data = new byte[(int) ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getLong()];
            buf.get(data);
            assertEquals(TensorBoardWriter.maskedCrc(data), buf.getInt(), "data checksum");
            records.add(new String(data, StandardCharsets.ISO_8859_1));
        }
        assertTrue(records.get(0).contains("brain.Event:2"));
        for (String tag : new String[] {"charts/episodic_return", "losses/td_loss", "losses/q_values", "charts/SPS", "charts/epsilon"}) {
            assertTrue(records.stream().anyMatch(r -> r.contains(tag)), "no event tagged " + tag);
        }
    }

    @Test
    void sameSeedSameEpisodes() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, run(shortRun(a, "--threads", "1")).status());
        assertEquals(0, run(shortRun(b, "--threads", "2")).status());
        assertEquals(Files.readAllLines(a.resolve("episodes.csv")), Files.readAllLines(b.resolve("episodes.csv")),
                "the kernels give the same bits on any thread count, so the runs match");
        assertArrayEquals(Files.readAllBytes(a.resolve("model.safetensors")), Files.readAllBytes(b.resolve("model.safetensors")));
    }

    @RequiresOpenCl
    @Test
    void sameSeedSameEpisodesOnTheOpenClDevice() throws Exception {
        Path a = tmp.resolve("cl-a");
        Path b = tmp.resolve("cl-b");
        assertEquals(0, run(shortRun(a, "--device", "opencl")).status());
        assertEquals(0, run(shortRun(b, "--device", "opencl:0")).status());
        assertTrue(Files.readString(a.resolve("config.json")).contains("\"device\": \"opencl\""));
        assertEquals(Files.readAllLines(a.resolve("episodes.csv")), Files.readAllLines(b.resolve("episodes.csv")),
                "every kernel adds in a fixed order, so a device repeats its runs bit for bit");
        assertArrayEquals(Files.readAllBytes(a.resolve("model.safetensors")), Files.readAllBytes(b.resolve("model.safetensors")));
        Outcome eval = run("eval", "--model", a.resolve("model.safetensors").toString(), "--episodes", "2");
        assertEquals(0, eval.status(), eval.err());
    }

    @RequiresOpenCl
    @Test
    void devicesListsTheCpuAndTheOpenClDevices() {
        Outcome o = run("devices");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().startsWith("cpu "), o.out());
        assertTrue(o.out().contains("opencl:0 "), o.out());
        Outcome missing = run("train", "--device", "opencl:99", "--total-timesteps", "10");
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("no OpenCL device opencl:99"), missing.err());
    }

    @Test
    void invalidFlagsExitWithStatus2NamingTheFlag() {
        String[][] cases = {
            {"train", "--learning-rate", "-1"},
            {"train", "--gamma", "1.5"},
            {"train", "--batch-size", "abc"},
            {"train", "--env-id", "NoSuchEnv-v0"},
            {"train", "--no-such-flag"},
            {"train", "--loss", "cubic"},
            {"train", "--device", "cuda"},
        };
        String[] named = {"--learning-rate", "--gamma", "--batch-size", "--env-id", "--no-such-flag", "--loss", "--device"};
        for (int i = 0; i < cases.length; i++) {
            Outcome o = run(cases[i]);
            assertEquals(2, o.status(), String.join(" ", cases[i]));
            assertTrue(o.err().contains(named[i]), "the message names " + named[i] + ": " + o.err());
        }
        Outcome unknown = run("frobnicate");
        assertEquals(2, unknown.status());
    }

    @Test
    void evalNamesAMissingOrMismatchedModel() throws Exception {
        Outcome missing = run("eval", "--model", tmp.resolve("nothing.safetensors").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("no such file"), missing.err());
        Path dir = tmp.resolve("cp");
        assertEquals(0, run(shortRun(dir)).status());
        Outcome mismatch = run("eval", "--model", dir.resolve("model.safetensors").toString(), "--env-id", "Acrobot-v1");
        assertEquals(2, mismatch.status());
        assertTrue(mismatch.err().contains("does not fit"), mismatch.err());
        Outcome byDirectory = run("eval", "--model", dir.toString(), "--episodes", "1");
        assertEquals(0, byDirectory.status(), "a run directory names its model.safetensors: " + byDirectory.err());
        Files.createDirectories(tmp.resolve("empty"));
        Outcome empty = run("eval", "--model", tmp.resolve("empty").toString());
        assertEquals(2, empty.status());
        assertTrue(empty.err().contains("a directory with no model.safetensors"), empty.err());
        Path foreign = tmp.resolve("foreign.safetensors");
        deepq4j.nn.Safetensors.save(Map.of("w", deepq4j.tensor.Tensor.zeros(2)), Map.of(), foreign);
        Outcome notOurs = run("eval", "--model", foreign.toString());
        assertEquals(2, notOurs.status());
        assertTrue(notOurs.err().contains("not a deepq4j Q-network"), notOurs.err());
    }

    @Test
    void evalPlaysACheckpointsNetworkWithTheEnvironmentsArguments() throws Exception {
        Path dir = tmp.resolve("along");
        assertEquals(0, run(shortRun(dir)).status());
        // A finished run removes its checkpoint; one that dies keeps it: this one diverges once it learns.
        Path died = tmp.resolve("died");
        String[] diverging = shortRun(died, "--checkpoint-interval", "200", "--learning-rate", "1e30");
        assertEquals(1, run(diverging).status());
        Path checkpoint = died.resolve("checkpoint.safetensors");
        Outcome model = run("eval", "--model", dir.toString(), "--episodes", "3");
        Outcome along = run("eval", "--model", dir.toString(), "--episodes", "3", "--checkpoint", checkpoint.toString());
        assertEquals(0, along.status(), along.err());
        assertTrue(along.out().contains("CartPole-v1 over 3 episodes: mean return"), along.out());
        assertNotEquals(model.out(), along.out(), "the checkpoint's network is not the trained model's");

        Outcome minatar = run("eval", "--model", dir.toString(), "--episodes", "1", "--env-id", "MinAtar/Breakout-v1",
                "--env-kwarg", "sticky_action_prob=0");
        assertEquals(2, minatar.status(), "a CartPole model does not fit Breakout: " + minatar.err());
        String[][] bad = {{"--env-kwarg", "gravity=abc"}, {"--env-kwarg", "no_such_argument=1"},
            {"--checkpoint", tmp.resolve("none.safetensors").toString()}};
        String[] says = {"invalid value for --env-kwarg gravity: 'abc'", "takes no keyword argument no_such_argument", "no such file"};
        for (int i = 0; i < bad.length; i++) {
            Outcome o = run("eval", "--model", dir.toString(), "--episodes", "1", bad[i][0], bad[i][1]);
            assertEquals(2, o.status(), String.join(" ", bad[i]));
            assertTrue(o.err().contains(says[i]), o.err());
        }
        Outcome notACheckpoint = run("eval", "--model", dir.toString(), "--checkpoint", dir.resolve("model.safetensors").toString());
        assertNotEquals(0, notACheckpoint.status());
        assertTrue(notACheckpoint.err().contains("is not a deepq4j training checkpoint"), notACheckpoint.err());
        assertEquals(1, notACheckpoint.err().strip().lines().count(), "one line: " + notACheckpoint.err());
    }

    @Test
    void anInternalErrorIsOneLineWithItsTraceInAFile() throws Exception {
        Path dir = tmp.resolve("crashed");
        Files.createDirectories(dir);
        String line = ErrorReport.write(new NullPointerException("a bug"), dir, false);
        assertEquals("internal error (NullPointerException: a bug), a bug in deepq4j; the full trace is in " + dir.resolve("error.log")
                + " (--debug prints it)", line);
        assertTrue(Files.readString(dir.resolve("error.log")).contains("at deepq4j.dqn.cli.CommandLineTest"));
        String elsewhere = ErrorReport.write(new StackOverflowError(), null, true);
        assertTrue(elsewhere.contains("internal error (StackOverflowError)") && elsewhere.endsWith(" and below"), elsewhere);
        Files.delete(Path.of(elsewhere.substring(elsewhere.indexOf("is in ") + 6, elsewhere.length() - " and below".length())));
        Outcome debug = run("--debug", "envs");
        assertEquals(0, debug.status(), "--debug is taken anywhere on the line: " + debug.err());
    }

    @Test
    void progressFlagsHideAndShowTheBar() {
        for (Object[] c : new Object[][] {{new String[] {"--no-progress"}, false}, {new String[0], true}, {new String[] {"--progress"}, true}}) {
            TrainCommand train = new TrainCommand();
            new picocli.CommandLine(train).parseArgs((String[]) c[0]);
            assertEquals(c[1], train.config.progress, Arrays.toString((String[]) c[0]));
        }
    }

    @Test
    void divergenceStopsTheRunWithAMessage() {
        DqnConfig c = ProbeTrainingTest.probeConfig(1);
        c.learningRate = 1e38;
        DqnTrainer trainer = new DqnTrainer(c);
        DqnTrainer.DivergenceException e = assertThrows(DqnTrainer.DivergenceException.class,
                () -> trainer.train(TrainingLog.NONE, null));
        assertTrue(e.getMessage().contains("diverged"), e.getMessage());
    }

    @Test
    void helpListsEveryContractFlagWithItsDefault() {
        Outcome o = run("train", "--help");
        assertEquals(0, o.status());
        for (String flag : new String[] {"--env-id", "--seed", "--total-timesteps", "--learning-rate", "--buffer-size", "--gamma", "--tau",
                "--target-network-frequency", "--batch-size", "--start-e", "--end-e", "--exploration-fraction", "--learning-starts",
                "--train-frequency", "--out", "--eval-episodes"}) {
            assertTrue(o.out().contains(flag), flag);
        }
        assertTrue(o.out().contains("default: 500000") && o.out().contains("default: 2.5E-4"), o.out());
    }

    @Test
    void everyHelpPageFormatsWithoutPicocliWarnings() {
        // picocli formats descriptions with String.format: a bare % (as in "95% confidence") makes it
        // print the raw text and a warning on System.err, which Main's err stream does not catch.
        PrintStream systemErr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            // every subcommand Main registers, so one added later is covered too
            for (String command : new picocli.CommandLine(new Main()).getSubcommands().keySet()) {
                Outcome o = run(command, "--help");
                assertEquals(0, o.status(), command);
                assertTrue(o.out().contains("Usage:"), command + ": " + o.out());
                if (command.equals("compare")) {
                    assertTrue(o.out().contains("95% confidence"), o.out());
                }
            }
        } finally {
            System.setErr(systemErr);
        }
        assertEquals("", warnings.toString(StandardCharsets.UTF_8));
    }
}
