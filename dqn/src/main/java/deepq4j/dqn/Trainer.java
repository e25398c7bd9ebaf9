package deepq4j.dqn;

import java.io.IOException;
import java.nio.file.Path;

/** What `train` runs: the DQN family's replay loop ({@link DqnTrainer}) or PQN's rollouts ({@link PqnTrainer}). */
public interface Trainer {
    /** The trainer of {@code config}'s algorithm, built (and the configuration validated). */
    static Trainer of(DqnConfig config) {
        return config.algorithm == DqnConfig.Algorithm.pqn ? new PqnTrainer(config) : new DqnTrainer(config);
    }

    /** Trains for the configured steps, reporting to {@code log} and {@code progress} (may be null). */
    DqnTrainer.Result train(TrainingLog log, ProgressBar progress) throws IOException;

    /** The observation shape of one environment. */
    int[] observationShape();

    /** The number of actions. */
    int actions();

    /** The architecture of the Q-network. */
    QNetworks.Kind network();

    /** The network's last layer and layer options, as a model file records them. */
    QNetworks.Head head();

    /** Loads a checkpoint this configuration wrote, so that {@link #train} goes on from it. */
    void restore(Path checkpoint) throws IOException;
}
