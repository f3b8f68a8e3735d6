package no.bosetting.selfsettlement;

import java.time.LocalDate;
import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static no.bosetting.support.Race.race;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Approvals at the same moment are counted one after the other: never over the cap or the decided number; and an
 * opt-in and a distribution list for the same household at the same moment never both go through.
 */
@IntegrationTest
class SelfSettlementConcurrencyTest extends SelfSettlementTestSupport {

    private static final String DRAMMEN_NEIGHBOUR = "3324";
    private static final String GJØVIK = "3405";

    private static final String ULSTEIN = "1516";
    private static final String HAREID = "1517";

    @Autowired
    SettlementDecisions decisions;
    @Autowired
    Proposals proposals;
    @Autowired
    CaseQueries cases;

    @Test
    void twoApprovalsForTheLastCapPlaceNeverBothSucceed() throws Exception {
        int year = TestClock.today().getYear();
        {
            acceptingMunicipality(DRAMMEN_NEIGHBOUR, 100, 1); // cap = 1 person
            long a = forwarded(household(DRAMMEN_NEIGHBOUR, 0), DRAMMEN_NEIGHBOUR);
            long b = forwarded(household(DRAMMEN_NEIGHBOUR, 0), DRAMMEN_NEIGHBOUR);
            List<CommandResult<RequestStatus>> results = race(
                    () -> CommandResult.attempt(() -> approvals.approve(fixtures.caseworker(), a, null, null)),
                    () -> CommandResult.attempt(() -> approvals.approve(fixtures.caseworker(), b, null, null)));
            assertThat(results.stream().filter(CommandResult::isSuccess)).hasSize(1);
            assertThat(results.stream().filter(r -> !r.isSuccess()).findFirst().orElseThrow().failure().messageKey())
                    .isEqualTo("selfsettlement.error.capReached");
            assertThat(requests.approvedPersons(DRAMMEN_NEIGHBOUR, year)).isEqualTo(1);
        }
    }

    @Test
    void twoApprovalsForTheLastDecidedPlaceNeverBothSucceed() throws Exception {
        int year = TestClock.today().getYear();
        acceptingMunicipality(GJØVIK, 1, 100); // one place in all
        long a = forwarded(household(GJØVIK, 0), GJØVIK);
        long b = forwarded(household(GJØVIK, 0), GJØVIK);
        List<CommandResult<RequestStatus>> results = race(
                () -> CommandResult.attempt(() -> approvals.approve(fixtures.caseworker(), a, null, null)),
                () -> CommandResult.attempt(() -> approvals.approve(fixtures.caseworker(), b, null, null)));
        assertThat(results.stream().filter(CommandResult::isSuccess)).hasSize(1);
        assertThat(decisions.placesUsed(GJØVIK, year).used()).isEqualTo(1);
    }

    @Test
    void anOptInAndADistributionListForTheSameHouseholdNeverBothSucceed() throws Exception {
        for (int i = 0; i < 6; i++) {
            long caseId = household(ULSTEIN, 0);
            fixtures.ready(caseId);
            Actor refugee = refugeeOf(caseId);
            List<CommandResult<?>> results = race(
                    () -> CommandResult.attempt(() -> windows.optIn(refugee)),
                    () -> CommandResult.attempt(() -> proposals.sendList(fixtures.caseworker(), HAREID, List.of(caseId), null)));
            assertThat(results.stream().filter(CommandResult::isSuccess)).as("round %d", i).hasSize(1);
            boolean windowOpen = windows.latest(caseId).map(w -> w.openOn(TestClock.today())).orElse(false);
            boolean proposed = cases.summaryForSystem(caseId).orElseThrow().status() == CaseStatus.PROPOSED;
            assertThat(windowOpen).as("round %d: window open xor proposed", i).isNotEqualTo(proposed);
        }
    }
}
