package deepq4j.envs.minatar;

import deepq4j.envs.NumpyGenerator;

/**
 * MinAtar Breakout. A paddle on the bottom row bounces a ball into three rows of bricks; +1 per
 * brick, and a new set of three rows once all are cleared and the ball comes back down. The ball
 * moves one cell diagonally per frame and is reflected by walls and bricks; the paddle sends it back
 * up, or straight back the way it came when the ball meets the paddle's corner. The episode ends
 * when the ball reaches the bottom row past the paddle. Channels: paddle, ball, trail (where the
 * ball was a frame ago, which shows its direction), brick.
 */
public final class Breakout extends MinAtarGame {
    private static final int PADDLE_ROW = SIZE - 1;
    /** Directions of the ball: (column step, row step) for up-left, up-right, down-right, down-left. */
    private static final int[] DX = {-1, 1, 1, -1};
    private static final int[] DY = {-1, -1, 1, 1};
    /** A direction turned by a horizontal wall (rows reversed), a vertical wall (columns reversed), or both. */
    private static final int[] FLIP_ROWS = {3, 2, 1, 0};
    private static final int[] FLIP_COLUMNS = {1, 0, 3, 2};
    private static final int[] REVERSE = {2, 3, 0, 1};

    private final boolean[][] bricks = new boolean[SIZE][SIZE];
    private int ballRow;
    private int ballColumn;
    private int direction;
    private int lastRow;
    private int lastColumn;
    private int paddle;
    /** Whether the ball broke a brick on the previous frame: it breaks at most one per two frames. */
    private boolean struck;

    /** Breakout with MinAtar's defaults. */
    public Breakout() {
        this(MinAtarOptions.DEFAULT);
    }

    public Breakout(MinAtarOptions options) {
        super("MinAtar/Breakout", new String[] {"paddle", "ball", "trail", "brick"}, new int[] {NOOP, LEFT, RIGHT}, options);
    }

    @Override
    protected void begin(NumpyGenerator random) {
        // The ball starts in row 3 at one side, heading down and inwards.
        ballRow = 3;
        if (coin(random)) {
            ballColumn = 0;
            direction = 2;
        } else {
            ballColumn = SIZE - 1;
            direction = 3;
        }
        paddle = 4;
        fillBricks();
        struck = false;
        lastRow = ballRow;
        lastColumn = ballColumn;
    }

    private void fillBricks() {
        for (boolean[] row : bricks) {
            java.util.Arrays.fill(row, false);
        }
        for (int row = 1; row <= 3; row++) {
            java.util.Arrays.fill(bricks[row], true);
        }
    }

    @Override
    protected int act(int action, NumpyGenerator random) {
        int reward = 0;
        if (action == LEFT) {
            paddle = Math.max(0, paddle - 1);
        } else if (action == RIGHT) {
            paddle = Math.min(SIZE - 1, paddle + 1);
        }

        lastRow = ballRow;
        lastColumn = ballColumn;
        int row = ballRow + DY[direction];
        int column = ballColumn + DX[direction];
        boolean strikeNow = false;
        if (column < 0 || column >= SIZE) {
            column = Math.max(0, Math.min(SIZE - 1, column));
            direction = FLIP_COLUMNS[direction];
        }
        if (row < 0) {
            row = 0;
            direction = FLIP_ROWS[direction];
        } else if (bricks[row][column]) {
            strikeNow = true;
            if (!struck) {
                reward++;
                struck = true;
                bricks[row][column] = false;
                row = lastRow;
                direction = FLIP_ROWS[direction];
            }
        } else if (row == PADDLE_ROW) {
            if (noBricksLeft()) {
                fillBricks();
            }
            if (ballColumn == paddle) {
                // Straight onto the paddle: bounce back up.
                direction = FLIP_ROWS[direction];
                row = lastRow;
            } else if (column == paddle) {
                // Onto the paddle's corner: back the way it came.
                direction = REVERSE[direction];
                row = lastRow;
            } else {
                endEpisode();
            }
        }
        if (!strikeNow) {
            struck = false;
        }
        ballRow = row;
        ballColumn = column;
        return reward;
    }

    private boolean noBricksLeft() {
        for (boolean[] row : bricks) {
            for (boolean b : row) {
                if (b) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    protected void draw(Grid grid) {
        grid.set(0, PADDLE_ROW, paddle);
        grid.set(1, ballRow, ballColumn);
        grid.set(2, lastRow, lastColumn);
        for (int row = 0; row < SIZE; row++) {
            for (int column = 0; column < SIZE; column++) {
                if (bricks[row][column]) {
                    grid.set(3, row, column);
                }
            }
        }
    }
}
