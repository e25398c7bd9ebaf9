package deepq4j.dqn;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** The damage a disk, a download or a person does to a safetensors file, for the fuzz tests of models and checkpoints. */
public final class DamagedFiles {
    private DamagedFiles() {
    }

    /** One damaged file and the name of what was done to it (the fuzz tests count outcomes by it). */
    public record Damage(String kind, byte[] bytes) {
        @Override
        public String toString() {
            return kind + " (" + bytes.length + " bytes)";
        }
    }

    public static long headerLength(byte[] file) {
        return ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    /** The JSON header of a valid file. */
    public static String header(byte[] file) {
        return new String(file, 8, (int) headerLength(file), StandardCharsets.UTF_8);
    }

    /** A file with this header bytes (its length written in front) and the data of {@code file}. */
    public static byte[] withHeader(byte[] file, byte[] header) {
        int dataStart = 8 + (int) headerLength(file);
        ByteBuffer b = ByteBuffer.allocate(8 + header.length + file.length - dataStart).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(header.length).put(header).put(file, dataStart, file.length - dataStart);
        return b.array();
    }

    /** As above, the header padded with spaces to keep the data 8-byte aligned, as writers do. */
    public static byte[] withHeader(byte[] file, String header) {
        String trimmed = header.stripTrailing();
        trimmed += " ".repeat((8 - (8 + trimmed.getBytes(StandardCharsets.UTF_8).length) % 8) % 8);
        return withHeader(file, trimmed.getBytes(StandardCharsets.UTF_8));
    }

    /** Byte-level damage of any safetensors file: truncation, flipped bytes in the length, the header and the data, deep nesting. */
    public static Arbitrary<Damage> anywhere(byte[] v) {
        int headerEnd = 8 + (int) headerLength(v);
        Arbitrary<Damage> truncated = Arbitraries.integers().between(0, v.length - 1).map(n -> new Damage("truncated", Arrays.copyOf(v, n)));
        Arbitrary<Damage> lengthFlip = flips(v, 0, 7, "byte flipped in the header length");
        Arbitrary<Damage> headerFlip = flips(v, 8, headerEnd - 1, "byte flipped in the header");
        Arbitrary<Damage> dataFlip = flips(v, headerEnd, v.length - 1, "byte flipped in the data");
        Arbitrary<Damage> nesting = Arbitraries.integers().between(60, 200_000).map(depth -> new Damage("deeply nested header",
                withHeader(v, "{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}")));
        return Arbitraries.oneOf(truncated, lengthFlip, headerFlip, dataFlip, nesting);
    }

    private static Arbitrary<Damage> flips(byte[] v, int from, int to, String kind) {
        return Combinators.combine(Arbitraries.integers().between(from, to), Arbitraries.integers().between(1, 255)).as((at, mask) -> {
            byte[] b = v.clone();
            b[at] ^= (byte) (int) mask;
            return new Damage(kind, b);
        });
    }

    /** {@code header} with {@code what} replaced; the valid header must contain it. */
    public static String replace(String header, String what, String with) {
        if (!header.contains(what)) {
            throw new AssertionError("the valid header has no " + what + ": " + header);
        }
        return header.replace(what, with);
    }
}
