package no.bosetting.allocation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class HardConstraintTest {

    private final AllocationEngine engine = new AllocationEngine();

    private AllocationResult solve(List<Household> hs, List<Municipality> ms) {
        return solve(hs, ms, Options.defaults());
    }

    private AllocationResult solve(List<Household> hs, List<Municipality> ms, Options options) {
        Instance instance = new Instance("t", hs, ms);
        AllocationResult r = engine.solve(instance, Policy.defaults(), options);
        assertThat(FeasibilityChecker.check(instance, r.assignment(), options.pins()).violations()).isEmpty();
        assertThat(r.objective()).isLessThanOrEqualTo(r.upperBound() + 1e-9);
        return r;
    }

    private static Municipality muni(String number, int places) {
        return Municipality.simple(number, places, 0, Set.of());
    }

    @Test
    void emptyRoundGivesAnEmptyCertifiedResult() {
        AllocationResult r = solve(List.of(), List.of(muni("0001", 5)));
        assertThat(r.assignment()).isEmpty();
        assertThat(r.objective()).isZero();
        assertThat(r.upperBound()).isZero();
        assertThat(r.gapPercent()).isZero();
    }

    @Test
    void capacityInPersonsIsRespected() {
        AllocationResult r = solve(List.of(Household.simple("a", 3, false, true, 10),
                Household.simple("b", 3, false, true, 10)), List.of(muni("0001", 4)));
        assertThat(r.assignment()).hasSize(1);
        String left = r.unassigned().keySet().iterator().next();
        assertThat(r.unassigned().get(left).code()).isEqualTo(UnassignedReason.Code.CAPACITY_EXHAUSTED);
    }

    @Test
    void minorsOnlyWhereMinorsPlacesExist() {
        Municipality attractive = muni("0001", 10).withIndicators(1.0, 1.0);
        Municipality withMinorPlaces = Municipality.simple("0002", 10, 1, Set.of()).withIndicators(0.0, 0.0);
        AllocationResult r = solve(List.of(Household.simple("m", 1, true, false, 10)),
                List.of(attractive, withMinorPlaces));
        assertThat(r.assignment()).containsEntry("m", "0002");

        AllocationResult none = solve(List.of(Household.simple("m", 1, true, false, 10)), List.of(attractive));
        assertThat(none.unassigned().get("m").code()).isEqualTo(UnassignedReason.Code.NO_MINOR_PLACES);
    }

    @Test
    void minorsPlacesAreACapacity() {
        Municipality m = Municipality.simple("0001", 10, 1, Set.of());
        AllocationResult r = solve(List.of(Household.simple("m1", 1, true, false, 10),
                Household.simple("m2", 1, true, false, 20)), List.of(m));
        assertThat(r.assignment()).hasSize(1).containsKey("m2");
    }

    @Test
    void requiredServicesMustBeOffered() {
        Household h = Household.simple("h", 2, false, false, 10).withRequiredServices(Set.of("psykisk-helse"));
        Municipality without = muni("0001", 10).withIndicators(1, 1);
        Municipality with = Municipality.simple("0002", 10, 0, Set.of("psykisk-helse"));
        assertThat(solve(List.of(h), List.of(without, with)).assignment()).containsEntry("h", "0002");
        assertThat(solve(List.of(h), List.of(without)).unassigned().get("h").code())
                .isEqualTo(UnassignedReason.Code.NO_MUNICIPALITY_WITH_REQUIRED_SERVICES);
    }

    @Test
    void neverReproposedToARejectingMunicipality() {
        Household h = Household.simple("h", 1, false, false, 10).withRejectedBy(Set.of("0001"));
        Municipality best = muni("0001", 10).withIndicators(1, 1);
        Municipality other = muni("0002", 10).withIndicators(0, 0);
        assertThat(solve(List.of(h), List.of(best, other)).assignment()).containsEntry("h", "0002");
        assertThat(solve(List.of(h), List.of(best)).unassigned().get("h").code())
                .isEqualTo(UnassignedReason.Code.ALL_REJECTED);
    }

    @Test
    void closeFamilyMunicipalityIsMandatory() {
        Household h = Household.simple("h", 2, false, true, 10).withCloseFamily("0002");
        Municipality best = muni("0001", 10).withIndicators(1, 1);
        Municipality family = muni("0002", 10).withIndicators(0, 0);
        AllocationResult r = solve(List.of(h), List.of(best, family));
        assertThat(r.assignment()).containsEntry("h", "0002");
        assertThat(r.explanations().get("h").bindingConstraints()).anyMatch(s -> s.contains("close family"));

        AllocationResult full = solve(List.of(h), List.of(best, muni("0002", 1)));
        assertThat(full.unassigned().get("h").code())
                .isEqualTo(UnassignedReason.Code.CLOSE_FAMILY_MUNICIPALITY_UNSUITABLE);
    }

    @Test
    void togetherGroupGoesToOneMunicipalityOrNowhere() {
        Household a = Household.simple("a", 2, false, false, 10).withTogetherGroup("g");
        Household b = Household.simple("b", 2, false, false, 10).withTogetherGroup("g")
                .withRejectedBy(Set.of("0001"));
        Municipality first = muni("0001", 10).withIndicators(1, 1);
        Municipality second = muni("0002", 10).withIndicators(0, 0);
        AllocationResult r = solve(List.of(a, b), List.of(first, second));
        assertThat(r.assignment()).containsEntry("a", "0002").containsEntry("b", "0002");

        AllocationResult none = solve(List.of(a, b), List.of(first, muni("0002", 3)));
        assertThat(none.assignment()).isEmpty();
        assertThat(none.unassigned().get("a").code())
                .isEqualTo(UnassignedReason.Code.GROUP_HAS_NO_COMMON_MUNICIPALITY);
    }

    @Test
    void largeHouseholdsNeedALargeEnoughDwelling() {
        int[] one6 = new int[10];
        one6[6] = 1;
        Municipality small = muni("0001", 20).withIndicators(1, 1);
        Municipality withDwelling = muni("0002", 20).withDwellings(one6);
        Household big = Household.simple("big", 6, false, true, 10);
        Household bigger = Household.simple("bigger", 7, false, true, 10);
        Household other = Household.simple("other", 6, false, true, 50);
        AllocationResult r = solve(List.of(big, bigger, other), List.of(small, withDwelling));
        assertThat(r.assignment()).hasSize(1).containsEntry("other", "0002");
        assertThat(r.unassigned().get("bigger").code()).isEqualTo(UnassignedReason.Code.NO_LARGE_DWELLING);
        assertThat(r.unassigned().get("big").code()).isEqualTo(UnassignedReason.Code.CAPACITY_EXHAUSTED);
    }

    @Test
    void closedMunicipalityOnlyForItsOwnApprovedDwelling() {
        Municipality closed = muni("0001", 10).withIndicators(1, 1).withClosed(true);
        Municipality open = muni("0002", 10).withIndicators(0, 0);
        Household plain = Household.simple("p", 1, false, false, 10);
        Household approved = Household.simple("d", 1, false, false, 10).withTies(null, null, "0001");
        AllocationResult r = solve(List.of(plain, approved), List.of(closed, open));
        assertThat(r.assignment()).containsEntry("p", "0002").containsEntry("d", "0001");
    }

    @Test
    void pinsAreRespectedAndTheRestReoptimised() {
        Municipality best = muni("0001", 2).withIndicators(1, 1);
        Municipality other = muni("0002", 10).withIndicators(0, 0);
        Household a = Household.simple("a", 1, false, false, 10);
        Household b = Household.simple("b", 1, false, false, 300).withSkills(true, true);
        Household c = Household.simple("c", 1, false, false, 20);
        Options pinned = Options.defaults().withPins(Map.of("a", "0001"));
        AllocationResult r = solve(List.of(a, b, c), List.of(best, other), pinned);
        assertThat(r.assignment()).containsEntry("a", "0001").containsEntry("b", "0001")
                .containsEntry("c", "0002");
        assertThat(r.explanations().get("a").bindingConstraints()).contains("pinned by caseworker");
    }

    @Test
    void pinThatBreaksAHardRuleIsRefused() {
        Household h = Household.simple("h", 1, false, false, 10).withRejectedBy(Set.of("0001"));
        Options pinned = Options.defaults().withPins(Map.of("h", "0001"));
        assertThatThrownBy(() -> engine.solve(new Instance("t", List.of(h), List.of(muni("0001", 5))),
                Policy.defaults(), pinned)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ALL_REJECTED")
                .isInstanceOfSatisfying(PinRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(PinRefusedException.Reason.HARD_RULE);
                    assertThat(e.rule()).isEqualTo(UnassignedReason.Code.ALL_REJECTED);
                    assertThat(e.household()).isEqualTo("h");
                    assertThat(e.municipality()).isEqualTo("0001");
                });
    }

    @Test
    void refusedPinsSayWhyAsData() {
        Municipality small = muni("0001", 2);
        Municipality other = muni("0002", 9);
        Household a = Household.simple("a", 2, false, false, 10);
        Household b = Household.simple("b", 1, false, false, 10);
        Instance round = new Instance("t", List.of(a, b), List.of(small, other));
        assertThatThrownBy(() -> engine.solve(round, Policy.defaults(),
                Options.defaults().withPins(Map.of("a", "0001", "b", "0001"))))
                .isInstanceOfSatisfying(PinRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(PinRefusedException.Reason.PLACES_EXCEEDED);
                    assertThat(e.municipality()).isEqualTo("0001");
                    assertThat(e.rule()).isNull();
                });
        assertThatThrownBy(() -> engine.solve(round, Policy.defaults(),
                Options.defaults().withPins(Map.of("a", "9999"))))
                .isInstanceOfSatisfying(PinRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(PinRefusedException.Reason.UNKNOWN_MUNICIPALITY);
                    assertThat(e.municipality()).isEqualTo("9999");
                });
        Household g1 = Household.simple("g1", 1, false, false, 10).withTogetherGroup("G");
        Household g2 = Household.simple("g2", 1, false, false, 10).withTogetherGroup("G");
        assertThatThrownBy(() -> engine.solve(new Instance("t", List.of(g1, g2), List.of(small, other)),
                Policy.defaults(), Options.defaults().withPins(Map.of("g1", "0001", "g2", "0002"))))
                .isInstanceOfSatisfying(PinRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(PinRefusedException.Reason.CONFLICTING_GROUP));
    }

    @Test
    void explanationTermsAddUpToTheScore() {
        Instance instance = RandomInstances.create(3, 40, 8);
        AllocationResult r = engine.solve(instance, Policy.defaults(), Options.defaults());
        assertThat(r.explanations()).isNotEmpty();
        for (Explanation e : r.explanations().values()) {
            double sum = e.terms().stream().mapToDouble(ScoreTerm::contribution).sum();
            assertThat(sum).isCloseTo(e.score(), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(e.terms()).extracting(ScoreTerm::name).contains(Scorer.PRIORITY, Scorer.WAITING);
        }
    }
}
