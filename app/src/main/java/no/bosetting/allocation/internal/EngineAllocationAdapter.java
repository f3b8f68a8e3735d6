package no.bosetting.allocation.internal;

import no.bosetting.allocation.AllocationPort;
import no.bosetting.allocation.engine.AllocationEngine;
import no.bosetting.allocation.engine.AllocationResult;
import no.bosetting.allocation.engine.Instance;
import no.bosetting.allocation.engine.Options;
import no.bosetting.allocation.engine.Policy;
import org.springframework.stereotype.Component;

/** Runs the engine in-process. */
@Component
class EngineAllocationAdapter implements AllocationPort {

    private final AllocationEngine engine = new AllocationEngine();

    @Override
    public AllocationResult solve(Instance instance, Policy policy, Options options) {
        return engine.solve(instance, policy, options);
    }
}
