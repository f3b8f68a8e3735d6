package no.bosetting.introduction;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.interview.Interviews;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.ShiftableClock;
import no.bosetting.shared.web.PageRequest;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.introduction.RegisterData.noon;
import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The introduction register (issue 17 item 4; IMDinett's introduction register, report 000 around line 3021): the
 * settling municipality records each settled person's programme, breaks, training and status a year after; bad input
 * is refused at its field and nothing is saved; a person not settled, another municipality or the agency cannot
 * record; the results follow the public statistics' small-cell rule; every read of a person is logged.
 */
@IntegrationTest
class IntroductionRegisterTest {

    private static final String HEROY = "1818";
    private static final String LEIRFJORD = "1822";

    @Autowired
    IntroductionRegister register;
    @Autowired
    IntroductionResults results;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Interviews interviews;
    @Autowired
    Proposals proposals;
    @Autowired
    SettlementDecisions decisions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    private RegisterData data() {
        return new RegisterData(fixtures, interviews, proposals, decisions, register);
    }

    private static void assertRuleBroken(CommandResult<?> r, String field, String key) {
        assertThat(r.failure()).isInstanceOfSatisfying(CommandFailure.RuleBroken.class, f -> {
            assertThat(f.field()).isEqualTo(field);
            assertThat(f.messageKey()).isEqualTo(key);
        });
    }

    private int rows(long person) {
        return jdbc.sql("""
                select (select count(*) from intro_participation where person_id = :p) + (select count(*) from intro_period where person_id = :p)
                     + (select count(*) from intro_training where person_id = :p) + (select count(*) from intro_outcome where person_id = :p)""")
                .param("p", person).query(Integer.class).single();
    }

    @Test
    void theSettlingMunicipalityRecordsAndBadInputIsRefusedAtItsFieldWithNothingSaved() {
        long caseId = data().settled(HEROY, 0, true);
        long person = decisions.forCase(caseId).get(0).personId();
        Actor officer = fixtures.municipality(HEROY);
        LocalDate today = TestClock.today();

        // Before anything: no programme, so no break, training or status.
        assertRuleBroken(register.addPeriod(officer, caseId, person, PeriodKind.LEAVE, today, today), "periodKind", "introduction.error.noProgramme");
        assertRuleBroken(register.saveProgramme(officer, caseId, person, today.minusDays(1), null), "startedOn", "introduction.error.beforeSettlement");
        assertThat(rows(person)).isZero();
        register.saveProgramme(officer, caseId, person, today, null).value();

        ShiftableClock.runAt(noon(today.plusDays(500)), () -> {
            // A period ending before it starts; negative and absurd hours; a level on the social-studies test.
            assertRuleBroken(register.addPeriod(officer, caseId, person, PeriodKind.INTERRUPTION, today.plusDays(50), today.plusDays(40)),
                    "periodTo", "introduction.error.endBeforeStart");
            assertRuleBroken(register.addTraining(officer, caseId, person, TrainingSubject.NORWEGIAN, -1, null, null, null),
                    "hours", "introduction.error.hours");
            assertRuleBroken(register.addTraining(officer, caseId, person, TrainingSubject.NORWEGIAN, 3001, null, null, null),
                    "hours", "introduction.error.hours");
            assertRuleBroken(register.addTraining(officer, caseId, person, TrainingSubject.SOCIAL_STUDIES, 50, today.plusDays(60),
                    NorwegianLevel.A2, null), "level", "introduction.error.levelIsNorwegian");
            assertRuleBroken(register.saveProgramme(officer, caseId, person, today, today.minusDays(1)), "completedOn",
                    "introduction.error.endBeforeStart");
            // A status before completion, and before completion + 1 year.
            assertRuleBroken(register.recordOutcome(officer, caseId, person, OutcomeCategory.WORK, today.plusDays(480)), "status",
                    "introduction.error.notCompleted");
            assertThat(rows(person)).isEqualTo(1);

            register.addPeriod(officer, caseId, person, PeriodKind.LEAVE, today.plusDays(40), today.plusDays(50)).value();
            register.addTraining(officer, caseId, person, TrainingSubject.NORWEGIAN, 3000, today.plusDays(200), NorwegianLevel.B1, null).value();
            register.addTraining(officer, caseId, person, TrainingSubject.SOCIAL_STUDIES, 50, today.plusDays(100), null, true).value();
            register.saveProgramme(officer, caseId, person, today, today.plusDays(300)).value();
            assertRuleBroken(register.recordOutcome(officer, caseId, person, OutcomeCategory.WORK, today.plusDays(480)), "measuredOn",
                    "introduction.error.tooEarly");
            // A break outside the programme's dates.
            assertRuleBroken(register.saveProgramme(officer, caseId, person, today, today.plusDays(45)), "completedOn",
                    "introduction.error.periodOutside");
        });
        ShiftableClock.runAt(noon(today.plusDays(700)), () -> {
            register.recordOutcome(officer, caseId, person, OutcomeCategory.BOTH, today.plusDays(670)).value();
            // With a status recorded, the completion cannot move later than a year before it.
            assertRuleBroken(register.saveProgramme(officer, caseId, person, today, today.plusDays(400)), "completedOn",
                    "introduction.error.outcomeRecorded");
        });
        IntroductionRecord record = register.recordOf(person);
        assertThat(record.participation().completedOn()).isEqualTo(today.plusDays(300));
        assertThat(record.periods()).singleElement().extracting(IntroductionRecord.Period::kind).isEqualTo(PeriodKind.LEAVE);
        assertThat(record.hours(TrainingSubject.NORWEGIAN)).isEqualTo(3000);
        assertThat(record.training()).extracting(IntroductionRecord.Training::passed).containsExactly(null, true);
        assertThat(record.outcome().status()).isEqualTo(OutcomeCategory.BOTH);
    }

    @Test
    void onlyTheSettlingMunicipalityRecordsAndOnlyForASettledPerson() {
        LocalDate today = TestClock.today();
        long caseId = data().settled(HEROY, 0, false);
        long person = decisions.forCase(caseId).get(0).personId();
        // Another municipality does not see the case; the agency may read but not record.
        assertThat(register.saveProgramme(fixtures.municipality(LEIRFJORD), caseId, person, today, null).failure())
                .isInstanceOf(CommandFailure.NotFound.class);
        assertThat(register.saveProgramme(fixtures.caseworker(), caseId, person, today, null).failure())
                .isInstanceOf(CommandFailure.NotAllowed.class);
        // A household accepted but not settled: no status, no programme.
        fixtures.decide(HEROY, today.getYear(), 2000, 0);
        fixtures.decidePlannedYear(HEROY, today.plusDays(20), 2000, 0); // late in December the planned date is next year's
        long waiting = fixtures.household(fixtures.centre(HEROY), 0, today.minusDays(40));
        fixtures.ready(waiting);
        long proposal = fixtures.propose(waiting, HEROY);
        CommandResult.attempt(() -> proposals.accept(fixtures.municipality(HEROY), proposal,
                fixtures.plannedDates(waiting, today.plusDays(20)), null)).value();
        long notSettled = decisions.forCase(waiting).get(0).personId();
        assertThat(register.recordOutcome(fixtures.municipality(HEROY), waiting, notSettled, OutcomeCategory.WORK, today).failure())
                .isInstanceOf(CommandFailure.WrongState.class);
        assertThat(register.saveProgramme(fixtures.municipality(HEROY), waiting, notSettled, today, null).failure())
                .isInstanceOf(CommandFailure.WrongState.class);
        assertThat(rows(notSettled)).isZero();
    }

    @Test
    void theFormShowsTheErrorAtTheFieldKeepsWhatWasTypedAndEveryReadIsLogged() throws Exception {
        long caseId = data().settled(HEROY, 0, true);
        long person = decisions.forCase(caseId).get(0).personId();
        Actor officer = fixtures.municipality(HEROY);
        register.saveProgramme(officer, caseId, person, TestClock.today(), null).value();
        String path = "/saker/" + caseId + "/introduksjon/" + person;
        mvc.perform(post(path + "/opplaering").with(as(officer)).with(csrf()).param("subject", "NORWEGIAN").param("hours", "4000"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"hours-error\"")))
                .andExpect(content().string(containsString("Skriv antall timer som et helt tall fra 0 til 3")))
                .andExpect(content().string(containsString("value=\"4000\"")));
        assertThat(rows(person)).isEqualTo(1);
        mvc.perform(post(path + "/avbrudd").with(as(officer)).with(csrf()).param("periodKind", "LEAVE")
                        .param("periodFrom", TestClock.today().toString()).param("periodTo", TestClock.today().minusDays(1).toString()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"periodTo-error\"")));
        mvc.perform(post(path + "/opplaering").with(as(officer)).with(csrf()).param("subject", "NORWEGIAN").param("hours", "120"))
                .andExpect(status().is3xxRedirection());
        assertThat(rows(person)).isEqualTo(2);
        // The agency reads (logged); the agency may not post; another municipality does not find the case.
        mvc.perform(get(path).with(as(fixtures.caseworker()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Testa Testesen")));
        assertThat(jdbc.sql("select count(*) from person_access_log where person_id = :p and username = :u and purpose = 'introduction register'")
                .param("p", person).param("u", fixtures.caseworker().username()).query(Integer.class).single()).isPositive();
        mvc.perform(post(path + "/opplaering").with(as(fixtures.caseworker())).with(csrf()).param("subject", "NORWEGIAN").param("hours", "1"))
                .andExpect(status().isForbidden());
        mvc.perform(get(path).with(as(fixtures.municipality(LEIRFJORD)))).andExpect(status().isNotFound());
        // The case page links the settled person's entry.
        mvc.perform(get("/saker/" + caseId).with(as(officer))).andExpect(content().string(containsString(path)));
    }

    @Test
    void resultsWithholdSmallCellsAndPublishOnlySharesWhereCellsAllow() throws Exception {
        RegisterData data = data();
        // Five persons in Herøy (published), three in Leirfjord (withheld).
        long five = data.settled(HEROY, 4, true);
        data.completeWith(five, HEROY, List.of(OutcomeCategory.WORK, OutcomeCategory.WORK, OutcomeCategory.EDUCATION, OutcomeCategory.NEITHER,
                OutcomeCategory.BOTH));
        long three = data.settled(LEIRFJORD, 2, false);
        data.completeWith(three, LEIRFJORD, List.of(OutcomeCategory.NEITHER));
        int year = TestClock.today().plusDays(400).getYear();
        IntroductionResults.Results r = results.results(year,
                PageRequest.first(PageRequest.MAX_SIZE, IntroductionResults.ORDER, "name"), Map.of());
        IntroductionResults.Row heroy = r.municipalities().items().stream().filter(m -> m.municipalityNumber().equals(HEROY)).findFirst().orElseThrow();
        IntroductionResults.Row leirfjord = r.municipalities().items().stream().filter(m -> m.municipalityNumber().equals(LEIRFJORD)).findFirst().orElseThrow();
        assertThat(heroy.persons()).isGreaterThanOrEqualTo(5);
        assertThat(heroy.share()).isNotNull();
        if (leirfjord.persons() == null) { // only this test's three persons completed there that year
            assertThat(leirfjord.share()).isNull();
            assertThat(leirfjord.byStatus().get(OutcomeCategory.NEITHER)).isNull();
        }
        assertThat(r.municipalities().items()).allSatisfy(m -> {
            assertThat(m.persons() == null || m.persons() >= 5).isTrue();
            assertThat(m.share() == null || m.persons() != null).isTrue();
        });
        // The public page: shares only, and "withheld" where the cell is small; anyone may read it.
        mvc.perform(get("/offentlig/introduksjon").param("year", String.valueOf(year)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Herøy")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Personer med status"))));
        // The agency's page; a statistics reader and a municipality are refused.
        mvc.perform(get("/statistikk/introduksjon").with(as(fixtures.planner()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Personer med status")));
        mvc.perform(get("/statistikk/introduksjon").with(as(fixtures.statistics()))).andExpect(status().isForbidden());
        mvc.perform(get("/statistikk/introduksjon").with(as(fixtures.municipality(HEROY)))).andExpect(status().isForbidden());
    }
}
