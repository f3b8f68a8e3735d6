package no.bosetting.demo;

import java.util.List;
import java.util.SplittableRandom;

/** The planners' random choices: uniform or weighted, from a seeded {@link SplittableRandom}. */
final class Draws {

    private Draws() {
    }

    static <T> T pick(SplittableRandom r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    static <T> T pick(SplittableRandom r, T[] values, double[] weights) {
        return values[pickIndex(r, weights)];
    }

    /** An index drawn in proportion to the weights; at least one weight must be positive. */
    static int pickIndex(SplittableRandom r, double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double x = r.nextDouble() * sum;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0 && weights[i] > 0) {
                return i;
            }
        }
        for (int i = weights.length - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("No positive weight");
    }
}
