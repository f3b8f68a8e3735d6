package no.bosetting.allocation.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.stream.IntStream;

/**
 * The certified bound: for any non-negative prices π on the capacity rows, UB(π) = Σ_u max(0, max_m (c_um −
 * π_m·a_u)) + Σ π·cap bounds the integer program. Evaluated at the block auction's prices and at the LP prices,
 * then refined by alternating exact blocks ({@link SideAuction}, {@link PersonAuction}) and a projected
 * subgradient on the side prices. It owns its thread: {@link #start} runs the refinement beside local search,
 * {@link #finish} waits for it and picks the reported bound. In deterministic mode it runs on the calling thread.
 *
 * <p>To keep the result independent of thread timing, every improvement is recorded and the reported bound is
 * the FIRST one that certifies the final objective within {@link Tuning#CERTIFIED_GAP} (or the last one when
 * none does), so a thread that ran on a little longer does not change the answer.
 */
final class LagrangianBound {

    private static final int R = UnitModel.LARGE_ROWS;

    /** One improvement of the bound: its value and the prices (persons, minors, dwellings) that gave it. */
    private record BoundRecord(double value, double[] prices, double[] minorPrices, double[] dwellingPrices) {
    }

    private final UnitModel model;
    private final int[] order;
    private final boolean[] active;
    private final int units;
    private final int municipalities;
    private final double[] lpPrices;
    private final double valueScale;
    private final Deadline deadline;
    /** Every improvement in order, the best last. */
    private final List<BoundRecord> records = new ArrayList<>();
    /** The final objective once local search is done; NaN before. Read by the bound thread to stop early. */
    private volatile double finalObjective = Double.NaN;
    private Future<?> running;
    private double bound = Double.POSITIVE_INFINITY;
    private double[] prices;
    private double[][] allPrices;

    /** {@code order} and {@code active} as in {@link Placement}: the seeded processing order, who takes part. */
    LagrangianBound(UnitModel model, int[] order, boolean[] active, double[] lpPrices, double valueScale,
            Deadline deadline) {
        this.model = model;
        this.order = order;
        this.active = active;
        this.units = model.units;
        this.municipalities = model.municipalities;
        this.lpPrices = lpPrices;
        this.valueScale = valueScale;
        this.deadline = deadline;
        this.prices = new double[municipalities];
    }

    /**
     * Starts the refinement on a second thread from snapshots of the block auction's prices; it aims its Polyak
     * steps at {@code target}, the objective after the block auction (a deterministic value). In deterministic
     * mode nothing starts here; {@link #finish} runs the refinement instead.
     */
    void start(double[] personPrice, double[] minorPrice, double[] dwellingPrice, double target) {
        double[] sP = personPrice.clone();
        double[] sM = minorPrice.clone();
        double[] sL = dwellingPrice.clone();
        FutureTask<Void> task = new FutureTask<>(() -> {
            refine(sP, sM, sL, target);
            return null;
        });
        if (deadline.clockless()) {
            running = task;
            return;
        }
        Thread t = new Thread(task, "allocation-bound");
        t.setDaemon(true);
        t.start();
        running = task;
    }

    /** Tells the refinement the final objective, waits for it, and picks the reported bound. */
    void finish(double objective) {
        finalObjective = objective;
        try {
            if (deadline.clockless()) {
                ((FutureTask<?>) running).run();
            }
            running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while refining the bound", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("bound refinement failed", e.getCause());
        }
        BoundRecord chosen = null;
        for (BoundRecord r : records) {
            chosen = r;
            if (certifies(r.value(), objective)) {
                break;
            }
        }
        if (chosen != null) {
            bound = chosen.value();
            prices = chosen.prices();
            allPrices = new double[][] {chosen.prices(), chosen.minorPrices(), chosen.dwellingPrices()};
        }
    }

    double value() {
        return bound;
    }

    /** Persons prices of the reported bound. */
    double[] personPrices() {
        return prices.clone();
    }

    /**
     * All prices of the reported bound: persons and minors by municipality, dwellings by municipality × {@link
     * UnitModel#LARGE_ROWS}; null when no bound was recorded.
     */
    double[][] allPrices() {
        return allPrices == null ? null
                : new double[][] {allPrices[0].clone(), allPrices[1].clone(), allPrices[2].clone()};
    }

    private static boolean certifies(double bound, double objective) {
        return bound - objective <= Tuning.CERTIFIED_GAP * Math.max(1.0, Math.abs(bound));
    }

    /**
     * The value at the block auction's prices and at the LP prices of the persons rows, then
     * {@link #alternate} from the better start and {@link #subgradient} from the best prices it found.
     */
    private void refine(double[] aP, double[] aM, double[] aL, double target) {
        int[] choice = new int[units];
        double auctionBound = evaluate(aP, aM, aL, choice);
        record(auctionBound, aP, aM, aL);
        double[] zeroM = new double[municipalities];
        double[] zeroL = new double[municipalities * R];
        double lpBound = evaluate(lpPrices, zeroM, zeroL, choice);
        record(lpBound, lpPrices, zeroM, zeroL);
        double mixedBound = evaluate(lpPrices, aM, aL, choice);
        record(mixedBound, lpPrices, aM, aL);
        // The LP persons prices with the auction's minors and dwelling prices usually start best.
        double[] qP;
        double[] qM;
        double[] qL;
        if (mixedBound <= Math.min(lpBound, auctionBound)) {
            qP = lpPrices.clone();
            qM = aM.clone();
            qL = aL.clone();
        } else if (lpBound < auctionBound) {
            qP = lpPrices.clone();
            qM = zeroM;
            qL = zeroL;
        } else {
            qP = aP.clone();
            qM = aM.clone();
            qL = aL.clone();
        }
        double[][] best = alternate(qP, qM, qL, choice);
        double known = finalObjective;
        boolean done = !Double.isNaN(known) && certifies(records.get(records.size() - 1).value(), known);
        if (!done && !deadline.passed()) {
            subgradient(best[0], best[1], best[2], choice, target);
        }
    }

    private double epsilon() {
        return Tuning.PERSON_EPSILON * valueScale;
    }

    /**
     * Alternating exact blocks: the side prices that are optimal for the current persons prices
     * ({@link SideAuction}), then the persons prices that are optimal for those ({@link PersonAuction}), and so
     * on. Each block is solved exactly, so no step size is involved. Every iterate is certified by a full
     * evaluation. Returns the best prices (persons, minors, dwellings) for the subgradient method that follows.
     */
    private double[][] alternate(double[] qP, double[] qM, double[] qL, int[] choice) {
        double[][] bestPrices = {qP.clone(), qM.clone(), qL.clone()};
        double[] lambda = qP.clone();
        double[] mM = qM.clone();
        double[] mL = qL.clone();
        double[] sidePrices = null;
        double best = Double.POSITIVE_INFINITY;
        int stale = 0;
        for (int it = 0; it < Tuning.SIDE_ITERATIONS && !deadline.passed(); it++) {
            sidePrices = SideAuction.prices(model, order, active, lambda, epsilon(), sidePrices, deadline, mM, mL);
            double[] lambdaBefore = lambda;
            double bd = evaluate(lambda, mM, mL, choice);
            record(bd, lambda, mM, mL);
            lambda = PersonAuction.prices(model, order, active, epsilon(), deadline, mM, mL, lambda, null);
            double b = evaluate(lambda, mM, mL, choice);
            record(b, lambda, mM, mL);
            if (Tuning.TRACE) {
                System.err.printf(Locale.ROOT, "[engine %.3fs] alternation %d: after side %.4f, after persons %.4f%n",
                        deadline.elapsedSeconds(), it, bd, b);
            }
            double now = Math.min(b, bd);
            if (now < best) {
                bestPrices = new double[][] {lambda.clone(), mM.clone(), mL.clone()};
                if (bd < b) {
                    // The persons prices before this step's person auction go with the side prices of this step.
                    bestPrices[0] = lambdaBefore;
                }
            }
            if (now < best - Tuning.ALTERNATION_PROGRESS * Math.abs(now)) {
                stale = 0;
            } else if (++stale >= Tuning.ALTERNATION_PATIENCE) {
                break;
            }
            best = Math.min(best, now);
            double known = finalObjective;
            if (!Double.isNaN(known) && certifies(best, known)) {
                break;
            }
        }
        return bestPrices;
    }

    /**
     * Projected subgradient on the side prices μ only, of the partial dual φ(μ) = min over persons prices of UB:
     * the person auction solves that inner LP for each μ, and its split assignment gives the exact use of the side
     * rows, so the subgradient cap − use is that of the LP and not of one integral choice. Every iterate is
     * certified by a full evaluation. Polyak steps aim at {@code target}, a lower bound on the optimum.
     */
    private void subgradient(double[] qP, double[] qM, double[] qL, int[] choice, double target) {
        int muni = municipalities;
        int rows = muni * (1 + R);
        double[] mu = new double[rows];
        System.arraycopy(qM, 0, mu, 0, muni);
        System.arraycopy(qL, 0, mu, muni, muni * R);
        double[] bestMu = mu.clone();
        double[] cap = new double[rows];
        double[] weight = new double[rows];
        for (int m = 0; m < muni; m++) {
            cap[m] = model.capMinors[m];
            weight[m] = Tuning.MINOR_WEIGHT;
            for (int k = 0; k < R; k++) {
                cap[muni + m * R + k] = model.capLarge[m][k];
                weight[muni + m * R + k] = Tuning.LARGE_WEIGHT;
            }
        }
        double[] use = new double[rows];
        double[] dir = new double[rows];
        double[] mM = qM.clone();
        double[] mL = qL.clone();
        double[] lambda = qP.clone();
        double best = evaluate(qP, qM, qL, choice);
        double theta = Tuning.SIDE_THETA;
        int stale = 0;
        for (int it = 0; it < Tuning.SIDE_ITERATIONS && !deadline.passed(); it++) {
            // The final ε throughout: a coarser ε early on saves bids at 1,000 households but its noise (up to
            // n·ε on the bound) swamps the progress per step from 5,000 households on.
            lambda = PersonAuction.prices(model, order, active, epsilon(), deadline, mM, mL, lambda, use);
            double b = evaluate(lambda, mM, mL, choice);
            if (b < best - Tuning.BOUND_IMPROVEMENT * Math.abs(best)) {
                best = b;
                record(b, lambda, mM, mL);
                System.arraycopy(mu, 0, bestMu, 0, rows);
                stale = 0;
            } else if (++stale >= Tuning.SIDE_PATIENCE) {
                theta /= 2;
                stale = 0;
                System.arraycopy(bestMu, 0, mu, 0, rows);
                Arrays.fill(dir, 0);
                // Six halvings without progress: the method has converged as far as its ε allows.
                if (theta < Tuning.SIDE_THETA / Tuning.SIDE_SMALLEST_STEP) {
                    break;
                }
            }
            // The bound does not change the proposal, only its certificate: once that proves the final proposal
            // within CERTIFIED_GAP of the optimum, the rest of the budget is returned to the caller.
            double known = finalObjective;
            if (!Double.isNaN(known) && certifies(best, known)) {
                break;
            }
            double norm = 0;
            for (int r = 0; r < rows; r++) {
                double g = cap[r] - use[r];
                // Rows with zero price and slack cannot move (projection), so they must not steer the step.
                if (mu[r] <= 0 && g >= 0) {
                    g = 0;
                }
                dir[r] = g + Tuning.SIDE_DEFLECTION * dir[r];
                norm += weight[r] * dir[r] * dir[r];
            }
            if (norm == 0) {
                break;
            }
            double step = theta * (b - target) / norm;
            for (int r = 0; r < rows; r++) {
                mu[r] = Math.max(0, mu[r] - step * weight[r] * dir[r]);
            }
            System.arraycopy(mu, 0, mM, 0, muni);
            System.arraycopy(mu, muni, mL, 0, muni * R);
            if (Tuning.TRACE) {
                System.err.printf(Locale.ROOT, "[engine %.3fs] side step %d bound %.4f best %.4f%n",
                        deadline.elapsedSeconds(), it, b, best);
            }
        }
    }

    private void record(double value, double[] at, double[] minorsAt, double[] dwellingsAt) {
        if (records.isEmpty() || value < records.get(records.size() - 1).value()) {
            records.add(new BoundRecord(value, at.clone(), minorsAt.clone(), dwellingsAt.clone()));
        }
    }

    /** UB at the given prices; fills the maximising municipality of each unit into {@code choice}. */
    double evaluate(double[] qP, double[] qM, double[] qL, int[] choice) {
        int chunks = Tuning.BOUND_CHUNKS;
        double[] partial = new double[chunks];
        int chunk = (units + chunks - 1) / chunks;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            double sum = 0;
            int from = c * chunk;
            int to = Math.min(units, from + chunk);
            for (int u = from; u < to; u++) {
                choice[u] = -1;
                if (!active[u]) {
                    continue;
                }
                int base = u * municipalities;
                int s = model.size[u];
                int mi = model.minorPersons[u];
                int[] lg = model.large[u];
                double best = 0;
                int bestM = -1;
                for (int m = 0; m < municipalities; m++) {
                    double v = model.value[base + m];
                    if (v == Double.NEGATIVE_INFINITY) {
                        continue;
                    }
                    double r = v - qP[m] * s;
                    if (mi > 0) {
                        r -= qM[m] * mi;
                    }
                    if (lg != null) {
                        for (int k = 0; k < R; k++) {
                            r -= qL[m * R + k] * lg[k];
                        }
                    }
                    if (r > best) {
                        best = r;
                        bestM = m;
                    }
                }
                choice[u] = bestM;
                sum += best;
            }
            partial[c] = sum;
        });
        double total = model.pinnedValue;
        for (double p : partial) {
            total += p;
        }
        for (int m = 0; m < municipalities; m++) {
            total += qP[m] * model.capPersons[m] + qM[m] * model.capMinors[m];
            for (int k = 0; k < R; k++) {
                total += qL[m * R + k] * model.capLarge[m][k];
            }
        }
        return total;
    }
}
