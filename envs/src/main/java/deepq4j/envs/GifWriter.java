package deepq4j.envs;

import deepq4j.io.AtomicFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes frames as a looping animated GIF with the JDK's own GIF writer (javax.imageio, no
 * extra dependency): each frame carries a graphic-control extension with its delay, and the first
 * the NETSCAPE2.0 extension that makes viewers loop. The file is written through {@link AtomicFile},
 * so an interrupted run never leaves half a GIF.
 */
public final class GifWriter {
    private GifWriter() {
    }

    /** Writes {@code frames} to {@code path}, {@code fps} frames per second. */
    public static void write(List<BufferedImage> frames, Path path, int fps) throws IOException {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("GifWriter: no frames to write");
        }
        if (fps < 1 || fps > 100) {
            throw new IllegalArgumentException("GifWriter: fps must be in 1..100, got " + fps);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        // Encoded in memory (no ImageIO cache file that a crash could leave), written atomically.
        AtomicFile.write(path, stream -> {
            try (ImageOutputStream out = new MemoryCacheImageOutputStream(stream)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            int delay = Math.max(1, Math.round(100f / fps)); // GIF delays are in hundredths of a second
            for (int i = 0; i < frames.size(); i++) {
                BufferedImage frame = frames.get(i);
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), null);
                String format = meta.getNativeMetadataFormatName();
                IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
                IIOMetadataNode control = child(root, "GraphicControlExtension");
                control.setAttribute("disposalMethod", "none");
                control.setAttribute("userInputFlag", "FALSE");
                control.setAttribute("transparentColorFlag", "FALSE");
                control.setAttribute("delayTime", Integer.toString(delay));
                control.setAttribute("transparentColorIndex", "0");
                if (i == 0) {
                    IIOMetadataNode apps = child(root, "ApplicationExtensions");
                    IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
                    loop.setAttribute("applicationID", "NETSCAPE");
                    loop.setAttribute("authenticationCode", "2.0");
                    loop.setUserObject(new byte[] {1, 0, 0}); // sub-block 1: loop count 0 = forever
                    apps.appendChild(loop);
                }
                meta.setFromTree(format, root);
                writer.writeToSequence(new IIOImage(frame, null, meta), null);
            }
            writer.endWriteSequence();
            } finally {
                writer.dispose();
            }
        });
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
