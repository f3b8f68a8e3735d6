package no.bosetting.allocation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The exact neighbourhoods' dynamic programme (sixth pass) against brute force: 400 random programmes of up to 6
 * units and 3 municipalities with persons, minors and dwelling rows, tight places and forbidden pairs. Its value must
 * be the brute-force optimum, and its choice must respect every row and add up to that value.
 */
class SetProgrammeTest {

    private static final int ROWS = SetProgramme.ROWS;

    @Test
    void dynamicProgrammeIsExact() {
        SplittableRandom rnd = new SplittableRandom(15);
        for (int t = 0; t < 400; t++) {
            int n = 1 + rnd.nextInt(6);
            int sets = 1 + rnd.nextInt(3);
            int[][] use = new int[n][ROWS];
            double[][] val = new double[n][sets];
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                use[i][0] = 1 + rnd.nextInt(4);
                if (rnd.nextInt(5) == 0) {
                    use[i][1] = use[i][0];
                }
                if (rnd.nextInt(4) == 0) {
                    use[i][2] = 1;
                    use[i][3] = rnd.nextInt(2);
                }
                out[i] = rnd.nextInt(3) == 0 ? 0 : 10 * rnd.nextDouble();
                for (int s = 0; s < sets; s++) {
                    val[i][s] = rnd.nextInt(5) == 0 ? Double.NEGATIVE_INFINITY : 20 * rnd.nextDouble();
                }
            }
            int[][] residual = new int[sets][ROWS];
            for (int s = 0; s < sets; s++) {
                residual[s][0] = rnd.nextInt(7);
                residual[s][1] = rnd.nextInt(3);
                residual[s][2] = rnd.nextInt(2);
                residual[s][3] = rnd.nextInt(2);
            }
            int[] choice = new int[n];
            double value = SetProgramme.solve(use, val, out, residual, choice, Long.MAX_VALUE);
            double best = bruteForce(use, val, out, residual, new int[n], 0);
            assertThat(value).as("programme %d", t).isCloseTo(best, within(1e-9));
            int[][] left = new int[sets][];
            for (int s = 0; s < sets; s++) {
                left[s] = residual[s].clone();
            }
            double sum = 0;
            for (int i = 0; i < n; i++) {
                if (choice[i] < 0) {
                    sum += out[i];
                    continue;
                }
                sum += val[i][choice[i]];
                for (int r = 0; r < ROWS; r++) {
                    left[choice[i]][r] -= use[i][r];
                    assertThat(left[choice[i]][r]).as("programme %d row %d", t, r).isGreaterThanOrEqualTo(0);
                }
            }
            assertThat(sum).isCloseTo(value, within(1e-9));
        }
    }

    @Test
    void tooManyStatesGiveNoChoice() {
        int[][] use = {{1, 0, 0, 0, 0, 0, 0}};
        assertThat(SetProgramme.solve(use, new double[][] {{5}}, new double[] {0}, new int[][] {{9, 0, 0, 0, 0, 0, 0}},
                new int[1], 1)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    private static double bruteForce(int[][] use, double[][] val, double[] out, int[][] residual, int[] pick, int i) {
        int n = use.length;
        if (i == n) {
            double sum = 0;
            for (int s = 0; s < residual.length; s++) {
                for (int r = 0; r < ROWS; r++) {
                    int used = 0;
                    for (int k = 0; k < n; k++) {
                        used += pick[k] == s ? use[k][r] : 0;
                    }
                    if (used > residual[s][r]) {
                        return Double.NEGATIVE_INFINITY;
                    }
                }
            }
            for (int k = 0; k < n; k++) {
                sum += pick[k] < 0 ? out[k] : val[k][pick[k]];
            }
            return sum;
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int s = -1; s < residual.length; s++) {
            if (s >= 0 && val[i][s] == Double.NEGATIVE_INFINITY) {
                continue;
            }
            pick[i] = s;
            best = Math.max(best, bruteForce(use, val, out, residual, pick, i + 1));
        }
        return best;
    }
}
