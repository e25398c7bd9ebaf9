package deepq4j.envs;

import java.awt.image.BufferedImage;

/**
 * Replaces the observation with the picture {@code render()} draws, as Gymnasium's
 * {@code AddRenderObservation(render_only=True)}: [3, height, width] of RGB values 0 to 255, channel
 * first, so an agent learns from pixels instead of the state vector.
 */
public final class RenderObservation extends ObservationWrapper {
    private final int height;
    private final int width;
    private final Box space;

    /** Pixels of {@code env}, whose pictures are {@code width} x {@code height} (CartPole's are 600 x 400). */
    public RenderObservation(Env env, int height, int width) {
        super(env);
        this.height = height;
        this.width = width;
        this.space = new Box(0f, 255f, 3, height, width);
    }

    @Override
    protected float[] observation(float[] ignored) {
        BufferedImage image = env.render();
        if (image.getHeight() != height || image.getWidth() != width) {
            throw new IllegalStateException("RenderObservation: expected " + width + "x" + height + " pictures, the environment drew "
                    + image.getWidth() + "x" + image.getHeight());
        }
        float[] pixels = new float[3 * height * width];
        int plane = height * width;
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int rgb = row[x];
                int at = y * width + x;
                pixels[at] = (rgb >> 16) & 0xff;
                pixels[plane + at] = (rgb >> 8) & 0xff;
                pixels[2 * plane + at] = rgb & 0xff;
            }
        }
        return pixels;
    }

    @Override
    public Box observationSpace() {
        return space;
    }
}
