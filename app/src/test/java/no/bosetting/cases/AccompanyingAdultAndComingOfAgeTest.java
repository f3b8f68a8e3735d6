package no.bosetting.cases;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.ShiftableClock;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 20 item 2. An unaccompanied minor may come with an accompanying adult (følgeperson, report 000 lines 4082-4094):
 * a relation on the case, not a household member who cancels minor status, so the minor keeps the minors' places. A
 * minor who turns 18 before settlement is flagged and counted as an adult household from the birthday (report 000 line
 * 4084: unaccompanied minors are under 18).
 */
@IntegrationTest
class AccompanyingAdultAndComingOfAgeTest {

    private static final String MOLDE = "1506";

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    PermitImport permitImport;
    @Autowired
    CaseQueries cases;
    @Autowired
    AccompanyingAdults adults;
    @Autowired
    MinorsComingOfAge comingOfAge;
    @Autowired
    TurnedEighteenDeadlines turnedEighteen;
    @Autowired
    Proposals proposals;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    no.bosetting.interview.Interviews interviews;

    private ImportOutcome importMinor(long centre, LocalDate minorBorn, PermitImportRequest.PersonData... others) {
        List<PermitImportRequest.PersonData> persons = new ArrayList<>();
        persons.add(new PermitImportRequest.PersonData(Fixtures.duf(), null, null, "Mykola", "Testenko", minorBorn, "M", "UKR",
                Relation.MAIN, null, null));
        persons.addAll(List.of(others));
        return permitImport.importPermit(new PermitImportRequest("TEST-" + Fixtures.next(), PermitType.COLLECTIVE_PROTECTION,
                TestClock.today().minusDays(20), LivingSituation.RECEPTION_CENTRE, centre, null, persons), fixtures.caseworker());
    }

    /** The interview of a minor answers the minor's situation. */
    private void ready(long caseId) {
        no.bosetting.interview.InterviewAnswers a = fixtures.answers();
        interviews.record(caseId, new no.bosetting.interview.InterviewAnswers(a.heldOn(), a.interpreterLanguage(), null, null, null,
                a.adaptationNeeds(), false, null, null, "Grunnskole", null, false, false, "ukrainsk",
                "Bor med bestemor på mottaket"), fixtures.caseworker()).value();
    }

    private static PermitImportRequest.PersonData adult(String given, LocalDate born, Relation relation) {
        return new PermitImportRequest.PersonData(Fixtures.duf(), null, null, given, "Testenko", born, "F", "UKR", relation, null, null);
    }

    @Test
    void aPermitRowMarkingTheAdultAsAccompanyingKeepsTheMinorAnUnaccompaniedMinorWithTheMinorsPlacesCheck() {
        long centre = fixtures.centre(MOLDE);
        PermitImportRequest.PersonData grandmother = adult("Halyna", LocalDate.of(1962, 4, 2), Relation.ACCOMPANYING_ADULT);
        ImportOutcome outcome = importMinor(centre, TestClock.today().minusYears(15), grandmother);
        assertThat(outcome.ok()).isTrue();
        CaseSummary summary = cases.summaryForSystem(outcome.caseId()).orElseThrow();
        assertThat(summary.householdType()).isEqualTo(HouseholdType.UNACCOMPANIED_MINOR);
        assertThat(summary.unaccompaniedMinor()).isTrue();
        assertThat(summary.persons()).isEqualTo(1);
        assertThat(cases.personIds(outcome.caseId())).hasSize(1);
        AccompanyingAdult recorded = adults.find(outcome.caseId()).orElseThrow();
        assertThat(recorded.fullName()).isEqualTo("Halyna Testenko");
        assertThat(recorded.dufNumber()).isEqualTo(grandmother.dufNumber());
        assertThat(recorded.source()).isEqualTo("PERMIT");

        // Without the marking, the same adult is a member and the household is an adult with a child (as before).
        ImportOutcome asMember = importMinor(centre, TestClock.today().minusYears(15), adult("Olha", LocalDate.of(1962, 4, 2), Relation.OTHER));
        assertThat(cases.summaryForSystem(asMember.caseId()).orElseThrow().householdType()).isEqualTo(HouseholdType.SINGLE_ADULT_WITH_CHILDREN);

        // The minor keeps the minors' places check: a municipality with no minors' places cannot accept.
        fixtures.resetMunicipality(MOLDE);
        LocalDate planned = TestClock.today().plusDays(5);
        fixtures.decidePlannedYear(MOLDE, planned, 20, 0);
        ready(outcome.caseId());
        long proposal = fixtures.propose(outcome.caseId(), MOLDE);
        CommandResult<List<Long>> accepted = CommandResult.attempt(() -> proposals.accept(fixtures.municipality(MOLDE), proposal,
                fixtures.plannedDates(outcome.caseId(), planned), null));
        assertThat(accepted.failure()).isInstanceOfSatisfying(CommandFailure.RuleBroken.class,
                r -> assertThat(r.messageKey()).isEqualTo("error.capacity.minorsExceeded"));
    }

    @Test
    void anAccompanyingRowIsRefusedWithAnotherAdultInTheHouseholdOrWhenTheAdultIsAMinor() {
        long centre = fixtures.centre(MOLDE);
        ImportOutcome withParent = importMinor(centre, TestClock.today().minusYears(15),
                adult("Mor", LocalDate.of(1985, 1, 1), Relation.OTHER), adult("Bestemor", LocalDate.of(1960, 1, 1), Relation.ACCOMPANYING_ADULT));
        assertThat(withParent.ok()).isFalse();
        assertThat(withParent.problems()).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("persons[2].relation");
            assertThat(p.messageKey()).isEqualTo("error.accompanying.onlyForMinors");
        });
        ImportOutcome young = importMinor(centre, TestClock.today().minusYears(15),
                adult("Søster", TestClock.today().minusYears(17), Relation.ACCOMPANYING_ADULT));
        assertThat(young.problems()).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("persons[1].birthDate");
            assertThat(p.messageKey()).isEqualTo("error.accompanying.notAdult");
        });
    }

    @Test
    void theCaseworkerSetsAndCorrectsTheAccompanyingAdultWithHistoryAndBadInputChangesNothing() throws Exception {
        long centre = fixtures.centre(MOLDE);
        long caseId = importMinor(centre, TestClock.today().minusYears(16)).caseId();
        Actor caseworker = fixtures.caseworker();

        mvc.perform(get("/saker/" + caseId).with(as(caseworker))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ingen følgeperson er registrert.")))
                .andExpect(content().string(containsString("action=\"/saker/" + caseId + "/folgeperson\"")));

        MvcResult bad = mvc.perform(post("/saker/" + caseId + "/folgeperson").with(csrf()).with(as(caseworker))
                .param("givenName", "Ivan").param("familyName", "").param("birthDate", TestClock.today().minusYears(12).toString())
                .param("relationToMinor", "SIBLING").param("dufNumber", "")).andReturn();
        @SuppressWarnings("unchecked")
        var errors = (java.util.Map<String, String>) bad.getFlashMap().get("accompanyingErrors");
        assertThat(errors).containsKeys("acc-familyName", "acc-birthDate")
                .containsEntry("acc-birthDate", "En følgeperson må være minst 18 år.");
        @SuppressWarnings("unchecked")
        var typed = (java.util.Map<String, String>) bad.getFlashMap().get("accompanyingForm");
        assertThat(typed).containsEntry("givenName", "Ivan");
        assertThat(adults.find(caseId)).isEmpty();

        mvc.perform(post("/saker/" + caseId + "/folgeperson").with(csrf()).with(as(fixtures.planner()))
                .param("givenName", "Ivan").param("familyName", "Testenko").param("birthDate", "1990-01-01")
                .param("relationToMinor", "SIBLING")).andExpect(status().isForbidden());

        mvc.perform(post("/saker/" + caseId + "/folgeperson").with(csrf()).with(as(caseworker))
                .param("givenName", "Ivan").param("familyName", "Testenko").param("birthDate", "1999-05-06")
                .param("relationToMinor", "SIBLING").param("dufNumber", "")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/saker/" + caseId + "/folgeperson").with(csrf()).with(as(caseworker))
                .param("givenName", "Ivan").param("familyName", "Testenko").param("birthDate", "1999-05-06")
                .param("relationToMinor", "AUNT_OR_UNCLE").param("dufNumber", "")).andExpect(status().is3xxRedirection());
        AccompanyingAdult saved = adults.find(caseId).orElseThrow();
        assertThat(saved.relationToMinor()).isEqualTo(AccompanyingAdult.Kind.AUNT_OR_UNCLE);
        assertThat(saved.source()).isEqualTo("CASEWORKER");
        assertThat(cases.history(caseId)).filteredOn(h -> h.command().equals("SET_ACCOMPANYING_ADULT")).hasSize(2)
                .last().satisfies(h -> assertThat(h.reason()).contains("SIBLING", "→", "AUNT_OR_UNCLE"));
        assertThat(cases.summaryForSystem(caseId).orElseThrow().unaccompaniedMinor()).isTrue();
        mvc.perform(get("/saker/" + caseId).with(as(caseworker))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ivan Testenko")))
                .andExpect(content().string(containsString("Tante eller onkel")));

        mvc.perform(post("/saker/" + caseId + "/folgeperson/fjern").with(csrf()).with(as(caseworker)).param("reason", ""))
                .andExpect(status().is3xxRedirection());
        assertThat(adults.find(caseId)).isPresent();
        mvc.perform(post("/saker/" + caseId + "/folgeperson/fjern").with(csrf()).with(as(caseworker)).param("reason", "Feil person"))
                .andExpect(status().is3xxRedirection());
        assertThat(adults.find(caseId)).isEmpty();
    }

    @Test
    void aMinorWhoTurns18BeforeSettlementIsFlaggedAndCountedAsAnAdultWithOrdinaryPlaces() {
        long centre = fixtures.centre(MOLDE);
        // Turns 18 in three days.
        LocalDate born = TestClock.today().minusYears(18).plusDays(3);
        long caseId = importMinor(centre, born).caseId();
        assertThat(cases.summaryForSystem(caseId).orElseThrow().householdType()).isEqualTo(HouseholdType.UNACCOMPANIED_MINOR);
        comingOfAge.run();
        assertThat(comingOfAge.turnedAdultOn(caseId)).isEmpty();

        ShiftableClock.runAt(TestClock.instant().plus(Duration.ofDays(4)), comingOfAge::run);
        CaseSummary after = cases.summaryForSystem(caseId).orElseThrow();
        assertThat(after.householdType()).isEqualTo(HouseholdType.SINGLE_MAN);
        assertThat(after.unaccompaniedMinor()).isFalse();
        assertThat(after.children()).isZero();
        assertThat(SettlementTarget.months(after.householdType())).isEqualTo(6);
        assertThat(comingOfAge.turnedAdultOn(caseId)).contains(born.plusYears(18));
        assertThat(cases.history(caseId)).anySatisfy(h -> {
            assertThat(h.command()).isEqualTo("TURNED_18");
            assertThat(h.reason()).contains("SINGLE_MAN", "6 måneder");
        });
        assertThat(turnedEighteen.evaluate(TestClock.today())).anySatisfy(i -> {
            assertThat(i.caseId()).isEqualTo(caseId);
            assertThat(i.recipient()).isEqualTo("agency");
        });
        // Once only.
        ShiftableClock.runAt(TestClock.instant().plus(Duration.ofDays(5)), comingOfAge::run);
        assertThat(cases.history(caseId)).filteredOn(h -> h.command().equals("TURNED_18")).hasSize(1);

        // Counted by the adult rule: a municipality without minors' places accepts the household on ordinary places.
        fixtures.resetMunicipality(MOLDE);
        LocalDate planned = TestClock.today().plusDays(5);
        fixtures.decidePlannedYear(MOLDE, planned, 20, 0);
        ready(caseId);
        long proposal = fixtures.propose(caseId, MOLDE);
        CommandResult.attempt(() -> proposals.accept(fixtures.municipality(MOLDE), proposal,
                fixtures.plannedDates(caseId, planned), null)).value();
        assertThat(cases.summaryForSystem(caseId).orElseThrow().status()).isEqualTo(CaseStatus.OFFERED);
    }

    @Test
    void aMinorAcceptedBeforeTurning18KeepsTheDecisionAndIsOnlyFlagged() {
        long centre = fixtures.centre(MOLDE);
        LocalDate born = TestClock.today().minusYears(18).plusDays(2);
        long caseId = importMinor(centre, born).caseId();
        fixtures.resetMunicipality(MOLDE);
        LocalDate planned = TestClock.today().plusDays(5);
        fixtures.decidePlannedYear(MOLDE, planned, 20, 2);
        ready(caseId);
        long proposal = fixtures.propose(caseId, MOLDE);
        CommandResult.attempt(() -> proposals.accept(fixtures.municipality(MOLDE), proposal,
                fixtures.plannedDates(caseId, planned), null)).value();

        ShiftableClock.runAt(TestClock.instant().plus(Duration.ofDays(3)), comingOfAge::run);
        CaseSummary after = cases.summaryForSystem(caseId).orElseThrow();
        assertThat(after.householdType()).isEqualTo(HouseholdType.UNACCOMPANIED_MINOR);
        assertThat(comingOfAge.turnedAdultOn(caseId)).contains(born.plusYears(18));
        assertThat(turnedEighteen.evaluate(TestClock.today())).anySatisfy(i -> assertThat(i.caseId()).isEqualTo(caseId));
    }
}
