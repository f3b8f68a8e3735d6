package no.bosetting.introduction;

/**
 * A plain logistic regression, small enough to read in one sitting: P(y = 1 | x) = 1 / (1 + e^-(b + w·z)), where z is x
 * standardised with the training data's mean and standard deviation per feature, fitted by full-batch gradient
 * descent on the mean log-loss plus an L2 penalty {@code lambda/2 · |w|²} (the intercept is not penalised). Gradient
 * descent from zero on this convex loss is deterministic: the same data give the same model, no seed needed here (the
 * only randomness, the held-out split, is seeded in {@link OutcomeModels}).
 */
final class LogisticRegression {

    static final double LAMBDA = 0.01;
    static final int ITERATIONS = 1500;
    static final double LEARNING_RATE = 0.5;

    final double intercept;
    /** Coefficients on the standardised features: comparable with each other, as the model card shows them. */
    final double[] weights;
    final double[] means;
    final double[] scales;

    LogisticRegression(double intercept, double[] weights, double[] means, double[] scales) {
        this.intercept = intercept;
        this.weights = weights;
        this.means = means;
        this.scales = scales;
    }

    static LogisticRegression fit(double[][] x, int[] y) {
        int n = x.length;
        int k = x[0].length;
        double[] means = new double[k];
        double[] scales = new double[k];
        for (int j = 0; j < k; j++) {
            double sum = 0;
            for (double[] row : x) {
                sum += row[j];
            }
            means[j] = sum / n;
            double var = 0;
            for (double[] row : x) {
                var += (row[j] - means[j]) * (row[j] - means[j]);
            }
            double sd = Math.sqrt(var / n);
            scales[j] = sd > 1e-9 ? sd : 1.0;
        }
        double[][] z = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                z[i][j] = (x[i][j] - means[j]) / scales[j];
            }
        }
        double b = 0;
        double[] w = new double[k];
        for (int it = 0; it < ITERATIONS; it++) {
            double gb = 0;
            double[] gw = new double[k];
            for (int i = 0; i < n; i++) {
                double err = sigmoid(b + dot(w, z[i])) - y[i];
                gb += err;
                for (int j = 0; j < k; j++) {
                    gw[j] += err * z[i][j];
                }
            }
            b -= LEARNING_RATE * gb / n;
            for (int j = 0; j < k; j++) {
                w[j] -= LEARNING_RATE * (gw[j] / n + LAMBDA * w[j]);
            }
        }
        return new LogisticRegression(b, w, means, scales);
    }

    double predict(double[] x) {
        double s = intercept;
        for (int j = 0; j < weights.length; j++) {
            s += weights[j] * (x[j] - means[j]) / scales[j];
        }
        return sigmoid(s);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    static double sigmoid(double s) {
        return 1.0 / (1.0 + Math.exp(-s));
    }
}
