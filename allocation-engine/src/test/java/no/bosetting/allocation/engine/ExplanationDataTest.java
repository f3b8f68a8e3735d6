package no.bosetting.allocation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The structured explanation data says the same as the English sentences, with codes an application can word. */
class ExplanationDataTest {

    private static final Set<String> TERM_CODES = Set.of(Scorer.PRIORITY, Scorer.WAITING, Scorer.LABOUR_MARKET,
            Scorer.EDUCATION, Scorer.DWELLING_FIT, Scorer.SHARED_HOUSING, Scorer.WIDER_FAMILY, Scorer.JOB_OR_STUDY,
            Scorer.APPROVED_DWELLING, Scorer.BALANCE, "potential");

    private final AllocationEngine engine = new AllocationEngine();

    @Test
    void minorsPlacesAndCapacityAreReportedAsCodesWithNumbers() {
        // One minors place and two persons' places in the attractive municipality: the minor takes the last minors
        // place, the family of one fills the capacity, so both rows bind there.
        Municipality attractive = Municipality.simple("0001", 2, 1, Set.of()).withIndicators(1.0, 1.0);
        Municipality other = Municipality.simple("0002", 10, 1, Set.of()).withIndicators(0.1, 0.1);
        List<Household> hs = List.of(Household.simple("minor", 1, true, false, 100),
                Household.simple("adult", 1, false, false, 100));
        AllocationResult r = engine.solve(new Instance("t", hs, List.of(attractive, other)), Policy.defaults(),
                Options.defaults());

        Explanation minor = r.explanations().get("minor");
        assertThat(minor.municipality()).isEqualTo("0001");
        assertThat(minor.bindings()).hasSameSizeAs(minor.bindingConstraints());
        BindingConstraint minors = minor.bindings().stream()
                .filter(b -> b.code() == BindingConstraint.Code.MINOR_PLACES).findFirst().orElseThrow();
        assertThat(minors.municipality()).isEqualTo("0001");
        assertThat(minors.used()).isEqualTo(1);
        assertThat(minors.capacity()).isEqualTo(1);
        BindingConstraint capacity = minor.bindings().stream()
                .filter(b -> b.code() == BindingConstraint.Code.CAPACITY).findFirst().orElseThrow();
        assertThat(capacity.used()).isEqualTo(2);
        assertThat(capacity.capacity()).isEqualTo(2);

        RunnerUp runnerUp = minor.runnerUpDetail();
        assertThat(runnerUp).isNotNull();
        assertThat(runnerUp.municipality()).isEqualTo("0002");
        assertThat(runnerUp.reason()).isEqualTo(RunnerUp.Reason.LOWER_SCORE);
        assertThat(runnerUp.score()).isLessThan(minor.score());
        assertThat(minor.runnerUp()).contains("(0002)").contains("lower score");
    }

    @Test
    void everyExplanationOfARandomRoundCarriesConsistentData() {
        for (long seed = 300; seed < 320; seed++) {
            Instance instance = RandomInstances.create(seed, 60, 9);
            AllocationResult r = engine.solve(instance, Policy.defaults(), Options.defaults().withSeed(seed));
            r.explanations().forEach((household, e) -> {
                assertThat(e.bindings()).as("seed/household %s", household).hasSameSizeAs(e.bindingConstraints());
                e.bindings().forEach(b -> assertThat(b.municipality()).isEqualTo(e.municipality()));
                e.terms().forEach(t -> assertThat(TERM_CODES).contains(t.name()));
                assertThat(e.terms().stream().mapToDouble(ScoreTerm::contribution).sum())
                        .isCloseTo(e.score(), org.assertj.core.data.Offset.offset(1e-6));
                if (e.runnerUp() == null) {
                    assertThat(e.runnerUpDetail()).isNull();
                } else {
                    assertThat(e.runnerUp()).contains("(" + e.runnerUpDetail().municipality() + ")");
                    assertThat(e.runnerUpDetail().municipality()).isNotEqualTo(e.municipality());
                    assertThat(e.runnerUpDetail().reason() == RunnerUp.Reason.LOWER_SCORE)
                            .isEqualTo(e.runnerUpDetail().score() <= e.score());
                }
            });
        }
    }

    @Test
    void theConstructorOfEarlierVersionsStillWorks() {
        Explanation e = new Explanation("0001", 1.0, List.of(new ScoreTerm("priority", 1, 1, 1)), List.of(), null);
        assertThat(e.bindings()).isEmpty();
        assertThat(e.runnerUpDetail()).isNull();
    }
}
