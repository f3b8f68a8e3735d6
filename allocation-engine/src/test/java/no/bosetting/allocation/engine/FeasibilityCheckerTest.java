package no.bosetting.allocation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FeasibilityCheckerTest {

    private static Instance instance(List<Household> hs, List<Municipality> ms) {
        return new Instance("c", hs, ms);
    }

    @Test
    void detectsEachKindOfViolation() {
        int[] one5 = new int[10];
        one5[5] = 1;
        Municipality a = Municipality.simple("0001", 3, 0, Set.of()).withDwellings(one5);
        Municipality b = Municipality.simple("0002", 20, 0, Set.of("psykisk-helse")).withClosed(true);
        Household big1 = Household.simple("big1", 5, false, true, 1);
        Household big2 = Household.simple("big2", 5, false, true, 1);
        Household minor = Household.simple("minor", 1, true, false, 1);
        Household needs = Household.simple("needs", 1, false, false, 1).withRequiredServices(Set.of("rullestol"));
        Household rejected = Household.simple("rej", 1, false, false, 1).withRejectedBy(Set.of("0002"));
        Household family = Household.simple("fam", 1, false, false, 1).withCloseFamily("0001");
        Household g1 = Household.simple("g1", 1, false, false, 1).withTogetherGroup("g");
        Household g2 = Household.simple("g2", 1, false, false, 1).withTogetherGroup("g");
        Instance inst = instance(List.of(big1, big2, minor, needs, rejected, family, g1, g2), List.of(a, b));

        assertThat(FeasibilityChecker.check(inst, Map.of()).feasible()).isTrue();
        assertThat(FeasibilityChecker.check(inst, Map.of("big1", "0001")).violations()).hasSize(1)
                .allMatch(v -> v.contains("5 persons placed"));
        assertThat(FeasibilityChecker.check(inst, Map.of("minor", "0001")).violations())
                .anyMatch(v -> v.contains("minors"));
        assertThat(FeasibilityChecker.check(inst, Map.of("needs", "0001")).violations())
                .anyMatch(v -> v.contains("rullestol"));
        assertThat(FeasibilityChecker.check(inst, Map.of("rej", "0002")).violations())
                .anyMatch(v -> v.contains("rejected"));
        assertThat(FeasibilityChecker.check(inst, Map.of("rej", "0002")).violations())
                .anyMatch(v -> v.contains("closed"));
        assertThat(FeasibilityChecker.check(inst, Map.of("fam", "0002")).violations())
                .anyMatch(v -> v.contains("close family"));
        assertThat(FeasibilityChecker.check(inst, Map.of("g1", "0001")).violations())
                .anyMatch(v -> v.contains("split"));
        assertThat(FeasibilityChecker.check(inst, Map.of("x", "0001")).violations())
                .anyMatch(v -> v.contains("unknown household"));
        assertThat(FeasibilityChecker.check(inst, Map.of(), Map.of("g1", "0001")).violations())
                .anyMatch(v -> v.contains("pinned"));
    }

    @Test
    void dwellingMatchingUsesLargerDwellingsForSmallerLargeHouseholds() {
        int[] dw = new int[10];
        dw[5] = 1;
        dw[7] = 1;
        Municipality m = Municipality.simple("0001", 30, 0, Set.of()).withDwellings(dw);
        Household h7 = Household.simple("h7", 7, false, true, 1);
        Household h5 = Household.simple("h5", 5, false, true, 1);
        Household h6 = Household.simple("h6", 6, false, true, 1);
        Instance inst = instance(List.of(h7, h5, h6), List.of(m));
        assertThat(FeasibilityChecker.check(inst, Map.of("h7", "0001", "h5", "0001")).feasible()).isTrue();
        assertThat(FeasibilityChecker.check(inst, Map.of("h7", "0001", "h6", "0001")).feasible()).isFalse();
        assertThat(FeasibilityChecker.check(inst, Map.of("h5", "0001", "h6", "0001")).feasible()).isTrue();
    }
}
