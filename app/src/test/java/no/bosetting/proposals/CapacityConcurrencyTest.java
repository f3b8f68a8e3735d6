package no.bosetting.proposals;

import java.time.LocalDate;
import java.util.List;

import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static no.bosetting.support.Race.race;
import static org.assertj.core.api.Assertions.assertThat;

/** A municipality's decided number is never exceeded, even when two officers accept at the same moment. */
@IntegrationTest
class CapacityConcurrencyTest {

    private static final String MUNICIPALITY = "3403"; // Hamar

    @Autowired
    Fixtures fixtures;
    @Autowired
    Proposals proposals;
    @Autowired
    SettlementDecisions decisions;
    @Autowired
    CaseQueries cases;

    @RepeatedTest(3)
    void twoConcurrentAcceptancesForTheLastPlacesCannotBothSucceed() throws Exception {
        // A place counts in the year of its planned settlement date, so that year's decision is the one that binds.
        LocalDate planned = TestClock.today().plusDays(14);
        int year = planned.getYear();
        fixtures.resetMunicipality(MUNICIPALITY);
        fixtures.decide(MUNICIPALITY, year, 5, 0);
        long centre = fixtures.centre(MUNICIPALITY);
        long caseA = fixtures.household(centre, 2); // 3 persons
        long caseB = fixtures.household(centre, 2); // 3 persons
        fixtures.ready(caseA);
        fixtures.ready(caseB);
        long proposalA = fixtures.propose(caseA, MUNICIPALITY);
        long proposalB = fixtures.propose(caseB, MUNICIPALITY);

        List<CommandResult<List<Long>>> both = race(
                () -> CommandResult.attempt(() -> proposals.accept(fixtures.municipality(MUNICIPALITY), proposalA,
                        fixtures.plannedDates(caseA, planned), null)),
                () -> CommandResult.attempt(() -> proposals.accept(fixtures.municipality(MUNICIPALITY), proposalB,
                        fixtures.plannedDates(caseB, planned), null)));
        CommandResult<List<Long>> a = both.get(0);
        CommandResult<List<Long>> b = both.get(1);

        assertThat(List.of(a.isSuccess(), b.isSuccess())).containsExactlyInAnyOrder(true, false);
        CommandResult<List<Long>> failed = a.isSuccess() ? b : a;
        assertThat(failed.failure()).isInstanceOf(CommandFailure.RuleBroken.class);
        assertThat(failed.failure().messageKey()).isEqualTo("error.capacity.exceeded");
        assertThat(decisions.placesUsed(MUNICIPALITY, year).used()).isEqualTo(3);
        // The refused household is left exactly as it was: still proposed, nothing half-done.
        long refusedCase = a.isSuccess() ? caseB : caseA;
        assertThat(cases.summaryForSystem(refusedCase).orElseThrow().status()).isEqualTo(CaseStatus.PROPOSED);
        assertThat(decisions.forCase(refusedCase)).isEmpty();
    }

    @Test
    void onlyTheAgencyCanOverrideAndTheOverrideIsVisible() {
        LocalDate plannedDate = TestClock.today().plusDays(7);
        int year = plannedDate.getYear(); // the year the places count in
        fixtures.resetMunicipality(MUNICIPALITY);
        fixtures.decide(MUNICIPALITY, year, 2, 0);
        long centre = fixtures.centre(MUNICIPALITY);
        long household = fixtures.household(centre, 2);
        fixtures.ready(household);
        long proposal = fixtures.propose(household, MUNICIPALITY);
        var planned = fixtures.plannedDates(household, plannedDate);

        var byMunicipality = CommandResult.attempt(() -> proposals.accept(fixtures.municipality(MUNICIPALITY), proposal, planned, "vi vil likevel"));
        assertThat(byMunicipality.isSuccess()).isFalse();

        var byAgencyWithoutReason = CommandResult.attempt(() -> proposals.accept(fixtures.caseworker(), proposal, planned, " "));
        assertThat(byAgencyWithoutReason.failure().messageKey()).isEqualTo("error.proposal.agencyReason");

        var byAgency = CommandResult.attempt(() -> proposals.accept(fixtures.caseworker(), proposal, planned, "Kommunen har skaffet stor bolig, avtalt på telefon"));
        assertThat(byAgency.isSuccess()).isTrue();
        var places = decisions.placesUsed(MUNICIPALITY, year);
        assertThat(places.used()).isEqualTo(3);
        assertThat(places.exceeded()).isTrue();
        assertThat(decisions.forCase(household)).allSatisfy(d -> assertThat(d.overrideReason()).contains("stor bolig"));
        assertThat(proposals.find(proposal, fixtures.caseworker()).orElseThrow().overrideReason()).contains("stor bolig");
    }
}
