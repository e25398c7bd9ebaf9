package deepq4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void writesTheWholeContentAndLeavesOnlyTheTarget() throws IOException {
        Path target = dir.resolve("sub").resolve("model.safetensors");
        byte[] big = new byte[300_000]; // larger than the stream's buffer
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        AtomicFile.write(target, big);
        assertArrayEquals(big, Files.readAllBytes(target));
        AtomicFile.write(target, "replaced");
        assertEquals("replaced", Files.readString(target, StandardCharsets.UTF_8));
        try (Stream<Path> s = Files.list(target.getParent())) {
            assertEquals(List.of("model.safetensors"), s.map(p -> p.getFileName().toString()).collect(Collectors.toList()));
        }
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndRemovesItsTemporary() throws IOException {
        Path target = dir.resolve("summary.json");
        AtomicFile.write(target, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(target, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("summary.json"), names());
    }

    @Test
    void staleTemporariesOfKilledWritesAreRecognisedAndRemoved() throws IOException {
        Files.writeString(dir.resolve(".checkpoint.safetensors.0123456789abcdef.tmp"), "half a checkpoint");
        Files.writeString(dir.resolve(".model.safetensors.fedcba9876543210.tmp"), "half a model");
        Files.writeString(dir.resolve("notes.tmp"), "the user's");
        Files.writeString(dir.resolve(".model.safetensors.tmp"), "not ours: no random part");
        Files.writeString(dir.resolve("episodes.csv"), "step,return,length\n");
        Files.createDirectories(dir.resolve("videos"));
        Files.writeString(dir.resolve("videos").resolve(".step_1.gif.00000000000000aa.tmp"), "in a subdirectory");
        assertTrue(AtomicFile.isTemporary(Path.of(".checkpoint.safetensors.0123456789abcdef.tmp")));
        assertFalse(AtomicFile.isTemporary(Path.of("notes.tmp")));
        assertEquals(2, AtomicFile.removeStale(dir));
        assertEquals(List.of(".model.safetensors.tmp", "episodes.csv", "notes.tmp", "videos"), names());
        assertEquals(1, AtomicFile.removeStale(dir.resolve("videos")));
        assertEquals(0, AtomicFile.removeStale(dir.resolve("no-such-directory")));
    }

    @Test
    void syncForcesFilesAndDirectories() throws IOException {
        Path file = dir.resolve("metrics.csv");
        Files.writeString(file, "step\n");
        AtomicFile.sync(file);
        AtomicFile.syncDirectory(dir);
        assertEquals("step\n", Files.readString(file));
    }
}
