package no.bosetting.architecture;

import no.bosetting.BosettingApplication;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModuleBoundariesTest {

    // Test classes live in the modules' packages but may use any module; only production code is checked.
    private final ApplicationModules modules = ApplicationModules.of(BosettingApplication.class,
            JavaClass.Predicates.resideInAPackage("no.bosetting.support..")
                    .or(JavaClass.Predicates.simpleNameEndingWith("Test"))
                    .or(JavaClass.Predicates.simpleNameEndingWith("Benchmark"))
                    .or(JavaClass.Predicates.simpleNameContaining("Test$")));

    /** No cycles between modules, and no module reaches into another's internal packages. */
    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }
}
