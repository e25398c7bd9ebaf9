package deepq4j.dqn.run;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * Writes scalars to a TensorBoard event file ({@code events.out.tfevents.<time>.<host>}), which
 * {@code tensorboard --logdir} reads, with no TensorFlow or protobuf library.
 *
 * <p>The file is a sequence of TFRecords: an 8-byte little-endian length, a masked CRC-32C of
 * those 8 bytes, the record, and a masked CRC-32C of the record. Each record is a serialized
 * {@code tensorflow.Event} protocol buffer: field 1 wall_time (double), 2 step (int64), 3
 * file_version (string, in the first event only) or 5 summary, a {@code Summary} whose repeated
 * field 1 holds {@code Value}s of tag (field 1) and simple_value (field 2, float).
 */
public final class TensorBoardWriter implements Closeable {
    /** How every event file's name begins, as TensorBoard looks for them. */
    public static final String PREFIX = "events.out.tfevents.";
    private final OutputStream out;
    private final Path path;

    /** Creates the event file in {@code directory}; the first event names the format version. */
    public TensorBoardWriter(Path directory) throws IOException {
        Files.createDirectories(directory);
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        path = directory.resolve(PREFIX + System.currentTimeMillis() / 1000 + "." + host);
        out = new BufferedOutputStream(Files.newOutputStream(path));
        ByteArrayOutputStream event = new ByteArrayOutputStream();
        wallTime(event);
        bytesField(event, 3, "brain.Event:2".getBytes(StandardCharsets.UTF_8));
        record(event.toByteArray());
        out.flush();
    }

    /** Continues the event file {@code file}, first cut back to {@code length} bytes (whole records written before a checkpoint). */
    public TensorBoardWriter(Path file, long length) throws IOException {
        path = file;
        truncate(file, length);
        out = new BufferedOutputStream(Files.newOutputStream(file, java.nio.file.StandardOpenOption.APPEND));
    }

    /** Cuts {@code file} to its first {@code length} bytes. */
    static void truncate(Path file, long length) throws IOException {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            if (ch.size() < length) {
                throw new IOException(file + " is shorter (" + ch.size() + " bytes) than when the checkpoint was written (" + length + ")");
            }
            ch.truncate(length);
        }
    }

    /** The event file. */
    public Path path() {
        return path;
    }

    /** Adds one scalar under {@code tag} at {@code step}. */
    public void scalar(String tag, double value, long step) throws IOException {
        ByteArrayOutputStream summaryValue = new ByteArrayOutputStream();
        bytesField(summaryValue, 1, tag.getBytes(StandardCharsets.UTF_8));
        tag(summaryValue, 2, 5);
        int bits = Float.floatToIntBits((float) value);
        for (int i = 0; i < 4; i++) {
            summaryValue.write(bits >>> (8 * i));
        }
        ByteArrayOutputStream summary = new ByteArrayOutputStream();
        bytesField(summary, 1, summaryValue.toByteArray());
        ByteArrayOutputStream event = new ByteArrayOutputStream();
        wallTime(event);
        tag(event, 2, 0);
        varint(event, step);
        bytesField(event, 5, summary.toByteArray());
        record(event.toByteArray());
    }

    /** Pushes buffered events to the file. */
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private void record(byte[] data) throws IOException {
        byte[] length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(data.length).array();
        out.write(length);
        writeInt(maskedCrc(length));
        out.write(data);
        writeInt(maskedCrc(data));
    }

    private void writeInt(int v) throws IOException {
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
    }

    /** TFRecord's CRC: CRC-32C, rotated right by 15 bits, plus a constant. */
    public static int maskedCrc(byte[] data) {
        CRC32C crc = new CRC32C();
        crc.update(data);
        int c = (int) crc.getValue();
        return ((c >>> 15) | (c << 17)) + 0xa282ead8;
    }

    private static void wallTime(ByteArrayOutputStream event) {
        tag(event, 1, 1);
        long bits = Double.doubleToLongBits(System.currentTimeMillis() / 1000.0);
        for (int i = 0; i < 8; i++) {
            event.write((int) (bits >>> (8 * i)));
        }
    }

    private static void bytesField(ByteArrayOutputStream s, int field, byte[] value) {
        tag(s, field, 2);
        varint(s, value.length);
        s.write(value, 0, value.length);
    }

    private static void tag(ByteArrayOutputStream s, int field, int wireType) {
        varint(s, (long) field << 3 | wireType);
    }

    private static void varint(ByteArrayOutputStream s, long v) {
        while ((v & ~0x7FL) != 0) {
            s.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        s.write((int) v);
    }
}
