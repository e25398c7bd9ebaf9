package deepq4j.dqn.run;

import static deepq4j.dqn.DamagedFiles.header;
import static deepq4j.dqn.DamagedFiles.replace;
import static deepq4j.dqn.DamagedFiles.withHeader;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import deepq4j.dqn.DamagedFiles.Damage;
import deepq4j.dqn.DamagedFiles;
import deepq4j.dqn.QNetworks;
import deepq4j.nn.Module;
import deepq4j.tensor.Generator;
import deepq4j.tensor.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Damaged and doctored model files, as a disk, a download or a person can make them: each is
 * loaded the way {@code deepq4j eval} loads it, and either loads correctly (the same weights as
 * the tensors the file holds) or is refused with one line that names the file, as an
 * IllegalArgumentException (exit 2) or IOException (exit 1), never another exception or an
 * Error, and without building a network larger than the file.
 */
class ModelFileFuzzTest {
    private static final int[] OBSERVATIONS = {4};
    private static final int ACTIONS = 2;
    /** Outcome counts per case, printed when the class is done (the closing note of issue 17 quotes them). */
    private static final Map<String, AtomicInteger> OUTCOMES = new ConcurrentHashMap<>();
    private static byte[] valid;

    /** A small CartPole model (4 -> 8 -> 2), written by ModelFile as train writes it. */
    private static synchronized byte[] valid() throws IOException {
        if (valid == null) {
            Module q = QNetworks.build(QNetworks.Kind.mlp, OBSERVATIONS, new int[] {8}, ACTIONS, false, new Generator(7));
            Path f = Files.createTempFile("fuzz-model", ".safetensors");
            ModelFile.save(q, new ModelFile.Description("CartPole-v1", OBSERVATIONS, ACTIONS, QNetworks.Kind.mlp, new int[] {8}, false), f);
            valid = Files.readAllBytes(f);
            Files.delete(f);
        }
        return valid.clone();
    }

    @Provide
    Arbitrary<Damage> damaged() throws IOException {
        byte[] v = valid();
        String h = header(v);
        Arbitrary<Damage> length = Arbitraries.of(-1L, Long.MIN_VALUE, Long.MAX_VALUE, 0L, 1L, 100_000_001L, (long) v.length, 1L << 40)
                .map(n -> {
                    byte[] b = v.clone();
                    ByteBuffer.wrap(b, 0, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(n);
                    return new Damage("header length set to a huge, negative or wrong number", b);
                });
        Arbitrary<Damage> invalidUtf8 = Arbitraries.of(0x80, 0xc0, 0xff, 0xfe).map(bad -> {
            byte[] header = h.getBytes(StandardCharsets.UTF_8);
            int at = h.indexOf("CartPole");
            header[at] = (byte) (int) bad;
            return new Damage("invalid UTF-8 in the header", withHeader(v, header));
        });
        Arbitrary<Damage> metadata = Arbitraries.of(
                replace(h, "\"hidden\":\"8\"", "\"hidden\":\"400000000,84\""),
                replace(h, "\"hidden\":\"8\"", "\"hidden\":\"100000000,84\""),
                replace(h, "\"hidden\":\"8\"", "\"hidden\":\"-8\""),
                replace(h, "\"hidden\":\"8\"", "\"hidden\":\"8,\""),
                replace(h, "\"hidden\":\"8\"", "\"hidden\":\"16\""),
                replace(h, "\"dueling\":\"false\"", "\"dueling\":\"maybe\""),
                replace(h, "\"dueling\":\"false\"", "\"dueling\":\"true\""),
                replace(h, "\"dueling\":\"false\"", "\"duelling\":\"false\""),
                replace(h, "\"dueling\":\"false\"", "\"dueling\":false"),
                replace(h, "\"actions\":\"2\"", "\"actions\":\"0\""),
                replace(h, "\"actions\":\"2\"", "\"actions\":\"99999999999\""),
                replace(h, "\"network\":\"mlp\"", "\"network\":\"resnet\""),
                replace(h, "\"network\":\"mlp\"", "\"network\":\"nature\""),
                replace(h, "\"observation_shape\":\"4\"", "\"observation_shape\":\"\""),
                replace(h, "\"format\":\"" + ModelFile.FORMAT + "\"", "\"format\":\"deepq4j.qnetwork/0\""),
                replace(h, "\"env_id\":\"CartPole-v1\",", "")
        ).map(header -> new Damage("doctored metadata", withHeader(v, header)));
        Arbitrary<Damage> tensors = Arbitraries.of(
                replace(h, "\"dtype\":\"F32\"", "\"dtype\":\"I64\""),
                replace(h, "\"dtype\":\"F32\"", "\"dtype\":\"F16\""),
                replace(h, "\"shape\":[8,4]", "\"shape\":[4,8]"),
                replace(h, "\"shape\":[8,4]", "\"shape\":[8,4,1]"),
                replace(h, "\"shape\":[8,4]", "\"shape\":[-8,4]"),
                replace(h, "\"shape\":[8,4]", "\"shape\":[2147483648,4]"),
                replace(h, "\"shape\":[8,4]", "\"shape\":[65536,65536]"),
                replace(h, "\"0.weight\"", "\"0.weights\""),
                replace(h, "\"0.weight\":", "\"extra\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]},\"0.weight\":"),
                replace(h, "\"data_offsets\":[0,128]", "\"data_offsets\":[0,12800000000]")
        ).map(header -> new Damage("wrong dtypes, shapes, names or offsets", withHeader(v, header)));
        return Arbitraries.oneOf(DamagedFiles.anywhere(v), length, invalidUtf8, metadata, tensors);
    }

    @Property(tries = 400)
    void aDamagedModelLoadsCorrectlyOrIsRefusedWithOneLineNamingTheFile(@ForAll("damaged") Damage damage) throws IOException {
        Path file = Files.createTempFile("fuzz-model", ".safetensors");
        try {
            Files.write(file, damage.bytes());
            String outcome;
            try {
                Module q = ModelFile.load(file, OBSERVATIONS, ACTIONS);
                // A load must give the very numbers in the file.
                Map<String, Tensor> inFile = deepq4j.nn.Safetensors.load(file);
                for (Map.Entry<String, Tensor> e : q.stateDict().entrySet()) {
                    assertArrayEquals(inFile.get(e.getKey()).toArray(), e.getValue().toArray(), e.getKey());
                }
                outcome = "loaded";
            } catch (IllegalArgumentException | IOException e) {
                String m = e.getMessage();
                assertTrue(m != null && m.contains(file.toString()), damage + ": the message does not name the file: " + m);
                assertFalse(m.contains("\n"), damage + ": more than one line: " + m);
                outcome = "refused (" + (e instanceof IOException ? "exit 1" : "exit 2") + ")";
            } catch (RuntimeException | Error e) {
                fail(damage + ": " + e, e);
                return;
            }
            OUTCOMES.computeIfAbsent(damage.kind() + ": " + outcome, k -> new AtomicInteger()).incrementAndGet();
        } finally {
            Files.delete(file);
        }
    }

    @Property(tries = 1)
    void theValidFileLoads() throws IOException {
        Path file = Files.createTempFile("fuzz-model", ".safetensors");
        try {
            Files.write(file, valid());
            Module q = ModelFile.load(file, OBSERVATIONS, ACTIONS);
            assertEquals(4 * 8 + 8 + 8 * 2 + 2, q.parameters().stream().mapToLong(p -> p.data().numel()).sum());
        } finally {
            Files.delete(file);
        }
    }

    @AfterContainer
    static void printOutcomes() {
        StringBuilder b = new StringBuilder("ModelFileFuzzTest outcomes:\n");
        new TreeMap<>(OUTCOMES).forEach((k, v) -> b.append(String.format("  %5d  %s%n", v.get(), k)));
        System.out.print(b);
    }
}
