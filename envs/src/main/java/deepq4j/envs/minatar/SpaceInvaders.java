package deepq4j.envs.minatar;

import deepq4j.envs.NumpyGenerator;

/**
 * MinAtar Space Invaders. A cannon on the bottom row shoots upward at a block of aliens (4 rows of
 * 6) that marches sideways and steps down and turns at the edges; +1 per alien shot. The alien
 * nearest the cannon (the lowest one of the nearest column) fires back every 10 frames. Aliens march
 * every 12 frames, faster as fewer remain (never slower than one step per remaining alien), and each
 * new wave marches a frame faster than the last, down to every 6 frames. The episode ends when an
 * alien or an alien's bullet reaches the cannon, or an alien reaches the bottom row. Channels:
 * cannon, alien, alien moving left, alien moving right, the cannon's bullets, the aliens' bullets.
 */
public final class SpaceInvaders extends MinAtarGame {
    private static final int BOTTOM = SIZE - 1;
    private static final int SHOT_COOL_DOWN = 5;
    private static final int ALIEN_MOVE_INTERVAL = 12;
    private static final int FASTEST_WAVE_INTERVAL = 6;
    private static final int ALIEN_SHOT_INTERVAL = 10;

    private final boolean[][] aliens = new boolean[SIZE][SIZE];
    private final boolean[][] bullets = new boolean[SIZE][SIZE];
    private final boolean[][] alienBullets = new boolean[SIZE][SIZE];
    private int cannon;
    private int alienDirection;
    private int moveInterval;
    private int moveTimer;
    private int alienShotTimer;
    private int shotTimer;

    /** Space Invaders with MinAtar's defaults. */
    public SpaceInvaders() {
        this(MinAtarOptions.DEFAULT);
    }

    public SpaceInvaders(MinAtarOptions options) {
        super("MinAtar/SpaceInvaders",
                new String[] {"cannon", "alien", "alien_left", "alien_right", "friendly_bullet", "enemy_bullet"},
                new int[] {NOOP, LEFT, RIGHT, FIRE}, options);
    }

    @Override
    protected void begin(NumpyGenerator random) {
        cannon = 5;
        clear(bullets);
        clear(alienBullets);
        clear(aliens);
        newWave();
        alienDirection = -1;
        moveInterval = ALIEN_MOVE_INTERVAL;
        moveTimer = moveInterval;
        alienShotTimer = ALIEN_SHOT_INTERVAL;
        shotTimer = 0;
    }

    private void newWave() {
        for (int row = 0; row < 4; row++) {
            for (int column = 2; column < 8; column++) {
                aliens[row][column] = true;
            }
        }
    }

    @Override
    protected int act(int action, NumpyGenerator random) {
        if (action == FIRE && shotTimer == 0) {
            bullets[BOTTOM][cannon] = true;
            shotTimer = SHOT_COOL_DOWN;
        } else if (action == LEFT) {
            cannon = Math.max(0, cannon - 1);
        } else if (action == RIGHT) {
            cannon = Math.min(SIZE - 1, cannon + 1);
        }

        // The cannon's bullets fly up a row (off the top they are gone), the aliens' bullets down.
        shiftRows(bullets, -1);
        shiftRows(alienBullets, 1);
        if (alienBullets[BOTTOM][cannon]) {
            endEpisode();
        }

        if (aliens[BOTTOM][cannon]) {
            endEpisode();
        }
        if (moveTimer == 0) {
            moveTimer = Math.min(count(aliens), moveInterval);
            boolean atEdge = (alienDirection < 0 && anyInColumn(0)) || (alienDirection > 0 && anyInColumn(SIZE - 1));
            if (atEdge) {
                alienDirection = -alienDirection;
                if (anyInRow(BOTTOM)) {
                    endEpisode();
                }
                stepDown(aliens);
            } else {
                stepSideways(aliens, alienDirection);
            }
            if (aliens[BOTTOM][cannon]) {
                endEpisode();
            }
        }
        if (alienShotTimer == 0) {
            alienShotTimer = ALIEN_SHOT_INTERVAL;
            shootFromNearestAlien();
        }

        int reward = 0;
        for (int row = 0; row < SIZE; row++) {
            for (int column = 0; column < SIZE; column++) {
                if (aliens[row][column] && bullets[row][column]) {
                    aliens[row][column] = false;
                    bullets[row][column] = false;
                    reward++;
                }
            }
        }

        if (shotTimer > 0) {
            shotTimer--;
        }
        moveTimer--;
        alienShotTimer--;
        if (count(aliens) == 0) {
            // A new wave, a little faster than the last one.
            if (ramping && moveInterval > FASTEST_WAVE_INTERVAL) {
                moveInterval--;
            }
            newWave();
        }
        return reward;
    }

    /** The lowest alien of the column nearest the cannon (the left one of two at the same distance) fires. */
    private void shootFromNearestAlien() {
        for (int distance = 0; distance < SIZE; distance++) {
            for (int column : new int[] {cannon - distance, cannon + distance}) {
                if (column < 0 || column >= SIZE) {
                    continue;
                }
                for (int row = BOTTOM; row >= 0; row--) {
                    if (aliens[row][column]) {
                        alienBullets[row][column] = true;
                        return;
                    }
                }
            }
        }
    }

    /** Moves every cell by one row (-1 up, +1 down); what leaves the grid is gone. */
    private static void shiftRows(boolean[][] cells, int by) {
        if (by < 0) {
            for (int row = 0; row < BOTTOM; row++) {
                System.arraycopy(cells[row + 1], 0, cells[row], 0, SIZE);
            }
            java.util.Arrays.fill(cells[BOTTOM], false);
        } else {
            for (int row = BOTTOM; row > 0; row--) {
                System.arraycopy(cells[row - 1], 0, cells[row], 0, SIZE);
            }
            java.util.Arrays.fill(cells[0], false);
        }
    }

    /** The block steps down a row. (Aliens already on the bottom row have ended the episode.) */
    private static void stepDown(boolean[][] cells) {
        boolean[] bottom = cells[BOTTOM].clone();
        shiftRows(cells, 1);
        // As a roll of the grid: whatever was on the bottom row comes round to the top.
        System.arraycopy(bottom, 0, cells[0], 0, SIZE);
    }

    /** The block steps one column left (-1) or right (+1); it turns before reaching an edge, so nothing leaves the grid. */
    private static void stepSideways(boolean[][] cells, int by) {
        for (boolean[] row : cells) {
            boolean[] old = row.clone();
            for (int column = 0; column < SIZE; column++) {
                row[column] = old[Math.floorMod(column - by, SIZE)];
            }
        }
    }

    private boolean anyInColumn(int column) {
        for (boolean[] row : aliens) {
            if (row[column]) {
                return true;
            }
        }
        return false;
    }

    private boolean anyInRow(int row) {
        for (boolean b : aliens[row]) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    private static int count(boolean[][] cells) {
        int n = 0;
        for (boolean[] row : cells) {
            for (boolean b : row) {
                n += b ? 1 : 0;
            }
        }
        return n;
    }

    private static void clear(boolean[][] cells) {
        for (boolean[] row : cells) {
            java.util.Arrays.fill(row, false);
        }
    }

    @Override
    protected void draw(Grid grid) {
        grid.set(0, BOTTOM, cannon);
        int directionChannel = alienDirection < 0 ? 2 : 3;
        for (int row = 0; row < SIZE; row++) {
            for (int column = 0; column < SIZE; column++) {
                if (aliens[row][column]) {
                    grid.set(1, row, column);
                    grid.set(directionChannel, row, column);
                }
                if (bullets[row][column]) {
                    grid.set(4, row, column);
                }
                if (alienBullets[row][column]) {
                    grid.set(5, row, column);
                }
            }
        }
    }
}
