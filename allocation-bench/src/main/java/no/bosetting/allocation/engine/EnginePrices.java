package no.bosetting.allocation.engine;

/**
 * Benchmark diagnostics only: reads the Lagrangian prices of an engine's last run, which the engine keeps
 * package-private (they are not part of its result). Lives in the benchmark module, in the engine's package.
 */
public final class EnginePrices {

    private EnginePrices() {
    }

    /** Persons and minors prices by municipality, dwelling prices by municipality × 5 (classes 5..9+). */
    public static double[][] of(AllocationEngine engine) {
        return engine.lastPrices();
    }
}
