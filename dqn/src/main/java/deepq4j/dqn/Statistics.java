package deepq4j.dqn;

/**
 * The mean and spread of a sample, written once for greedy evaluation, random-policy statistics
 * and the confidence bands over seeds. Sums run left to right, so a sample gives the same bits
 * wherever it is summarised.
 */
public final class Statistics {
    private Statistics() {
    }

    /** The mean; NaN for no values. */
    public static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return x.length == 0 ? Double.NaN : s / x.length;
    }

    /** The population standard deviation, sqrt(sum (x - mean)^2 / n), as numpy's std; NaN for no values. */
    static double std(double[] x) {
        return x.length == 0 ? Double.NaN : Math.sqrt(squaredDeviations(x, mean(x)) / x.length);
    }

    /** The sample standard deviation, with n - 1 (Bessel's correction), for at least two values. */
    public static double sampleStd(double[] x) {
        if (x.length < 2) {
            throw new IllegalArgumentException("Statistics.sampleStd: needs two values, got " + x.length);
        }
        return Math.sqrt(squaredDeviations(x, mean(x)) / (x.length - 1));
    }

    private static double squaredDeviations(double[] x, double mean) {
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return ss;
    }

    /** Element i is the mean of elements max(0, i - window + 1) to i: the smoothing of learning curves. */
    public static double[] movingMean(double[] values, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("a moving mean needs a window of at least 1, got " + window);
        }
        double[] out = new double[values.length];
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[i];
            if (i >= window) {
                sum -= values[i - window];
            }
            out[i] = sum / Math.min(i + 1, window);
        }
        return out;
    }
}
