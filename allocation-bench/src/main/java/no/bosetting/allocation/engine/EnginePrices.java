package no.bosetting.allocation.engine;

/**
 * Benchmark diagnostics only: solves as {@link AllocationEngine#solve} does and also hands back the Lagrangian prices
 * of the run's reported bound, which the engine keeps package-private (they are not part of its result). Lives in the
 * benchmark module, in the engine's package.
 */
public final class EnginePrices {

    private EnginePrices() {
    }

    /** A result with its bound's prices: persons and minors by municipality, dwellings by municipality × 5 (5..9+). */
    public record Solved(AllocationResult result, double[][] prices) {
    }

    public static Solved solve(AllocationEngine engine, Instance instance, Policy policy, Options options) {
        AllocationEngine.Run run = engine.run(instance, policy, options);
        return new Solved(run.result(), run.prices());
    }
}
