package no.bosetting.allocation;

import no.bosetting.allocation.engine.AllocationResult;
import no.bosetting.allocation.engine.Instance;
import no.bosetting.allocation.engine.Options;
import no.bosetting.allocation.engine.Policy;

/**
 * The one way the application reaches the allocation engine. The engine is a plain-Java library;
 * this port keeps the rest of the application independent of how (or where) it runs.
 */
public interface AllocationPort {

    AllocationResult solve(Instance instance, Policy policy, Options options);
}
