package no.bosetting.grants.api;

import java.time.LocalDate;
import java.time.ZoneId;

import no.bosetting.access.Actor;
import no.bosetting.decisions.SettlementDecision;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.grants.DemoGrantRates;
import no.bosetting.grants.GrantPayments;
import no.bosetting.grants.PaymentRun;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.ShiftableClock;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.StatementCounter;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The grants on /api/v1: the officer reads their own municipality's grants and schedules, the agency any municipality's
 * and the payment runs; another municipality's are refused or not found; bad input is a problem naming the field; every
 * person read through the API is in the access log with the API path as purpose.
 */
@IntegrationTest
class GrantApiTest {

    /** Municipalities no other test uses, one per test so counts are exact: Sortland, Sauda, Suldal, Bokn, Vindafjord; Kvitsøy has no data. */
    private static final String SORTLAND = "1870";
    private static final String SAUDA = "1135";
    private static final String SULDAL = "1134";
    private static final String BOKN = "1145";
    private static final String KVITSOY = "1144";
    private static final String VINDAFJORD = "1160";

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    DemoGrantRates demoRates;
    @Autowired
    Proposals proposals;
    @Autowired
    SettlementDecisions decisions;
    @Autowired
    GrantPayments payments;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void rates() {
        demoRates.ensure(Actor.system());
    }

    @Test
    void theOfficerReadsTheirOwnMunicipalitysGrantsPagedAndEachShownPersonIsLogged() throws Exception {
        LocalDate today = TestClock.today();
        long first = personOf(accepted(SORTLAND, today.minusDays(3), today.plusDays(10)));
        long second = personOf(accepted(SORTLAND, today.minusDays(3), today.plusDays(20)));
        long third = personOf(accepted(SORTLAND, today.minusDays(3), today.plusDays(30)));
        Actor officer = fixtures.municipality(SORTLAND);

        mvc.perform(get("/api/v1/grants/municipalities/{number}", SORTLAND).param("size", "2").with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.municipalityNumber").value(SORTLAND))
                .andExpect(jsonPath("$.municipalityName").value("Sortland"))
                .andExpect(jsonPath("$.fromYear").value(today.getYear()))
                .andExpect(jsonPath("$.years.length()").value(5))
                .andExpect(jsonPath("$.years[0].year").value(today.getYear()))
                .andExpect(jsonPath("$.ratesUsed").isArray())
                .andExpect(jsonPath("$.persons.total").value(3))
                .andExpect(jsonPath("$.persons.totalPages").value(2))
                .andExpect(jsonPath("$.persons.size").value(2))
                .andExpect(jsonPath("$.persons.items.length()").value(2))
                .andExpect(jsonPath("$.persons.items[0].personId").value((int) first))
                .andExpect(jsonPath("$.persons.items[0].expected").value(true))
                .andExpect(jsonPath("$.persons.items[0].caseReference").isNotEmpty())
                .andExpect(jsonPath("$.persons.items[0].name").value(containsString("Testesen")))
                .andExpect(jsonPath("$.persons.items[0].amounts.length()").value(5))
                .andExpect(jsonPath("$.persons.items[1].personId").value((int) second));
        assertThat(logged(officer, first, "api:/api/v1/grants/municipalities/" + SORTLAND)).isPositive();
        assertThat(logged(officer, third, "api:/api/v1/grants/municipalities/" + SORTLAND)).as("a person on another page is not read").isZero();

        mvc.perform(get("/api/v1/grants/municipalities/{number}", SORTLAND).param("size", "2").param("page", "1").with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.persons.page").value(1))
                .andExpect(jsonPath("$.persons.items.length()").value(1))
                .andExpect(jsonPath("$.persons.items[0].personId").value((int) third));
        assertThat(logged(officer, third, "api:/api/v1/grants/municipalities/" + SORTLAND)).isPositive();

        // the agency reads any municipality's; a later window of years is asked for by its first year
        mvc.perform(get("/api/v1/grants/municipalities/{number}", SORTLAND).param("year", String.valueOf(today.getYear() + 1))
                        .with(as(fixtures.caseworker())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fromYear").value(today.getYear() + 1))
                .andExpect(jsonPath("$.persons.items[0].amounts[0].year").value(today.getYear() + 1));
    }

    @Test
    void anotherMunicipalityIsRefusedAndUnknownOrBadInputIsAProblem() throws Exception {
        LocalDate today = TestClock.today();
        long caseId = accepted(SAUDA, today.minusDays(3), today.plusDays(10));
        long person = personOf(caseId);
        Actor kvitsoy = fixtures.municipality(KVITSOY);

        mvc.perform(get("/api/v1/grants/municipalities/{number}", SAUDA).with(as(kvitsoy)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value(endsWith("/not-allowed")));
        mvc.perform(get("/api/v1/grants/persons/{id}", person).with(as(kvitsoy)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString(String.valueOf(person))));
        mvc.perform(get("/api/v1/grants/cases/{id}", caseId).with(as(kvitsoy)))
                .andExpect(status().isNotFound());
        assertThat(logged(kvitsoy, person, null)).as("a refused read is not a read").isZero();
        mvc.perform(get("/api/v1/grants/payment-runs").with(as(kvitsoy)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/grants/municipalities/{number}", SAUDA).with(as(fixtures.statistics())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/grants/municipalities/{number}", SAUDA)).andExpect(status().isUnauthorized());

        mvc.perform(get("/api/v1/grants/municipalities/{number}", "9999").with(as(fixtures.caseworker())))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Kommunenummeret 9999 finnes ikke."));
        mvc.perform(get("/api/v1/grants/municipalities/{number}", SAUDA).param("year", "1999").with(as(fixtures.caseworker())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("year"))
                .andExpect(jsonPath("$.errors[0].code").value("grants.error.apiYear"))
                .andExpect(jsonPath("$.errors[0].message").value("Året må være fra 2000 til " + (today.getYear() + 4) + "."));
        mvc.perform(get("/api/v1/grants/municipalities/{number}", SAUDA).param("year", "i fjor").with(as(fixtures.caseworker()))
                        .header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("year"));
        mvc.perform(get("/api/v1/grants/municipalities/{number}", SAUDA).param("size", "0").param("page", "-1")
                        .with(as(fixtures.caseworker())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("size")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("page")));
        mvc.perform(get("/api/v1/grants/persons/{id}", 0).with(as(fixtures.caseworker())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/grants/payment-runs/{id}", 0).with(as(fixtures.caseworker())))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(endsWith("/not-found")));
    }

    @Test
    void aPersonsAndAHouseholdsScheduleAreReadAndLoggedOnTheApiPath() throws Exception {
        LocalDate today = TestClock.today();
        long caseId = accepted(SULDAL, today.minusDays(3), today.plusDays(10));
        long person = personOf(caseId);
        Actor officer = fixtures.municipality(SULDAL);

        mvc.perform(get("/api/v1/grants/persons/{id}", person).with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.personId").value((int) person))
                .andExpect(jsonPath("$.caseId").value((int) caseId))
                .andExpect(jsonPath("$.name").value(containsString("Testesen")))
                .andExpect(jsonPath("$.current.plannedOn").value(today.plusDays(10).toString()))
                .andExpect(jsonPath("$.current.cause").value("OFFERED"))
                .andExpect(jsonPath("$.lines[0].kind").value("INTEGRATION"))
                .andExpect(jsonPath("$.lines[0].schemeYear").value(1))
                .andExpect(jsonPath("$.lines[0].municipalityNumber").value(SULDAL))
                .andExpect(jsonPath("$.lines[0].expected").value(true))
                .andExpect(jsonPath("$.history.length()").value(1))
                .andExpect(jsonPath("$.paid").isEmpty());
        assertThat(logged(officer, person, "api:/api/v1/grants/persons/" + person)).isEqualTo(1);

        mvc.perform(get("/api/v1/grants/cases/{id}", caseId).with(as(fixtures.planner())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.caseId").value((int) caseId))
                .andExpect(jsonPath("$.persons[*].personId").value(hasItem((int) person)));
        assertThat(logged(fixtures.planner(), person, "api:/api/v1/grants/cases/" + caseId)).isEqualTo(1);
    }

    @Test
    void theAgencyReadsThePaymentRunsAndARunsLinesPaged() throws Exception {
        LocalDate today = TestClock.today();
        long one = settled(BOKN, today);
        long two = settled(BOKN, today);
        PaymentRun run = payments.run(fixtures.planner(), PaymentRun.Kind.REGULAR, today.getYear()).value();
        long lines = payments.countLines(run.id());
        assertThat(lines).isGreaterThanOrEqualTo(2);

        mvc.perform(get("/api/v1/grants/payment-runs").param("size", "1").with(as(fixtures.caseworker())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value((int) run.id()))
                .andExpect(jsonPath("$.items[0].kind").value("REGULAR"))
                .andExpect(jsonPath("$.total").value((int) payments.countRuns()));
        mvc.perform(get("/api/v1/grants/payment-runs/{id}", run.id()).param("size", "200").with(as(fixtures.planner())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.run.id").value((int) run.id()))
                .andExpect(jsonPath("$.run.lineCount").value((int) lines))
                .andExpect(jsonPath("$.lines.total").value((int) lines))
                .andExpect(jsonPath("$.lines.items[*].personId").value(hasItem((int) one)))
                .andExpect(jsonPath("$.lines.items[*].personId").value(hasItem((int) two)))
                .andExpect(jsonPath("$.lines.items[0].caseReference").isNotEmpty())
                .andExpect(jsonPath("$.lines.items[0].name").doesNotExist());
        mvc.perform(get("/api/v1/grants/payment-runs/{id}", run.id()).param("size", "1").param("page", "1").with(as(fixtures.planner())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines.page").value(1))
                .andExpect(jsonPath("$.lines.items.length()").value(1))
                .andExpect(jsonPath("$.lines.totalPages").value((int) lines));
        mvc.perform(get("/api/v1/grants/payment-runs/{id}", run.id()).with(as(fixtures.municipality(BOKN))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/grants/payment-runs").param("size", "201").with(as(fixtures.caseworker())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("size"))
                .andExpect(jsonPath("$.errors[0].message").value(not(containsString("{0}"))));
    }

    /**
     * A run's lines cost the same statements for one row shown as for a page of them, on the page and on the API: the
     * case references and names come in one statement per view (CaseReferences), not one per line as before.
     */
    @Test
    void aRunsLinesCostTheSameStatementsForOneRowAsForAFullPage() throws Exception {
        LocalDate today = TestClock.today();
        for (int i = 0; i < 4; i++) {
            settled(VINDAFJORD, today);
        }
        PaymentRun run = payments.run(fixtures.planner(), PaymentRun.Kind.REGULAR, today.getYear()).value();
        long lines = payments.countLines(run.id());
        assertThat(lines).isGreaterThanOrEqualTo(4);
        Actor planner = fixtures.planner();
        String page = "/tilskudd/utbetalinger?run=" + run.id() + "&size=";
        String api = "/api/v1/grants/payment-runs/" + run.id() + "?size=";
        int pageOfOne = StatementCounter.count(() -> mvc.perform(get(page + 1).with(as(planner))).andExpect(status().isOk()));
        int pageOfAll = StatementCounter.count(() -> mvc.perform(get(page + 200).with(as(planner))).andExpect(status().isOk()));
        int apiOfOne = StatementCounter.count(() -> mvc.perform(get(api + 1).with(as(planner))).andExpect(status().isOk()));
        int apiOfAll = StatementCounter.count(() -> mvc.perform(get(api + 200).with(as(planner)))
                .andExpect(jsonPath("$.lines.items.length()").value((int) Math.min(200, lines))));
        assertThat(pageOfAll).as("the page with every line").isEqualTo(pageOfOne);
        assertThat(apiOfAll).as("the API with every line").isEqualTo(apiOfOne);
    }

    /** A household's schedules through the API: which members are shown is one statement, not two per member. */
    @Test
    void aHouseholdsMembersAreChosenInOneStatementWhateverItsSize() throws Exception {
        LocalDate today = TestClock.today();
        long single = settledHousehold(VINDAFJORD, today, 0);
        long family = settledHousehold(VINDAFJORD, today, 4);
        Actor officer = fixtures.municipality(VINDAFJORD);
        int one = StatementCounter.count(() -> mvc.perform(get("/api/v1/grants/cases/{id}", single).with(as(officer)))
                .andExpect(jsonPath("$.persons.length()").value(1)));
        int five = StatementCounter.count(() -> mvc.perform(get("/api/v1/grants/cases/{id}", family).with(as(officer)))
                .andExpect(jsonPath("$.persons.length()").value(5)));
        // Each member shown still reads their own schedule (current, lines, paid, disability, history): five statements.
        assertThat(five - one).as("statements per further member").isEqualTo(4 * 5);
        mvc.perform(get("/api/v1/grants/cases/{id}", family).with(as(fixtures.municipality(SULDAL))))
                .andExpect(status().isNotFound());
    }

    /** The agency's planner makes a payment run through the API with the page's command: once, never an item twice. */
    @Test
    void thePlannerMakesAPaymentRunAndNothingIsPaidTwice() throws Exception {
        LocalDate today = TestClock.today();
        long person = settled(VINDAFJORD, today);
        String body = "{\"kind\":\"REGULAR\",\"year\":" + today.getYear() + "}";
        mvc.perform(post("/api/v1/grants/payment-runs").with(as(fixtures.caseworker())).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        long runs = payments.countRuns();
        String created = mvc.perform(post("/api/v1/grants/payment-runs").with(as(fixtures.planner()))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("REGULAR"))
                .andExpect(jsonPath("$.upToYear").value(today.getYear()))
                .andExpect(jsonPath("$.lineCount").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
        assertThat(payments.countRuns()).isEqualTo(runs + 1);
        mvc.perform(get("/api/v1/grants/payment-runs/{id}", id).param("size", "200").with(as(fixtures.planner())))
                .andExpect(jsonPath("$.lines.items[*].personId").value(hasItem((int) person)));

        // Again at once: nothing is due, so nothing is made.
        mvc.perform(post("/api/v1/grants/payment-runs").with(as(fixtures.planner())).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("year"));
        mvc.perform(post("/api/v1/grants/payment-runs").with(as(fixtures.planner())).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"REGULAR\",\"year\":" + (today.getYear() + 1) + "}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("year"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString(String.valueOf(today.getYear()))));
        mvc.perform(post("/api/v1/grants/payment-runs").with(as(fixtures.planner())).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":" + today.getYear() + "}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        assertThat(payments.countRuns()).as("no run made by a refused request").isEqualTo(runs + 1);
    }

    private long logged(Actor actor, long personId, String purpose) {
        return jdbc.sql("select count(*) from person_access_log where person_id = :p and username = :u and (cast(:purpose as text) is null or purpose = :purpose)")
                .param("p", personId).param("u", actor.username()).param("purpose", purpose, java.sql.Types.VARCHAR).query(Long.class).single();
    }

    private long personOf(long caseId) {
        return decisions.forCase(caseId).get(0).personId();
    }

    /** A one-person household settled five days ago, its date registered: a line for the next payment run. */
    private long settled(String municipality, LocalDate today) {
        long caseId = accepted(municipality, today.minusDays(20), today.minusDays(5));
        SettlementDecision d = decisions.forCase(caseId).get(0);
        decisions.registerSettlementDate(d.id(), today.minusDays(5), null, fixtures.municipality(municipality)).value();
        return d.personId();
    }

    /** A household of one adult and {@code children} settled five days ago, every member's date registered. */
    private long settledHousehold(String municipality, LocalDate today, int children) {
        long caseId = accepted(municipality, today.minusDays(20), today.minusDays(5), children);
        for (SettlementDecision d : decisions.forCase(caseId)) {
            decisions.registerSettlementDate(d.id(), today.minusDays(5), null, fixtures.municipality(municipality)).value();
        }
        return caseId;
    }

    /** A one-person household accepted by the municipality on {@code day}, planned to settle on {@code planned}. */
    private long accepted(String municipality, LocalDate day, LocalDate planned) {
        return accepted(municipality, day, planned, 0);
    }

    private long accepted(String municipality, LocalDate day, LocalDate planned, int children) {
        long[] caseId = new long[1];
        ShiftableClock.runAt(day.atTime(12, 0).atZone(ZoneId.of("Europe/Oslo")).toInstant(), () -> {
            fixtures.decidePlannedYear(municipality, planned, 500, 0);
            caseId[0] = fixtures.household(fixtures.centre(municipality), children, day.minusDays(60));
            fixtures.ready(caseId[0]);
            long proposal = fixtures.propose(caseId[0], municipality);
            CommandResult.attempt(() -> proposals.accept(fixtures.municipality(municipality), proposal,
                    fixtures.plannedDates(caseId[0], planned), null)).value();
        });
        return caseId[0];
    }
}
