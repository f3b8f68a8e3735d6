package no.bosetting.grants;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.decisions.SettlementDateDeadlines;
import no.bosetting.decisions.SettlementDecision;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.shared.deadlines.DueItem;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.ShiftableClock;
import no.bosetting.support.Fixtures;
import no.bosetting.support.StatementCounter;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Schedules from the registered settlement date and payment runs (issue 17 items 2 and 3): paid from the registered
 * date (report 000 lines 3669–3673), a run locks what it paid so a second run pays only what was not paid, a run that
 * would pay an item twice is refused, and after a date correction a correction run pays the difference with a line
 * saying why. The work item for a missing date says the money waits on it (report 000 lines 3691–3694).
 */
@IntegrationTest
class GrantPaymentsTest {

    private static final String VEGA = "1815";
    private static final String VEVELSTAD = "1816";
    private static final String BEIARN = "1839";

    @Autowired
    GrantPayments payments;
    @Autowired
    GrantSchedules schedules;
    @Autowired
    DemoGrantRates demoRates;
    @Autowired
    AdditionalGrants additional;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Proposals proposals;
    @Autowired
    SettlementDecisions decisions;
    @Autowired
    SettlementDateDeadlines settlementDates;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @BeforeEach
    void rates() {
        demoRates.ensure(Actor.system());
    }

    private static void at(LocalDate day, Runnable task) {
        ShiftableClock.runAt(day.atTime(12, 0).atZone(ZoneId.of("Europe/Oslo")).toInstant(), task);
    }


    private List<PaymentRun.Line> linesOf(CommandResult<PaymentRun> run, long personId) {
        if (!run.isSuccess()) {
            return List.of();
        }
        return payments.lines(run.value().id(), 0, 0).stream().filter(l -> l.personId() == personId).toList();
    }

    @Test
    void aDateCorrectionAfterAPaymentRunIsPaidByACorrectionRunAndNothingIsPaidTwice() throws Exception {
        LocalDate today = TestClock.today();
        int year = today.getDayOfYear() >= 2 ? today.getYear() : today.getYear() - 1;
        LocalDate december = LocalDate.of(year - 1, 12, 20);
        LocalDate january = LocalDate.of(year, 1, 2);
        long caseId = fixtures.acceptedOn(VEGA, december.minusDays(10), december);
        at(december.minusDays(10), () -> fixtures.decidePlannedYear(VEGA, january, 500, 0));
        SettlementDecision decision = decisions.forCase(caseId).get(0);
        long personId = decision.personId();
        // 59 on the December date, 60 on the January one: the category (and so the rate) changes with the correction
        jdbc.sql("update person set birth_date = :b where id = :p").param("b", LocalDate.of(year - 61, 12, 25)).param("p", personId).update();
        at(december, () -> decisions.registerSettlementDate(decision.id(), december, null, fixtures.municipality(VEGA)).value());

        GrantSchedules.Snapshot settled = schedules.current(personId).orElseThrow();
        assertThat(settled.settledOn()).isEqualTo(december);
        assertThat(settled.category()).isEqualTo(GrantCategory.SINGLE_ADULT);
        List<ScheduleLine> lines = schedules.lines(settled.id()).stream().filter(l -> l.kind() == GrantKind.INTEGRATION).toList();
        assertThat(lines).extracting(ScheduleLine::calendarYear).containsExactly(year - 1, year, year + 1, year + 2, year + 3);
        assertThat(lines.get(0).amount()).isEqualByComparingTo("270000"); // the December settlement brings year 1's full grant

        CommandResult<PaymentRun> first = payments.run(fixtures.planner(), PaymentRun.Kind.REGULAR, year - 1);
        assertThat(linesOf(first, personId)).singleElement().satisfies(l -> {
            assertThat(l.amount()).isEqualByComparingTo("270000");
            assertThat(l.municipalityNumber()).isEqualTo(VEGA);
            assertThat(l.schemeYear()).isEqualTo(1);
        });
        // a second run pays only what was not paid
        assertThat(linesOf(CommandResult.attempt(() -> payments.run(fixtures.planner(), PaymentRun.Kind.REGULAR, year - 1)), personId)).isEmpty();

        // the municipality corrects the date to January: year 1 is now next year's, at the elderly rate
        decisions.registerSettlementDate(decision.id(), january, "Flyttet inn 2. januar", fixtures.municipality(VEGA)).value();
        mvc.perform(get("/tilskudd/personer/{id}", personId).with(as(fixtures.planner())))
                .andExpect(status().isOk())
                // recomputed when the date was corrected (the event), and the history says so; a read no longer writes
                .andExpect(content().string(containsString("Bosettingsdato rettet")))
                .andExpect(content().string(containsString("Eldre (60 år eller mer)")))
                .andExpect(content().string(not(containsString("??"))));
        assertThat(schedules.history(personId)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(schedules.current(personId).orElseThrow().category()).isEqualTo(GrantCategory.ELDERLY);

        // a regular run for the new year does not pay year 1 again
        assertThat(linesOf(CommandResult.attempt(() -> payments.run(fixtures.planner(), PaymentRun.Kind.REGULAR, year)), personId)).isEmpty();
        // the correction run pays the difference, with a line saying why
        CommandResult<PaymentRun> correction = CommandResult.attempt(() -> payments.run(fixtures.planner(), PaymentRun.Kind.CORRECTION, year));
        assertThat(linesOf(correction, personId)).singleElement().satisfies(l -> {
            assertThat(l.amount()).isEqualByComparingTo("10000");
            assertThat(l.previousAmount()).isEqualByComparingTo("270000");
            assertThat(l.calendarYear()).isEqualTo(year);
            assertThat(l.explanation()).contains("bosettingsdato 02.01." + year).contains("270\u00a0000").contains("280\u00a0000");
        });
        assertThat(linesOf(CommandResult.attempt(() -> payments.run(fixtures.planner(), PaymentRun.Kind.CORRECTION, year)), personId)).isEmpty();
        mvc.perform(get("/tilskudd/utbetalinger/eksport.csv").param("run", String.valueOf(correction.value().id())).with(as(fixtures.planner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("bosettingsdato 02.01." + year)));

        // an export that would pay the person's year 1 again is refused, and nothing is written
        long runs = payments.countRuns();
        ScheduleLine yearOne = schedules.lines(schedules.current(personId).orElseThrow().id()).stream()
                .filter(l -> l.kind() == GrantKind.INTEGRATION && l.schemeYear() == 1).findFirst().orElseThrow();
        CommandResult<PaymentRun> twice = payments.write(fixtures.planner(), PaymentRun.Kind.REGULAR, year,
                List.of(new GrantPayments.PendingLine(personId, caseId, yearOne, yearOne.amount(), null, null, true)));
        assertThat(twice.failure()).isInstanceOfSatisfying(CommandFailure.RuleBroken.class,
                r -> assertThat(r.messageKey()).isEqualTo("grants.error.paidTwice"));
        assertThat(payments.countRuns()).isEqualTo(runs);
        // a caseworker may not run payments; a year ahead is refused at the field
        assertThat(payments.run(fixtures.caseworker(), PaymentRun.Kind.REGULAR, year).failure()).isInstanceOf(CommandFailure.NotAllowed.class);
        assertThat(payments.run(fixtures.planner(), PaymentRun.Kind.REGULAR, today.getYear() + 1).failure())
                .isInstanceOfSatisfying(CommandFailure.RuleBroken.class, r -> assertThat(r.field()).isEqualTo("year"));
    }

    @Test
    void theMunicipalitySeesItsSettledAndExpectedGrantsAndNobodyElsesPersons() throws Exception {
        LocalDate today = TestClock.today();
        long settledCase = fixtures.acceptedOn(VEVELSTAD, today.minusDays(20), today.minusDays(5));
        SettlementDecision d = decisions.forCase(settledCase).get(0);
        decisions.registerSettlementDate(d.id(), today.minusDays(5), null, fixtures.municipality(VEVELSTAD)).value();
        long expectedCase = fixtures.acceptedOn(VEVELSTAD, today.minusDays(3), today.plusDays(20));
        long expectedPerson = decisions.forCase(expectedCase).get(0).personId();
        assertThat(schedules.current(expectedPerson).orElseThrow().settledOn()).isNull(); // computed at the acceptance

        String page = mvc.perform(get("/kommune/tilskudd").with(as(fixtures.municipality(VEVELSTAD))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Tilskudd til Vevelstad").contains("Testa Testesen").contains("forventet").contains("demo-sats")
                .contains("/kommune/tilskudd/personer/" + d.personId()).doesNotContain("??");
        assertThat(jdbc.sql("select count(*) from person_access_log where person_id = :p and username = :u").param("p", d.personId())
                .param("u", fixtures.municipality(VEVELSTAD).username()).query(Long.class).single()).isPositive();
        mvc.perform(get("/kommune/tilskudd/personer/{id}", d.personId()).with(as(fixtures.municipality(VEVELSTAD))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Tilskuddsplan for Testa Testesen")));
        mvc.perform(get("/kommune/tilskudd/personer/{id}", d.personId()).with(as(fixtures.municipality(VEGA))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/kommune/tilskudd/personer/{id}", expectedPerson).with(as(fixtures.municipality(VEVELSTAD))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("utbetales ikke før bosettingsdato er registrert")));
        mvc.perform(get("/kommune/tilskudd/eksport.csv").with(as(fixtures.municipality(VEVELSTAD))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Testa Testesen")))
                .andExpect(content().string(org.hamcrest.Matchers.anyOf(containsString(",Ja,"), containsString(",Nei,"))));
        // The export is in the reader's language, its yes/no column too.
        mvc.perform(get("/kommune/tilskudd/eksport.csv").param("lang", "en").with(as(fixtures.municipality(VEVELSTAD))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.anyOf(containsString(",Yes,"), containsString(",No,"))))
                .andExpect(content().string(not(org.hamcrest.Matchers.anyOf(containsString(",Ja,"), containsString(",Nei,")))));
        mvc.perform(get("/kommune/tilskudd/eksport.xlsx").with(as(fixtures.municipality(VEVELSTAD)))).andExpect(status().isOk());
        mvc.perform(get("/tilskudd/kommuner/{n}", VEVELSTAD).with(as(fixtures.caseworker())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Tilskudd til Vevelstad")));
        mvc.perform(get("/tilskudd/kommuner/{n}", VEVELSTAD).with(as(fixtures.municipality(VEVELSTAD)))).andExpect(status().isForbidden());
        mvc.perform(get("/tilskudd").with(as(fixtures.planner())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Prognose fra planleggingsscenarioet")))
                .andExpect(content().string(not(containsString("??"))));
    }

    @Test
    void theGrantListAndItsExportRunTheSameStatementsForOnePersonAndForFive() throws Exception {
        LocalDate today = TestClock.today();
        Actor officer = fixtures.municipality(BEIARN);
        fixtures.acceptedOn(BEIARN, today.minusDays(3), today.plusDays(20));
        int listOne = statements("/kommune/tilskudd", officer);
        int exportOne = statements("/kommune/tilskudd/eksport.csv", officer);
        for (int i = 0; i < 4; i++) {
            fixtures.acceptedOn(BEIARN, today.minusDays(3), today.plusDays(20));
        }
        // Names and case references were read per case before (two statements per listed household).
        assertThat(statements("/kommune/tilskudd", officer)).as("a page of five persons costs what a page of one does").isEqualTo(listOne);
        assertThat(statements("/kommune/tilskudd/eksport.csv", officer)).as("an export of five costs what an export of one does")
                .isEqualTo(exportOne);
        assertThat(jdbc.sql("select count(distinct person_id) from person_access_log where username = :u and purpose = 'grants'")
                .param("u", officer.username()).query(Long.class).single()).isEqualTo(5);
    }

    private int statements(String path, Actor actor) throws Exception {
        return StatementCounter.statements(() -> mvc.perform(get(path).with(as(actor))).andExpect(status().isOk())).size();
    }

    @Test
    void theDisabilityGrantNeedsASettledPersonAReasonAndADateInTheSchemeAndEntersTheSchedule() throws Exception {
        LocalDate today = TestClock.today();
        long expectedCase = fixtures.acceptedOn(VEGA, today.minusDays(3), today.plusDays(20));
        long notSettled = decisions.forCase(expectedCase).get(0).personId();
        assertThat(additional.grantDisability(fixtures.planner(), notSettled, today, "Søknad").failure())
                .isInstanceOfSatisfying(CommandFailure.RuleBroken.class, r -> assertThat(r.messageKey()).isEqualTo("grants.error.notSettled"));
        long caseId = fixtures.acceptedOn(VEGA, today.minusDays(20), today.minusDays(5));
        SettlementDecision d = decisions.forCase(caseId).get(0);
        decisions.registerSettlementDate(d.id(), today.minusDays(5), null, fixtures.municipality(VEGA)).value();
        assertThat(additional.grantDisability(fixtures.caseworker(), d.personId(), today, "Søknad").failure())
                .isInstanceOf(CommandFailure.NotAllowed.class);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/tilskudd/personer/{id}/nedsatt-funksjonsevne",
                                d.personId()).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .with(as(fixtures.planner())).param("grantedOn", today.minusDays(10).toString()).param("reason", "Søknad"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"grantedOn-error\"")))
                .andExpect(content().string(containsString("Søknad")));
        assertThat(additional.disability(d.personId())).isEmpty();
        additional.grantDisability(fixtures.planner(), d.personId(), today, "Søknad fra kommunen").value();
        assertThat(schedules.lines(schedules.current(d.personId()).orElseThrow().id())).filteredOn(l -> l.kind() == GrantKind.DISABILITY)
                .singleElement().satisfies(l -> {
                    assertThat(l.schemeYear()).isEqualTo(today.getYear() - today.minusDays(5).getYear() + 1);
                    assertThat(l.amount()).isEqualByComparingTo("200000");
                });
        assertThat(additional.grantDisability(fixtures.planner(), d.personId(), today, "Igjen").failure())
                .isInstanceOfSatisfying(CommandFailure.RuleBroken.class, r -> assertThat(r.messageKey()).isEqualTo("grants.error.alreadyGranted"));
    }

    @Test
    void theMissingSettlementDateWorkItemSaysTheGrantWaitsOnIt() {
        LocalDate today = TestClock.today();
        long caseId = fixtures.acceptedOn(VEGA, today.minusDays(40), today.minusDays(30));
        List<DueItem> items = settlementDates.evaluate(today).stream().filter(i -> Long.valueOf(caseId).equals(i.caseId())).toList();
        assertThat(items).isNotEmpty().allSatisfy(i ->
                assertThat(i.detail()).contains("Integreringstilskuddet utbetales ikke før bosettingsdato er registrert."));
    }
}
