package deepq4j.envs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every recording in the test resources (golden/, from Gymnasium 1.4) replayed through Envs.make: the same seed gives Gymnasium's
 * first observation, the recorded actions give Gymnasium's observations bit for bit (float32
 * equality, no tolerance), and the same rewards, terminations and truncations.
 *
 * <p>One exception, Acrobot's cos and sin observations (elements 0-3): they are held to 1 float32
 * ulp. Its dynamics call cos and sin about 12,000 times an episode; Java's are correctly rounded
 * there, while glibc's (which Gymnasium's Python used) are off by a double ulp on rare arguments.
 * The state then drifts by a few double ulps, which surfaces in float32 twice in the 5,000
 * observations of one recording (seed 1, random policy, steps 456 and 462) and nowhere else;
 * the angular velocities, rewards and terminations all match exactly.
 */
class GoldenReplayTest {

    private static void assertSameFloats(float[] expected, float[] actual, String where) {
        assertSameFloats(expected, actual, where, 0);
    }

    /** Exact equality, except that the first {@code ulpElements} elements may be 1 float32 ulp apart. */
    private static void assertSameFloats(float[] expected, float[] actual, String where, int ulpElements) {
        if (expected.length != actual.length) {
            fail(where + ": " + actual.length + " values, expected " + expected.length);
        }
        for (int i = 0; i < expected.length; i++) {
            if (i < ulpElements && Math.abs(expected[i] - actual[i]) <= Math.ulp(expected[i])) {
                continue;
            }
            if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i])) {
                fail(where + ", element " + i + ": " + actual[i] + " but Gymnasium gave " + expected[i]
                        + " (" + Math.abs(actual[i] - expected[i]) / Math.ulp(expected[i]) + " ulp)");
            }
        }
    }

    @TestFactory
    List<DynamicTest> trajectories() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode episode : Golden.lines("classic_control_trajectories.jsonl")) {
            String id = episode.get("env_id").asText();
            long seed = episode.get("seed").asLong();
            String name = id + " seed " + seed + " " + episode.get("policy").asText();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Env env = Envs.make(id);
                int trigElements = id.startsWith("Acrobot") ? 4 : 0;
                assertSameFloats(Golden.floats(episode.get("initial_obs")), env.reset(seed), name + ", reset");
                int t = 0;
                for (JsonNode step : episode.get("steps")) {
                    Step s = env.step(step.get("action").asInt());
                    String where = name + ", step " + t++;
                    assertSameFloats(Golden.floats(step.get("obs")), s.observation(), where, trigElements);
                    assertEquals(step.get("reward").asDouble(), s.reward(), 0.0, where + " reward");
                    assertEquals(step.get("terminated").asBoolean(), s.terminated(), where + " terminated");
                    assertEquals(step.get("truncated").asBoolean(), s.truncated(), where + " truncated");
                }
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> seededStreams() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode line : Golden.lines("classic_control_streams.jsonl")) {
            String id = line.get("env_id").asText();
            long seed = line.get("seed").asLong();
            tests.add(DynamicTest.dynamicTest(id + " seed " + seed, () -> {
                Env env = Envs.make(id);
                env.actionSpace().seed(seed);
                JsonNode samples = line.get("action_samples");
                for (int i = 0; i < samples.size(); i++) {
                    assertEquals(samples.get(i).asInt(), env.actionSpace().sample(), id + " seed " + seed + ", action sample " + i);
                }
                JsonNode resets = line.get("consecutive_resets");
                assertSameFloats(Golden.floats(resets.get(0)), env.reset(seed), id + " reset(seed)");
                for (int i = 1; i < resets.size(); i++) {
                    assertSameFloats(Golden.floats(resets.get(i)), env.reset(), id + " reset() number " + i);
                }
            }));
        }
        return tests;
    }

    @Test
    void allRecordingsAreThere() throws IOException {
        assertEquals(40, Golden.lines("classic_control_trajectories.jsonl").size());
        assertEquals(20, Golden.lines("classic_control_streams.jsonl").size());
    }
}
