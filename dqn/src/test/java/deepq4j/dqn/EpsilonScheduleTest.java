package deepq4j.dqn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The two epsilon schedules, against their formulas. */
class EpsilonScheduleTest {

    @Test
    void linearFallsOverTheFractionThenStays() {
        EpsilonSchedule s = EpsilonSchedule.linear(1.0, 0.05, 250_000); // CleanRL: 0.5 of 500k
        assertEquals(1.0, s.epsilon(0, 0), 1e-12);
        assertEquals(0.525, s.epsilon(125_000, 0), 1e-12);
        assertEquals(0.05, s.epsilon(250_000, 0), 1e-12);
        assertEquals(0.05, s.epsilon(400_000, 0), 1e-12);
        assertEquals(0.05, EpsilonSchedule.linear(1.0, 0.05, 0).epsilon(0, 0), 1e-12, "no exploration phase");
    }

    @Test
    void exponentialDecaysPerEpisodeToAFloor() {
        EpsilonSchedule s = EpsilonSchedule.exponential(1.0, 0.1, 0.9);
        assertEquals(1.0, s.epsilon(1000, 0), 1e-12);
        assertEquals(0.81, s.epsilon(1000, 2), 1e-12);
        assertEquals(0.1, s.epsilon(0, 100), 1e-12);
    }
}
