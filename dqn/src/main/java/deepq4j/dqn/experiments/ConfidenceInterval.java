package deepq4j.dqn.experiments;

import deepq4j.dqn.Statistics;

/**
 * The mean of a small sample and its 95% confidence interval, mean +- t * s / sqrt(n), with
 * Student's t quantile for n - 1 degrees of freedom (seaborn's and the course's band over seeds;
 * with 5 seeds t is 2.776, not the 1.96 of large samples).
 */
public record ConfidenceInterval(double mean, double low, double high, int n) {
    /** t(0.975, df) for df = 1 to 30; above that the normal 1.96 is within 2%. */
    private static final double[] T975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179,
        2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045,
        2.042};

    /** The interval of {@code values}; one value gives a band of zero width. */
    public static ConfidenceInterval of(double[] values) {
        int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException("ConfidenceInterval: no values");
        }
        double mean = Statistics.mean(values);
        if (n == 1) {
            return new ConfidenceInterval(mean, mean, mean, 1);
        }
        double sampleStd = Statistics.sampleStd(values);
        double half = tQuantile975(n - 1) * sampleStd / Math.sqrt(n);
        return new ConfidenceInterval(mean, mean - half, mean + half, n);
    }

    /** Student's t quantile at 0.975 for {@code df} degrees of freedom. */
    static double tQuantile975(int df) {
        return df <= T975.length ? T975[df - 1] : 1.96;
    }
}
