package deepq4j.envs.minatar;

import deepq4j.envs.NumpyGenerator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * MinAtar Seaquest. The player's submarine (two cells: front and back, which give its heading)
 * moves in rows 0 to 8 and fires bullets from its front. Enemy fish and enemy submarines enter from
 * the sides in rows 1 to 8 (at most one per row; a third are submarines, which fire too); +1 for each
 * one shot. Divers cross the screen and are picked up by touching them, up to 6. Oxygen (200 frames)
 * runs down below the surface. Surfacing with divers refills it and drops one diver, or with all 6
 * drops all of them and pays +1 per remaining tenth of oxygen; every surfacing speeds the enemies up.
 * The episode ends when the player is touched by an enemy or an enemy bullet, runs out of oxygen, or
 * surfaces with no diver. Channels: sub front, sub back, friendly bullet, trail, enemy bullet, enemy
 * fish, enemy sub, oxygen gauge, diver gauge, diver.
 */
public final class Seaquest extends MinAtarGame {
    private static final int RAMP_INTERVAL = 100;
    private static final int MAX_OXYGEN = 200;
    private static final int INITIAL_SPAWN_SPEED = 20;
    private static final int DIVER_SPAWN_SPEED = 30;
    private static final int INITIAL_MOVE_INTERVAL = 5;
    private static final int SHOT_COOL_DOWN = 5;
    private static final int ENEMY_SHOT_INTERVAL = 10;
    private static final int DIVER_MOVE_INTERVAL = 5;
    private static final int MAX_DIVERS = 6;

    /** Anything that moves sideways: bullets, fish, enemy subs and divers. */
    private static final class Mover {
        int column;
        final int row;
        final boolean right;
        int moveTimer;
        int shotTimer;

        Mover(int column, int row, boolean right, int moveTimer, int shotTimer) {
            this.column = column;
            this.row = row;
            this.right = right;
            this.moveTimer = moveTimer;
            this.shotTimer = shotTimer;
        }

        void move() {
            column += right ? 1 : -1;
        }

        boolean offGrid() {
            return column < 0 || column >= SIZE;
        }

        boolean at(int c, int r) {
            return column == c && row == r;
        }
    }

    private final List<Mover> bullets = new ArrayList<>();
    private final List<Mover> enemyBullets = new ArrayList<>();
    private final List<Mover> fish = new ArrayList<>();
    private final List<Mover> subs = new ArrayList<>();
    private final List<Mover> divers = new ArrayList<>();
    private int oxygen;
    private int diverCount;
    private int column;
    private int row;
    private boolean facingRight;
    private int spawnSpeed;
    private int spawnTimer;
    private int diverSpawnTimer;
    private int moveSpeed;
    private int rampIndex;
    private int shotTimer;
    private boolean surfaced;

    /** Seaquest with MinAtar's defaults. */
    public Seaquest() {
        this(MinAtarOptions.DEFAULT);
    }

    public Seaquest(MinAtarOptions options) {
        super("MinAtar/Seaquest",
                new String[] {"sub_front", "sub_back", "friendly_bullet", "trail", "enemy_bullet", "enemy_fish", "enemy_sub",
                    "oxygen_gauge", "diver_gauge", "diver"},
                new int[] {NOOP, LEFT, UP, RIGHT, DOWN, FIRE}, options);
    }

    @Override
    protected void begin(NumpyGenerator random) {
        oxygen = MAX_OXYGEN;
        diverCount = 0;
        column = 5;
        row = 0;
        facingRight = false;
        bullets.clear();
        enemyBullets.clear();
        fish.clear();
        subs.clear();
        divers.clear();
        spawnSpeed = INITIAL_SPAWN_SPEED;
        spawnTimer = spawnSpeed;
        diverSpawnTimer = DIVER_SPAWN_SPEED;
        moveSpeed = INITIAL_MOVE_INTERVAL;
        rampIndex = 0;
        shotTimer = 0;
        surfaced = true;
    }

    @Override
    protected int act(int action, NumpyGenerator random) {
        int reward = 0;
        if (spawnTimer == 0) {
            spawnEnemy(random);
            spawnTimer = spawnSpeed;
        }
        if (diverSpawnTimer == 0) {
            spawnDiver(random);
            diverSpawnTimer = DIVER_SPAWN_SPEED;
        }

        if (action == FIRE && shotTimer == 0) {
            shotTimer = SHOT_COOL_DOWN;
            bullets.add(new Mover(column, row, facingRight, 0, 0));
        } else if (action == LEFT) {
            column = Math.max(0, column - 1);
            facingRight = false;
        } else if (action == RIGHT) {
            column = Math.min(SIZE - 1, column + 1);
            facingRight = true;
        } else if (action == UP) {
            row = Math.max(0, row - 1);
        } else if (action == DOWN) {
            row = Math.min(8, row + 1);
        }

        // The player's bullets fly one cell and hit a fish or, failing that, a sub.
        for (int i = bullets.size() - 1; i >= 0; i--) {
            Mover bullet = bullets.get(i);
            bullet.move();
            if (bullet.offGrid()) {
                bullets.remove(i);
            } else if (removeAt(fish, bullet) || removeAt(subs, bullet)) {
                bullets.remove(i);
                reward++;
            }
        }

        // Divers drift and are picked up by touching them, while there is room.
        for (int i = divers.size() - 1; i >= 0; i--) {
            Mover diver = divers.get(i);
            if (diver.at(column, row) && diverCount < MAX_DIVERS) {
                divers.remove(i);
                diverCount++;
            } else if (diver.moveTimer == 0) {
                diver.moveTimer = DIVER_MOVE_INTERVAL;
                diver.move();
                if (diver.offGrid()) {
                    divers.remove(i);
                } else if (diver.at(column, row) && diverCount < MAX_DIVERS) {
                    divers.remove(i);
                    diverCount++;
                }
            } else {
                diver.moveTimer--;
            }
        }

        // Enemy subs move, can be hit by a bullet where they arrive, and fire along their heading.
        for (int i = subs.size() - 1; i >= 0; i--) {
            Mover sub = subs.get(i);
            if (sub.at(column, row)) {
                endEpisode();
            }
            if (sub.moveTimer == 0) {
                sub.moveTimer = moveSpeed;
                sub.move();
                if (sub.offGrid()) {
                    subs.remove(i);
                    continue;
                } else if (sub.at(column, row)) {
                    endEpisode();
                } else if (hitByBullet(sub)) {
                    subs.remove(i);
                    reward++;
                    continue;
                }
            } else {
                sub.moveTimer--;
            }
            if (sub.shotTimer == 0) {
                sub.shotTimer = ENEMY_SHOT_INTERVAL;
                enemyBullets.add(new Mover(sub.column, sub.row, sub.right, 0, 0));
            } else {
                sub.shotTimer--;
            }
        }

        // Enemy bullets fly one cell a frame.
        for (int i = enemyBullets.size() - 1; i >= 0; i--) {
            Mover bullet = enemyBullets.get(i);
            if (bullet.at(column, row)) {
                endEpisode();
            }
            bullet.move();
            if (bullet.offGrid()) {
                enemyBullets.remove(i);
            } else if (bullet.at(column, row)) {
                endEpisode();
            }
        }

        // Fish move like subs but do not shoot.
        for (int i = fish.size() - 1; i >= 0; i--) {
            Mover f = fish.get(i);
            if (f.at(column, row)) {
                endEpisode();
            }
            if (f.moveTimer == 0) {
                f.moveTimer = moveSpeed;
                f.move();
                if (f.offGrid()) {
                    fish.remove(i);
                } else if (f.at(column, row)) {
                    endEpisode();
                } else if (hitByBullet(f)) {
                    fish.remove(i);
                    reward++;
                }
            } else {
                f.moveTimer--;
            }
        }

        // Oxygen runs down under water; coming up refills it if a diver is on board.
        if (row > 0) {
            oxygen--;
            surfaced = false;
        } else if (!surfaced) {
            if (diverCount == 0) {
                endEpisode();
            } else {
                reward += surface();
            }
        }
        if (oxygen < 0) {
            endEpisode();
        }

        if (shotTimer > 0) {
            shotTimer--;
        }
        if (spawnTimer > 0) {
            spawnTimer--;
        }
        if (diverSpawnTimer > 0) {
            diverSpawnTimer--;
        }
        return reward;
    }

    /** Surfacing: all six divers pay the oxygen bonus, fewer cost one diver; oxygen refills and enemies speed up. */
    private int surface() {
        surfaced = true;
        int reward = 0;
        if (diverCount == MAX_DIVERS) {
            diverCount = 0;
            reward = oxygen * 10 / MAX_OXYGEN;
        } else {
            diverCount--;
        }
        oxygen = MAX_OXYGEN;
        if (ramping && (spawnSpeed > 1 || moveSpeed > 2)) {
            if (moveSpeed > 2 && rampIndex % 2 == 1) {
                moveSpeed--;
            }
            if (spawnSpeed > 1) {
                spawnSpeed--;
            }
            rampIndex++;
        }
        return reward;
    }

    /** Removes the first of {@code movers} in the bullet's cell; true if there was one. */
    private static boolean removeAt(List<Mover> movers, Mover bullet) {
        for (Iterator<Mover> it = movers.iterator(); it.hasNext();) {
            if (it.next().at(bullet.column, bullet.row)) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    /** Removes the first player bullet in the enemy's cell; true if there was one. */
    private boolean hitByBullet(Mover enemy) {
        for (Iterator<Mover> it = bullets.iterator(); it.hasNext();) {
            if (it.next().at(enemy.column, enemy.row)) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    /** A fish or (a third of the time) a sub from a random side in a random row without an enemy. */
    private void spawnEnemy(NumpyGenerator random) {
        boolean fromLeft = coin(random);
        boolean isSub = random.random() < 1.0 / 3.0;
        int spawnRow = 1 + (int) random.integers(8);
        for (Mover m : subs) {
            if (m.row == spawnRow) {
                return;
            }
        }
        for (Mover m : fish) {
            if (m.row == spawnRow) {
                return;
            }
        }
        int spawnColumn = fromLeft ? 0 : SIZE - 1;
        if (isSub) {
            subs.add(new Mover(spawnColumn, spawnRow, fromLeft, moveSpeed, ENEMY_SHOT_INTERVAL));
        } else {
            fish.add(new Mover(spawnColumn, spawnRow, fromLeft, moveSpeed, 0));
        }
    }

    private void spawnDiver(NumpyGenerator random) {
        boolean fromLeft = coin(random);
        int spawnRow = 1 + (int) random.integers(8);
        divers.add(new Mover(fromLeft ? 0 : SIZE - 1, spawnRow, fromLeft, DIVER_MOVE_INTERVAL, 0));
    }

    @Override
    protected void draw(Grid grid) {
        grid.set(0, row, column);
        int back = Math.max(0, Math.min(SIZE - 1, facingRight ? column - 1 : column + 1));
        grid.set(1, row, back);
        for (int c = 0; c < oxygen * 10 / MAX_OXYGEN; c++) {
            grid.set(7, SIZE - 1, c);
        }
        for (int c = SIZE - 1 - diverCount; c < SIZE - 1; c++) {
            grid.set(8, SIZE - 1, c);
        }
        for (Mover b : bullets) {
            grid.set(2, b.row, b.column);
        }
        for (Mover b : enemyBullets) {
            grid.set(4, b.row, b.column);
        }
        drawWithTrail(grid, fish, 5);
        drawWithTrail(grid, subs, 6);
        drawWithTrail(grid, divers, 9);
    }

    private static void drawWithTrail(Grid grid, List<Mover> movers, int channel) {
        for (Mover m : movers) {
            grid.set(channel, m.row, m.column);
            grid.set(3, m.row, m.right ? m.column - 1 : m.column + 1);
        }
    }
}
