package deepq4j.envs.minatar;

import deepq4j.envs.Box;
import deepq4j.envs.Discrete;
import deepq4j.envs.NumpyGenerator;
import deepq4j.envs.SeededEnv;
import deepq4j.envs.Step;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * A MinAtar game (Young and Tian 2019): a miniature Atari game on a 10x10 grid whose observation has
 * one 0/1 channel per kind of object. What all five games share lives here: the action set, sticky
 * actions, the observation and the picture. The rules of each game live in its own class.
 *
 * <p>Observations are channel-first, [channels, 10, 10], the layout PyTorch's conv layers take (the
 * MinAtar DQN example permutes MinAtar's [10, 10, channels] state into it before its network).
 */
public abstract class MinAtarGame extends SeededEnv {
    /** The grid's side. */
    public static final int SIZE = 10;
    /** The full action set, MinAtar's order: no-op, left, up, right, down, fire. */
    static final int NOOP = 0, LEFT = 1, UP = 2, RIGHT = 3, DOWN = 4, FIRE = 5;
    private static final String[] ACTION_NAMES = {"NOOP", "LEFT", "UP", "RIGHT", "DOWN", "FIRE"};

    private final String[] channelNames;
    private final int[] actionSet;
    private final double stickyActionProbability;
    /** Whether the game speeds up as it goes on (MinAtar's difficulty ramping, on by default). */
    protected final boolean ramping;
    private NumpyGenerator random;
    private int lastAction;
    private boolean over;

    /**
     * @param name the game's name, for messages
     * @param channelNames one name per observation channel, in channel order
     * @param minimalActionSet the game's minimal actions (indices into the full set)
     * @param options how the game is configured
     */
    protected MinAtarGame(String name, String[] channelNames, int[] minimalActionSet, MinAtarOptions options) {
        super(name, new Discrete(options.minimalActionSet() ? minimalActionSet.length : ACTION_NAMES.length),
                new Box(0f, 1f, channelNames.length, SIZE, SIZE));
        this.channelNames = channelNames.clone();
        this.actionSet = options.minimalActionSet() ? minimalActionSet.clone() : new int[] {NOOP, LEFT, UP, RIGHT, DOWN, FIRE};
        this.stickyActionProbability = options.stickyActionProbability();
        this.ramping = options.ramping();
    }

    /** The names of the observation's channels, in order. */
    public final String[] channelNames() {
        return channelNames.clone();
    }

    /** The name of each action of the action space, e.g. [NOOP, LEFT, RIGHT] for minimal Breakout. */
    public final String[] actionNames() {
        String[] names = new String[actionSet.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = ACTION_NAMES[actionSet[i]];
        }
        return names;
    }

    @Override
    protected final float[] start(NumpyGenerator random) {
        this.random = random;
        lastAction = NOOP;
        over = false;
        begin(random);
        return observation();
    }

    @Override
    protected final Step advance(int action) {
        if (isOver()) {
            throw new IllegalStateException(getClass().getSimpleName() + ": the episode has ended; call reset()");
        }
        int move = actionSet[action];
        // Sticky actions: with this probability the game repeats the previous action instead, so a
        // policy cannot replay a memorised sequence of inputs (Machado et al. 2018, as MinAtar).
        if (random.random() < stickyActionProbability) {
            move = lastAction;
        }
        lastAction = move;
        double reward = act(move, random);
        return new Step(observation(), reward, isOver(), false, Map.of());
    }

    /** Sets up a new episode. */
    protected abstract void begin(NumpyGenerator random);

    /** Plays one frame with an action of the full set; returns the reward. */
    protected abstract int act(int action, NumpyGenerator random);

    /** Ends the episode at the end of the current frame (the game's termination rule has been met). */
    protected final void endEpisode() {
        over = true;
    }

    /** True once the episode has ended. */
    protected final boolean isOver() {
        return over;
    }

    /** Marks the objects of the current frame: {@code grid.set(channel, row, column)}. */
    protected abstract void draw(Grid grid);

    /** The observation of the current frame, [channels, 10, 10] of 0 and 1. */
    final float[] observation() {
        Grid grid = new Grid(channelNames.length);
        draw(grid);
        return grid.cells;
    }

    /** The channels of one frame, filled by {@link #draw}. */
    protected static final class Grid {
        private final float[] cells;

        private Grid(int channels) {
            cells = new float[channels * SIZE * SIZE];
        }

        /** Marks an object of kind {@code channel} at (row, column); cells off the grid are ignored. */
        public void set(int channel, int row, int column) {
            if (row >= 0 && row < SIZE && column >= 0 && column < SIZE) {
                cells[(channel * SIZE + row) * SIZE + column] = 1f;
            }
        }
    }

    /** The colours of the channels' cells in pictures: a qualitative palette, later channels drawn on top. */
    private static final Color[] PALETTE = {
        new Color(0x4e79a7), new Color(0xf28e2b), new Color(0xbab0ac), new Color(0x59a14f), new Color(0xedc948),
        new Color(0xb07aa1), new Color(0xff9da7), new Color(0x9c755f), new Color(0x76b7b2), new Color(0xe15759),
    };

    /** Cells as squares of this many pixels, on black. */
    private static final int CELL = 16;

    @Override
    protected final BufferedImage picture() {
        float[] cells = observation();
        BufferedImage image = new BufferedImage(SIZE * CELL, SIZE * CELL, BufferedImage.TYPE_INT_RGB);
        int channels = channelNames.length;
        for (int row = 0; row < SIZE; row++) {
            for (int column = 0; column < SIZE; column++) {
                int rgb = 0;
                // The last channel present wins, so objects (ball, player) show over the trails and gauges listed before them.
                for (int c = 0; c < channels; c++) {
                    if (cells[(c * SIZE + row) * SIZE + column] != 0f) {
                        rgb = PALETTE[c % PALETTE.length].getRGB();
                    }
                }
                for (int y = 0; y < CELL; y++) {
                    for (int x = 0; x < CELL; x++) {
                        image.setRGB(column * CELL + x, row * CELL + y, rgb);
                    }
                }
            }
        }
        return image;
    }

    /** Uniform choice between two values, as {@code random.choice([a, b])}. */
    static boolean coin(NumpyGenerator random) {
        return random.integers(2) == 0;
    }
}
