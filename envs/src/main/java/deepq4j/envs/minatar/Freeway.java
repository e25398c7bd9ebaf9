package deepq4j.envs.minatar;

import deepq4j.envs.NumpyGenerator;

/**
 * MinAtar Freeway. A chicken in column 4 crosses eight lanes of traffic from the bottom row to the
 * top; it can move up or down only once every 3 frames. +1 for each crossing, after which the chicken
 * starts again at the bottom and the cars get new random speeds. A car hitting the chicken sends it
 * back to the bottom. Each lane has one car moving left or right once every 1 to 5 frames and
 * wrapping round at the edges. The episode ends after 2,500 frames. Channels: chicken, car, and five
 * trail channels, one per car speed, marking the cell behind each car (which gives its direction).
 */
public final class Freeway extends MinAtarGame {
    private static final int CHICKEN_COLUMN = 4;
    private static final int BOTTOM = SIZE - 1;
    private static final int PLAYER_SPEED = 3;
    private static final int TIME_LIMIT = 2500;
    private static final int LANES = 8;

    /** Per lane (row lane + 1): the car's column, frames until it moves, and frames per move signed by direction. */
    private final int[] carColumn = new int[LANES];
    private final int[] carTimer = new int[LANES];
    private final int[] carSpeed = new int[LANES];
    private int chickenRow;
    private int moveTimer;
    private int framesLeft;

    /** Freeway with MinAtar's defaults. */
    public Freeway() {
        this(MinAtarOptions.DEFAULT);
    }

    public Freeway(MinAtarOptions options) {
        super("MinAtar/Freeway",
                new String[] {"chicken", "car", "speed1", "speed2", "speed3", "speed4", "speed5"},
                new int[] {NOOP, UP, DOWN}, options);
    }

    @Override
    protected void begin(NumpyGenerator random) {
        chickenRow = BOTTOM;
        moveTimer = PLAYER_SPEED;
        framesLeft = TIME_LIMIT;
        java.util.Arrays.fill(carColumn, 0);
        randomizeCars(random);
    }

    /** New speeds for every car: 1 to 5 frames per move, in a random direction; positions stay. */
    private void randomizeCars(NumpyGenerator random) {
        int[] frames = new int[LANES];
        for (int lane = 0; lane < LANES; lane++) {
            frames[lane] = 1 + (int) random.integers(5);
        }
        for (int lane = 0; lane < LANES; lane++) {
            int direction = coin(random) ? -1 : 1;
            carSpeed[lane] = frames[lane] * direction;
            carTimer[lane] = frames[lane];
        }
    }

    @Override
    protected int act(int action, NumpyGenerator random) {
        int reward = 0;
        if (action == UP && moveTimer == 0) {
            moveTimer = PLAYER_SPEED;
            chickenRow = Math.max(0, chickenRow - 1);
        } else if (action == DOWN && moveTimer == 0) {
            moveTimer = PLAYER_SPEED;
            chickenRow = Math.min(BOTTOM, chickenRow + 1);
        }

        if (chickenRow == 0) {
            reward++;
            randomizeCars(random);
            chickenRow = BOTTOM;
        }

        for (int lane = 0; lane < LANES; lane++) {
            int row = lane + 1;
            if (carColumn[lane] == CHICKEN_COLUMN && row == chickenRow) {
                chickenRow = BOTTOM;
            }
            if (carTimer[lane] == 0) {
                carTimer[lane] = Math.abs(carSpeed[lane]);
                carColumn[lane] = Math.floorMod(carColumn[lane] + Integer.signum(carSpeed[lane]), SIZE);
                if (carColumn[lane] == CHICKEN_COLUMN && row == chickenRow) {
                    chickenRow = BOTTOM;
                }
            } else {
                carTimer[lane]--;
            }
        }

        if (moveTimer > 0) {
            moveTimer--;
        }
        framesLeft--;
        if (framesLeft < 0) {
            endEpisode();
        }
        return reward;
    }

    @Override
    protected void draw(Grid grid) {
        grid.set(0, chickenRow, CHICKEN_COLUMN);
        for (int lane = 0; lane < LANES; lane++) {
            int row = lane + 1;
            grid.set(1, row, carColumn[lane]);
            int behind = Math.floorMod(carColumn[lane] - Integer.signum(carSpeed[lane]), SIZE);
            grid.set(1 + Math.abs(carSpeed[lane]), row, behind);
        }
    }
}
