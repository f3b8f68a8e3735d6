package no.bosetting.cases;

import java.time.LocalDate;

import no.bosetting.decisions.DecisionStatus;
import no.bosetting.decisions.SettlementDecision;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.planning.CapacityDecision.Kind;
import no.bosetting.planning.CapacityDecisions;
import no.bosetting.planning.DecisionInput;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member reunified with an already settled household, added through the household change (issue 20 item 1), takes a
 * place in the settlement municipality as that municipality's decision counts reunified family members — on top of
 * the number or inside it (report 003 lines 2292–2294; issue 14 item 4) — and a settled household's address can still
 * be corrected, since the municipality needs it for housing allowance (report 000 lines 3027–3035).
 */
@IntegrationTest
class ReunifiedWithSettledHouseholdTest {

    private static final String ON_TOP = "1875";   // Hamarøy
    private static final String INSIDE = "1836";   // Rødøy

    @Autowired
    Fixtures fixtures;
    @Autowired
    HouseholdChanges changes;
    @Autowired
    PersonCorrections corrections;
    @Autowired
    CaseQueries queries;
    @Autowired
    Proposals proposals;
    @Autowired
    SettlementDecisions decisions;
    @Autowired
    CapacityDecisions capacity;

    private final LocalDate today = TestClock.today();
    private final int year = today.getYear();

    @Test
    void aReunifiedSpouseJoiningASettledHouseholdCountsAsTheDecisionSays() {
        decide(ON_TOP, true);
        decide(INSIDE, false);
        long onTop = settledHouseholdOfTwo(ON_TOP);
        long inside = settledHouseholdOfTwo(INSIDE);
        assertThat(queries.summaryForSystem(onTop).orElseThrow().status()).isEqualTo(CaseStatus.SETTLED);

        // On top: the spouse takes a place in the municipality's own series, and its decided number is not used by it.
        long spouse = changes.addMember(onTop, spouse(null), fixtures.caseworker()).value();
        SettlementDecision counted = decisions.forCase(onTop).stream().filter(d -> d.personId() == spouse).findFirst().orElseThrow();
        assertThat(counted.status()).isEqualTo(DecisionStatus.SETTLED);
        assertThat(counted.municipalityNumber()).isEqualTo(ON_TOP);
        assertThat(decisions.placesUsed(ON_TOP, year).reunified()).isEqualTo(1);
        assertThat(decisions.placesUsed(ON_TOP, year).used()).isEqualTo(2);

        // Inside a full number: refused on the capacity field, the household unchanged; the agency may override with a reason.
        int persons = queries.summaryForSystem(inside).orElseThrow().persons();
        CommandResult<Long> refused = changes.addMember(inside, spouse(null), fixtures.caseworker());
        assertThat(refused.isSuccess()).isFalse();
        assertThat(refused.failure()).isInstanceOf(CommandFailure.RuleBroken.class);
        assertThat(((CommandFailure.RuleBroken) refused.failure()).field()).isEqualTo("capacity");
        assertThat(refused.failure().messageKey()).isEqualTo("error.capacity.exceeded");
        assertThat(queries.summaryForSystem(inside).orElseThrow().persons()).isEqualTo(persons);
        assertThat(decisions.placesUsed(INSIDE, year).used()).isEqualTo(2);

        long overridden = changes.addMember(inside, spouse("Kommunen har bolig til hele familien"), fixtures.caseworker()).value();
        assertThat(decisions.forCase(inside).stream().filter(d -> d.personId() == overridden).findFirst().orElseThrow()
                .overrideReason()).contains("bolig til hele familien");
        assertThat(decisions.placesUsed(INSIDE, year).used()).isEqualTo(3);

        // A child born into the settled household takes no place.
        changes.addMember(onTop, new HouseholdChanges.NewMember(JoinReason.BIRTH, "Nyfødt", "Testesen", today, "F", "UKR",
                Relation.CHILD, Fixtures.duf(), null, null, null, null, null, null, null), fixtures.caseworker()).value();
        assertThat(decisions.placesUsed(ON_TOP, year).settled()).isEqualTo(3);
    }

    private HouseholdChanges.NewMember spouse(String overrideReason) {
        return new HouseholdChanges.NewMember(JoinReason.FAMILY_REUNIFICATION, "Gjenforent", "Testesen", LocalDate.of(1985, 3, 3),
                "M", "UKR", Relation.SPOUSE, Fixtures.duf(), null, null, PermitType.COLLECTIVE_PROTECTION, today, "UDI-FG-" + Fixtures.next(), null, overrideReason);
    }

    private void decide(String m, boolean reunifiedOnTop) {
        fixtures.resetMunicipality(m);
        CommandResult.attempt(() -> capacity.decide(fixtures.planner(), m,
                new DecisionInput(Kind.YEAR, year, year, 2, null, 0, null, reunifiedOnTop, "Kommunestyret", null))).value();
    }

    /** A household of two, accepted and settled today in {@code m} (whose decided number of 2 it fills). */
    private long settledHouseholdOfTwo(String m) {
        long caseId = fixtures.household(fixtures.centre(m), 1);
        fixtures.ready(caseId);
        long proposal = fixtures.propose(caseId, m);
        CommandResult.attempt(() -> proposals.accept(fixtures.municipality(m), proposal, fixtures.plannedDates(caseId, today), null)).value();
        for (SettlementDecision d : decisions.forCase(caseId)) {
            decisions.registerSettlementDate(d.id(), today, null, fixtures.municipality(m)).value();
        }
        return caseId;
    }
}
