package deepq4j.envs.minatar;

import deepq4j.envs.NumpyGenerator;

/**
 * MinAtar Asterix. The player moves in the four directions between rows 1 and 8. Enemies and
 * treasure enter from the left or right edge, one per free row (a third of them treasure), and
 * cross the screen; +1 for touching treasure, and touching an enemy ends the episode. Objects spawn
 * every 10 frames and move every 5 at first; every 100 frames the spawning speeds up by a frame (to
 * 1) and every second time the movement too (to 1). Channels: player, enemy, trail (the cell behind
 * each moving object, which gives its direction), gold.
 */
public final class Asterix extends MinAtarGame {
    private static final int RAMP_INTERVAL = 100;
    private static final int INITIAL_SPAWN_SPEED = 10;
    private static final int INITIAL_MOVE_INTERVAL = 5;
    private static final int ROWS = 8;

    /** Per row slot (row slot + 1): whether an object is there, its column, direction and kind. */
    private final boolean[] present = new boolean[ROWS];
    private final int[] column = new int[ROWS];
    private final boolean[] movingRight = new boolean[ROWS];
    private final boolean[] gold = new boolean[ROWS];
    private int playerRow;
    private int playerColumn;
    private int spawnSpeed;
    private int spawnTimer;
    private int moveSpeed;
    private int moveTimer;
    private int rampTimer;
    private int rampIndex;

    /** Asterix with MinAtar's defaults. */
    public Asterix() {
        this(MinAtarOptions.DEFAULT);
    }

    public Asterix(MinAtarOptions options) {
        super("MinAtar/Asterix", new String[] {"player", "enemy", "trail", "gold"}, new int[] {NOOP, LEFT, UP, RIGHT, DOWN}, options);
    }

    @Override
    protected void begin(NumpyGenerator random) {
        playerRow = 5;
        playerColumn = 5;
        java.util.Arrays.fill(present, false);
        spawnSpeed = INITIAL_SPAWN_SPEED;
        spawnTimer = spawnSpeed;
        moveSpeed = INITIAL_MOVE_INTERVAL;
        moveTimer = moveSpeed;
        rampTimer = RAMP_INTERVAL;
        rampIndex = 0;
    }

    @Override
    protected int act(int action, NumpyGenerator random) {
        int reward = 0;
        if (spawnTimer == 0) {
            spawn(random);
            spawnTimer = spawnSpeed;
        }

        if (action == LEFT) {
            playerColumn = Math.max(0, playerColumn - 1);
        } else if (action == RIGHT) {
            playerColumn = Math.min(SIZE - 1, playerColumn + 1);
        } else if (action == UP) {
            playerRow = Math.max(1, playerRow - 1);
        } else if (action == DOWN) {
            playerRow = Math.min(ROWS, playerRow + 1);
        }

        // The player may have walked into an object.
        for (int slot = 0; slot < ROWS; slot++) {
            reward += touch(slot);
        }
        if (moveTimer == 0) {
            moveTimer = moveSpeed;
            for (int slot = 0; slot < ROWS; slot++) {
                if (present[slot]) {
                    column[slot] += movingRight[slot] ? 1 : -1;
                    if (column[slot] < 0 || column[slot] >= SIZE) {
                        present[slot] = false;
                    }
                    reward += touch(slot);
                }
            }
        }

        spawnTimer--;
        moveTimer--;
        if (ramping && (spawnSpeed > 1 || moveSpeed > 1)) {
            if (rampTimer >= 0) {
                rampTimer--;
            } else {
                if (moveSpeed > 1 && rampIndex % 2 == 1) {
                    moveSpeed--;
                }
                if (spawnSpeed > 1) {
                    spawnSpeed--;
                }
                rampIndex++;
                rampTimer = RAMP_INTERVAL;
            }
        }
        return reward;
    }

    /** Resolves the player meeting the object in a slot: treasure is collected (+1), an enemy ends the episode. */
    private int touch(int slot) {
        if (!present[slot] || column[slot] != playerColumn || slot + 1 != playerRow) {
            return 0;
        }
        if (gold[slot]) {
            present[slot] = false;
            return 1;
        }
        endEpisode();
        return 0;
    }

    /** A new enemy or treasure in a random free row, entering from a random side. */
    private void spawn(NumpyGenerator random) {
        boolean fromLeft = coin(random);
        boolean isGold = random.random() < 1.0 / 3.0;
        int free = 0;
        for (boolean p : present) {
            free += p ? 0 : 1;
        }
        if (free == 0) {
            return;
        }
        int pick = (int) random.integers(free);
        for (int slot = 0; slot < ROWS; slot++) {
            if (!present[slot] && pick-- == 0) {
                present[slot] = true;
                column[slot] = fromLeft ? 0 : SIZE - 1;
                movingRight[slot] = fromLeft;
                gold[slot] = isGold;
                return;
            }
        }
    }

    @Override
    protected void draw(Grid grid) {
        grid.set(0, playerRow, playerColumn);
        for (int slot = 0; slot < ROWS; slot++) {
            if (present[slot]) {
                int row = slot + 1;
                grid.set(gold[slot] ? 3 : 1, row, column[slot]);
                grid.set(2, row, column[slot] + (movingRight[slot] ? -1 : 1));
            }
        }
    }
}
