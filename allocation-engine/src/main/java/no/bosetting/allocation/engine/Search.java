package no.bosetting.allocation.engine;

import java.util.Locale;

/**
 * The search on a {@link UnitModel}, in the order of the README's algorithm: LP prices ({@link PersonAuction}),
 * primal from prices ({@link BlockAuction}), then {@link LocalSearch} and {@link Repacking} on the calling thread
 * while the {@link LagrangianBound} is refined on its own. Every {@link Placement} it keeps is feasible for the
 * capacity rows, so it can stop at any deadline with a valid proposal.
 */
final class Search {

    private final UnitModel model;
    private final Placement placement;
    private final Deadline deadline;
    private LagrangianBound bound;
    private double objective;
    private final long seed;

    Search(UnitModel model, long seed, long deadline) {
        this.model = model;
        this.seed = seed;
        this.deadline = Deadline.until(deadline);
        this.placement = new Placement(model, seed);
    }

    private void trace(String what) {
        if (Tuning.TRACE) {
            System.err.printf(Locale.ROOT, "[engine %.3fs] %s objective=%.4f%n", deadline.elapsedSeconds(), what,
                    placement.objective());
        }
    }

    void run() {
        run(() -> { });
    }

    /**
     * As {@link #run()}; {@code whileBounding} runs on the calling thread once the assignment is final, while the
     * bound is still being refined on the second thread, so work that depends only on the assignment (most of
     * the explanations) uses the core that local search has left idle.
     */
    void run(Runnable whileBounding) {
        double scale = meanValuePerPerson();
        // Phase shares of the budget (Tuning), so that a slow machine still gets every phase; the bound runs on a
        // second thread from the end of the block auction to the deadline (or until it certifies the objective).
        double[] lp = PersonAuction.prices(model, placement.order, placement.active, Tuning.PERSON_EPSILON * scale,
                deadline.share(Tuning.PERSON_AUCTION_SHARE), null, null, null, null);
        bound = new LagrangianBound(model, placement.order, placement.active, lp.clone(), scale,
                deadline);
        if (Tuning.TRACE) {
            trace("person auction bound=" + bound.evaluate(lp, new double[model.municipalities],
                    new double[model.municipalities * UnitModel.LARGE_ROWS], new int[model.units]));
        }
        BlockAuction auction = new BlockAuction(placement, lp);
        auction.run(Tuning.BLOCK_EPSILON * scale, deadline.share(Tuning.BLOCK_AUCTION_SHARE));
        trace("block auction");
        LocalSearch local = new LocalSearch(placement, auction.personPrice);
        Repacking repacking = new Repacking(placement);
        ClassAssignment classes = new ClassAssignment(placement);
        ChainEjection chains = new ChainEjection(placement, auction.personPrice);
        Neighbourhood neighbourhoods = new Neighbourhood(placement, auction.personPrice);
        local.insertPass();
        trace("insert");
        // The bound runs beside local search from here on; it aims its steps at this objective.
        bound.start(auction.personPrice, auction.minorPrice, auction.dwellingPrice, placement.objective());
        Deadline lsDeadline = deadline.share(Tuning.LOCAL_SEARCH_SHARE);
        Deadline until = lsDeadline;
        // After a kick, the exact neighbourhoods look only around the municipalities it changed (null: everywhere).
        int[][] around = {null};
        Round round = () -> {
            boolean improved = local.movePass(until);
            improved |= local.ejectionPass(until);
            improved |= local.insertPass();
            improved |= repacking.pass(until);
            if (!improved) {
                // Class re-assignment costs more than the other moves together, so it runs only once they have
                // converged: a run cut short by the clock then still has what the cheap moves reach.
                improved = classes.pass(until);
            }
            // The sixth pass's moves come after those, dearest last, so that they start where the fifth pass ended.
            if (!improved && Tuning.CHAIN_EVICTIONS > 0) {
                improved = chains.pass(until);
            }
            if (!improved) {
                improved = around[0] == null ? neighbourhoods.pass(until) : neighbourhoods.pass(until, around[0]);
            }
            return improved;
        };
        converge(round, lsDeadline);
        // Kicks: the local optimum depends on the path, so from the best one found a few municipalities send their
        // holders elsewhere and local search runs again; the result is kept only if it is better.
        Kicks kicks = new Kicks(placement, seed);
        int kicksAllowed = model.units > Tuning.CLASS_MAX_ROUND_UNITS ? 0
                : (int) Math.min(Tuning.KICKS, Tuning.KICK_WORK / Math.max(1, model.units));
        for (int k = 0; k < kicksAllowed && !lsDeadline.passed(); k++) {
            int[] saved = placement.snapshot();
            double before = placement.objective();
            around[0] = kicks.apply();
            converge(round, lsDeadline);
            if (placement.objective() < before + Tuning.MIN_GAIN) {
                placement.restore(saved);
            }
            trace("kick " + k);
        }
        objective = placement.objective();
        whileBounding.run();
        bound.finish(objective);
        trace("bound refined to " + bound.value());
    }

    /** One round of local search moves; true when the objective rose. */
    private interface Round {
        boolean run();
    }

    private void converge(Round round, Deadline until) {
        for (int r = 0; r < Tuning.LOCAL_SEARCH_ROUNDS && !until.passed(); r++) {
            boolean improved = round.run();
            trace("local search round " + r);
            if (!improved) {
                break;
            }
        }
    }

    private double meanValuePerPerson() {
        double sum = 0;
        int n = 0;
        for (int u = 0; u < model.units; u++) {
            if (placement.active[u]) {
                sum += Math.max(0, model.bestUnitValue(u)) / model.size[u];
                n++;
            }
        }
        return n == 0 ? 1.0 : Math.max(Tuning.MIN_VALUE_SCALE, sum / n);
    }

    // ---------------------------------------------------------------- results

    int assignedMunicipality(int u) {
        return model.pinnedTo[u] >= 0 ? model.pinnedTo[u] : placement.of(u);
    }

    boolean isPinned(int u) {
        return model.pinnedTo[u] >= 0;
    }

    double objective() {
        return objective;
    }

    double bestBound() {
        return bound.value();
    }

    double[] bestPricesPersons() {
        return bound.personPrices();
    }

    /** Persons, minors and dwelling prices of the reported bound (see {@link LagrangianBound#allPrices}). */
    double[][] bestPrices() {
        return bound.allPrices();
    }

    int residualPersons(int m) {
        return model.capPersons[m] - placement.usedPersons(m);
    }

    int residualMinors(int m) {
        return model.capMinors[m] - placement.usedMinors(m);
    }

    int residualLarge(int m, int k) {
        return model.capLarge[m][k] - placement.usedDwellings(m, k);
    }
}
