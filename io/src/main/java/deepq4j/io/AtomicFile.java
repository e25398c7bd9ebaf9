package deepq4j.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Writes a file whole or not at all, as a crash or a {@code kill -9} can come at any moment.
 *
 * <p>The bytes go to a temporary file beside the target ({@code .NAME.<16 hex digits>.tmp}, on
 * the same file system so that the rename is atomic), which is flushed and fsynced; then it is
 * renamed over the target, and the directory is fsynced so that the rename itself survives a
 * power cut. A reader sees the old file or the new one, never half of one. A process killed
 * mid-write leaves its temporary file behind; {@link #removeStale} deletes such leftovers, and
 * the run directories call it when a run starts or resumes.
 */
public final class AtomicFile {
    /** The temporary files of this class: a dot, the target's name, 16 hex digits, ".tmp". */
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.[0-9a-f]{16}\\.tmp");
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFile() {
    }

    /** What writes the content of the file, to a buffered stream. */
    @FunctionalInterface
    public interface Content {
        /** Writes the whole content to {@code out}; the caller flushes and closes it. */
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code bytes} to {@code path} atomically. */
    public static void write(Path path, byte[] bytes) throws IOException {
        write(path, out -> out.write(bytes));
    }

    /** Writes {@code text} as UTF-8 to {@code path} atomically. */
    public static void write(Path path, String text) throws IOException {
        write(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes what {@code content} produces to {@code path} atomically (parent directories are created). */
    public static void write(Path path, Content content) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        byte[] suffix = new byte[8];
        RANDOM.nextBytes(suffix);
        Path tmp = dir.resolve("." + path.getFileName() + "." + HexFormat.of().formatHex(suffix) + ".tmp");
        boolean renamed = false;
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
            renamed = true;
            syncDirectory(dir);
        } finally {
            if (!renamed) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Forces a file's content (written through some other stream) to disk. */
    public static void sync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /**
     * Forces a directory's entries (a rename, a new file) to disk. POSIX systems allow it; where
     * a directory cannot be opened (Windows), the rename is already durable and nothing is done.
     */
    public static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            if (Files.isDirectory(dir) && !System.getProperty("os.name", "").startsWith("Windows")) {
                throw e instanceof IOException ? (IOException) e : new IOException(e);
            }
        }
    }

    /** Whether {@code file}'s name is that of a temporary file of this class. */
    public static boolean isTemporary(Path file) {
        return TEMPORARY.matcher(file.getFileName().toString()).matches();
    }

    /**
     * Deletes the temporary files this class left in {@code dir} (not in its subdirectories) when
     * a process was killed mid-write, and returns how many there were. Nobody else may be writing
     * into {@code dir} at the time: their temporary files would go too.
     */
    public static int removeStale(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, AtomicFile::isTemporary)) {
            for (Path p : entries) {
                if (Files.isRegularFile(p) && Files.deleteIfExists(p)) {
                    removed++;
                }
            }
        }
        return removed;
    }
}
