package no.bosetting.architecture;

import no.bosetting.BosettingApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModuleBoundariesTest {

    private final ApplicationModules modules = ApplicationModules.of(BosettingApplication.class);

    /** No cycles between modules, and no module reaches into another's internal packages. */
    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }
}
