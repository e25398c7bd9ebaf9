package deepq4j.dqn;

import deepq4j.dqn.run.RunDirectory;
import deepq4j.nn.Module;
import java.io.IOException;
import java.util.Map;

/** Where a training run reports what happens; {@link RunDirectory} writes it to files, tests may collect it. */
public interface TrainingLog {
    /** An episode ended at {@code step} with this return and length. */
    void episode(long step, double episodicReturn, int length) throws IOException;

    /** Training scalars at {@code step}: the TD loss, the mean Q(s, a) of the batch, epsilon and steps per second. */
    void metrics(long step, double tdLoss, double meanQ, double epsilon, double sps) throws IOException;

    /** A chance to record a video of the current network (with --capture-video). */
    default void video(long step, Module q) throws IOException {
    }

    /**
     * Writes out everything logged so far and returns each file's length in bytes, so that a
     * checkpoint can return the files to this point ({@link RunDirectory#reopen}).
     */
    default Map<String, Long> flush() throws IOException {
        return Map.of();
    }

    /** A log that passes everything to {@code first}, then to {@code second} (a listener such as a sweep's pruning). */
    static TrainingLog tee(TrainingLog first, TrainingLog second) {
        return new TrainingLog() {
            @Override
            public void episode(long step, double episodicReturn, int length) throws IOException {
                first.episode(step, episodicReturn, length);
                second.episode(step, episodicReturn, length);
            }

            @Override
            public void metrics(long step, double tdLoss, double meanQ, double epsilon, double sps) throws IOException {
                first.metrics(step, tdLoss, meanQ, epsilon, sps);
                second.metrics(step, tdLoss, meanQ, epsilon, sps);
            }

            @Override
            public void video(long step, Module q) throws IOException {
                first.video(step, q);
                second.video(step, q);
            }

            @Override
            public Map<String, Long> flush() throws IOException {
                Map<String, Long> lengths = new java.util.LinkedHashMap<>(first.flush());
                lengths.putAll(second.flush());
                return lengths;
            }
        };
    }

    /** A log that keeps nothing. */
    TrainingLog NONE = new TrainingLog() {
        @Override
        public void episode(long step, double episodicReturn, int length) {
        }

        @Override
        public void metrics(long step, double tdLoss, double meanQ, double epsilon, double sps) {
        }
    };
}
