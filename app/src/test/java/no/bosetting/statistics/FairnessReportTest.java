package no.bosetting.statistics;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.cases.HouseholdType;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.interview.InterviewAnswers;
import no.bosetting.interview.Interviews;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 23 item 6: the quarterly fairness report on a small fixture, and its exports. */
@IntegrationTest
class FairnessReportTest {

    static final String UTSIRA = "1151";

    @Autowired
    FairnessReport report;
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

    /** A household ready without health needs, so only its size or being a minor can make it heavy. */
    private void readyWithoutHealth(long caseId) {
        interviews.record(caseId, new InterviewAnswers(TestClock.today().minusDays(1), "ukrainsk", null, null, null, null, false, null,
                null, null, null, false, false, "ukrainsk", null), fixtures.caseworker()).value();
    }

    private List<Long> accept(long caseId, LocalDate planned) {
        long proposal = fixtures.propose(caseId, UTSIRA);
        Actor officer = fixtures.municipality(UTSIRA);
        fixtures.decidePlannedYear(UTSIRA, planned, 20, 0);
        return CommandResult.attempt(() -> proposals.accept(officer, proposal, fixtures.plannedDates(caseId, planned), null)).value();
    }

    private void settle(long caseId, LocalDate on) {
        List<Long> ids = accept(caseId, TestClock.today().plusDays(7));
        fixtures.decisionsMadeOn(caseId, on);
        ids.forEach(id -> decisions.registerSettlementDate(id, on, null, fixtures.municipality(UTSIRA)).value());
    }

    @Test
    void fillHeavyShareAndWaitingPerQuarterOnASmallFixture() throws Exception {
        LocalDate today = TestClock.today();
        int year = today.getYear();
        int quarter = (today.getMonthValue() - 1) / 3 + 1;
        fixtures.resetMunicipality(UTSIRA);
        fixtures.decide(UTSIRA, year, 20, 0);
        long centre = fixtures.centre(UTSIRA);
        // A large family (5 persons: heavy), a small family (2 persons: not heavy), both settled today.
        long large = fixtures.household(centre, 4, today.minusDays(60));
        readyWithoutHealth(large);
        long small = fixtures.household(centre, 1, today.minusDays(30));
        readyWithoutHealth(small);
        settle(large, today);
        settle(small, today);
        // A single adult with health needs recorded with consent (heavy), accepted and not yet settled.
        long health = fixtures.household(centre, 0, today.minusDays(30));
        fixtures.ready(health);
        boolean acceptedThisYear = today.plusDays(7).getYear() == year;
        accept(health, today.plusDays(7));

        FairnessReport.Report r = report.report(year);
        assertThat(r.quarters()).hasSize(quarter);
        FairnessReport.Row row = r.municipalities().stream().filter(x -> x.key().equals(UTSIRA) && x.quarter() == quarter)
                .findFirst().orElseThrow();
        int used = 5 + 2 + (acceptedThisYear ? 1 : 0);
        assertThat(row.decided()).isEqualTo(20);
        assertThat(row.usedToEnd()).isEqualTo(used);
        assertThat(row.fill()).isCloseTo(used / 20.0, within(1e-9));
        assertThat(row.heavyToEnd()).isEqualTo(acceptedThisYear ? 2 : 1);
        HouseholdType familyType = jdbc.sql("select household_type from settlement_case where id = :id").param("id", large)
                .query(String.class).optional().map(HouseholdType::valueOf).orElseThrow();
        assertThat(row.waitDays().get(familyType)).isCloseTo((60 + 30) / 2.0, within(1e-9));
        for (FairnessReport.Row earlier : r.municipalities().stream().filter(x -> x.key().equals(UTSIRA) && x.quarter() < quarter).toList()) {
            assertThat(earlier.usedToEnd()).isZero();
        }

        // Shares are against the whole country: the county rows cover every municipality.
        List<FairnessReport.Row> counties = r.counties().stream().filter(x -> x.quarter() == quarter).toList();
        int heavyNationally = counties.stream().mapToInt(FairnessReport.Row::heavyToEnd).sum();
        int decidedNationally = counties.stream().mapToInt(FairnessReport.Row::decided).sum();
        assertThat(row.heavyShare()).isCloseTo((double) row.heavyToEnd() / heavyNationally, within(1e-9));
        assertThat(row.placesShare()).isCloseTo(20.0 / decidedNationally, within(1e-9));
        FairnessReport.Row rogaland = counties.stream().filter(x -> x.key().equals("11")).findFirst().orElseThrow();
        int rogalandUsed = r.municipalities().stream().filter(x -> x.quarter() == quarter && x.countyName().equals(rogaland.name()))
                .mapToInt(FairnessReport.Row::usedToEnd).sum();
        assertThat(rogaland.usedToEnd()).isEqualTo(rogalandUsed).isGreaterThanOrEqualTo(used);

        // The page and the exports, for the agency; a municipality does not see other municipalities' cells.
        mvc.perform(get("/statistikk/rettferdighet").with(as(fixtures.planner()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Utsira")))
                .andExpect(content().string(containsString("Andel av landets tunge saker")));
        String csv = mvc.perform(get("/statistikk/rettferdighet/eksport/kommuner.csv").with(as(fixtures.planner())))
                .andExpect(status().isOk()).andExpect(header().string("Content-Disposition", containsString("rettferdighet-kommuner-" + year + ".csv")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("Kommune,Kommunenummer,Fylke,Kvartal,Vedtatte plasser,"
                + "Bosatt og akseptert til kvartalets slutt,Fyllingsgrad,Tunge saker til kvartalets slutt,Andel av landets tunge saker,"
                + "Andel av landets vedtatte plasser,Ventetid i dager i kvartalet: Enslig mann,Ventetid i dager i kvartalet: Enslig kvinne,"
                + "Ventetid i dager i kvartalet: Enslig voksen med barn,Ventetid i dager i kvartalet: Par uten barn,"
                + "Ventetid i dager i kvartalet: Par med barn,Ventetid i dager i kvartalet: Enslig mindreårig,Ventetid i dager i kvartalet: Annen husstand");
        assertThat(csv).contains("Utsira,1151,");
        String counties_csv = mvc.perform(get("/statistikk/rettferdighet/eksport/fylker.csv").with(as(fixtures.planner())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(counties_csv.lines().findFirst().orElseThrow()).startsWith("Fylke,Kvartal,Vedtatte plasser,");
        mvc.perform(get("/statistikk/rettferdighet/eksport/kommuner.xlsx").with(as(fixtures.planner())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("spreadsheetml")));
        mvc.perform(get("/statistikk/rettferdighet").with(as(fixtures.municipality(UTSIRA)))).andExpect(status().isForbidden());
    }
}
