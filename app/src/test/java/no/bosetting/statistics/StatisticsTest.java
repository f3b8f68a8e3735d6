package no.bosetting.statistics;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;

import com.jayway.jsonpath.JsonPath;
import no.bosetting.access.Actor;
import no.bosetting.decisions.SettlementDecisions;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The statistics agree with the cases and decisions this test creates, recomputed here from the
 * tables; the public outputs need no login, carry no personal data and suppress small cells.
 */
@IntegrationTest
class StatisticsTest {

    private static final String MUNICIPALITY = "1820"; // Alstahaug

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Proposals proposals;
    @Autowired
    SettlementDecisions decisions;
    @Autowired
    StatisticsQueries statistics;
    @Autowired
    JdbcClient jdbc;

    /** A household proposed, accepted and (optionally) settled in the municipality; returns its case id. */
    private long household(long centre, int children, LocalDate permit, LocalDate settledOn) {
        long caseId = fixtures.household(centre, children, permit);
        fixtures.ready(caseId);
        long proposal = fixtures.propose(caseId, MUNICIPALITY);
        Actor municipality = fixtures.municipality(MUNICIPALITY);
        // The acceptance takes places in the planned date's year (next year in late December); the registered
        // settlement date then counts the place in its own year.
        LocalDate planned = TestClock.today().plusDays(7);
        fixtures.decidePlannedYear(MUNICIPALITY, planned, 30, 0);
        List<Long> ids = CommandResult.attempt(() -> proposals.accept(municipality, proposal,
                fixtures.plannedDates(caseId, planned), null)).value();
        if (settledOn != null) {
            fixtures.decisionsMadeOn(caseId, settledOn);
            for (Long id : ids) {
                decisions.registerSettlementDate(id, settledOn, null, municipality).value();
            }
        }
        return caseId;
    }

    @Test
    void progressAndWaitingAgreeWithTheCasesAndDecisions() throws Exception {
        int year = TestClock.today().getYear();
        fixtures.resetMunicipality(MUNICIPALITY);
        fixtures.decide(MUNICIPALITY, year, 30, 0);
        long centre = fixtures.centre(MUNICIPALITY);
        LocalDate today = TestClock.today();
        long settled = household(centre, 2, today.minusDays(60), today);
        long accepted = household(centre, 1, today.minusDays(20), null);
        // A settled place counts in its settlement year; an accepted one in its planned date's year (a week ahead).
        int plannedYear = today.plusDays(7).getYear();

        // Recomputed from the decisions table for this municipality and year.
        int settledPersons = jdbc.sql("select count(*) from settlement_decision where municipality_number = :m and place_year = :y and status = 'SETTLED'")
                .param("m", MUNICIPALITY).param("y", year).query(Integer.class).single();
        int acceptedPersons = jdbc.sql("select count(*) from settlement_decision where municipality_number = :m and place_year = :y and status = 'OFFERED'")
                .param("m", MUNICIPALITY).param("y", plannedYear).query(Integer.class).single();
        assertThat(settledPersons).isEqualTo(3);
        assertThat(acceptedPersons).isEqualTo(2);

        List<ProgressRow> rows = statistics.byMunicipality(year);
        ProgressRow row = rows.stream().filter(r -> r.key().equals(MUNICIPALITY)).findFirst().orElseThrow();
        assertThat(row.decided()).isEqualTo(30);
        assertThat(row.settled()).isEqualTo(settledPersons);
        ProgressRow plannedRow = plannedYear == year ? row : statistics.byMunicipality(plannedYear).stream()
                .filter(r -> r.key().equals(MUNICIPALITY)).findFirst().orElseThrow();
        assertThat(plannedRow.acceptedNotSettled()).isEqualTo(acceptedPersons);
        assertThat(rows).hasSize(357);

        // County, centrality and national rows are the sums of the municipality rows.
        int nationalSettled = rows.stream().mapToInt(ProgressRow::settled).sum();
        assertThat(statistics.national(rows).settled()).isEqualTo(nationalSettled);
        assertThat(statistics.byCounty(rows).stream().mapToInt(ProgressRow::settled).sum()).isEqualTo(nationalSettled);
        assertThat(statistics.byCentrality(rows).stream().mapToInt(ProgressRow::decided).sum())
                .isEqualTo(rows.stream().mapToInt(ProgressRow::decided).sum());
        int allSettledInDb = jdbc.sql("select count(*) from settlement_decision where place_year = :y and status = 'SETTLED'")
                .param("y", year).query(Integer.class).single();
        assertThat(nationalSettled).isEqualTo(allSettledInDb);

        // The household timelines are the case history's dates.
        List<CaseTimeline> mine = statistics.timelines(year).stream().filter(t -> t.caseId() == settled || t.caseId() == accepted).toList();
        assertThat(mine).hasSize(2);
        CaseTimeline s = mine.stream().filter(t -> t.caseId() == settled).findFirst().orElseThrow();
        assertThat(s.permitDate()).isEqualTo(today.minusDays(60));
        assertThat(s.allocated()).isEqualTo(historyDate(settled, "PROPOSE"));
        assertThat(s.accepted()).isEqualTo(historyDate(settled, "ACCEPT"));
        assertThat(s.settled()).isEqualTo(today);
        assertThat(mine.stream().filter(t -> t.caseId() == accepted).findFirst().orElseThrow().settled()).isNull();
        WaitingRow all = WaitingStatistics.compute(mine, year, List.of()).get(0);
        assertThat(all.settledHouseholds()).isEqualTo(1);
        assertThat(all.avgDaysToSettlement()).isEqualTo(60.0);
        assertThat(all.shareWithin3Months()).isEqualTo(1.0);

        // The same numbers in the public API, without login.
        String json = mvc.perform(get("/api/v1/statistics/municipalities").param("year", String.valueOf(year)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> mineJson = JsonPath.read(json, "$[?(@.number == '" + MUNICIPALITY + "')]");
        assertThat(mineJson).hasSize(1);
        assertThat(mineJson.get(0)).containsOnlyKeys("number", "name", "county", "requested", "decided", "settled");
        // Three settled persons are a small cell: the open API withholds them (null) like every public output (issue 21).
        assertThat(mineJson.get(0)).containsEntry("settled", null).containsEntry("decided", 30)
                .containsEntry("name", "Alstahaug").containsEntry("county", "Nordland");
    }

    @Test
    void publicOutputsNeedNoLoginAndExposeNoPersonalData() throws Exception {
        int year = TestClock.today().getYear();
        fixtures.resetMunicipality(MUNICIPALITY);
        fixtures.decide(MUNICIPALITY, year, 30, 0);
        long caseId = household(fixtures.centre(MUNICIPALITY), 0, TestClock.today().minusDays(10), TestClock.today());
        String reference = jdbc.sql("select reference from settlement_case where id = :id").param("id", caseId).query(String.class).single();
        String duf = jdbc.sql("select duf_number from person where case_id = :id").param("id", caseId).query(String.class).single();

        for (String url : List.of("/api/v1/statistics/municipalities?year=" + year, "/api/v1/statistics/municipalities.csv?year=" + year,
                "/offentlig/statistikk?year=" + year, "/offentlig/statistikk/eksport/ventetid.csv?year=" + year,
                "/offentlig/statistikk/eksport/boforhold.csv?year=" + year)) {
            mvc.perform(get(url))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString(reference))))
                    .andExpect(content().string(not(containsString(duf))))
                    .andExpect(content().string(not(containsString("Testesen"))));
        }
        mvc.perform(get("/api/v1/statistics/municipalities").param("year", String.valueOf(year)).accept("text/csv"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(content().string(containsString("number,name,county,requested,decided,settled")))
                .andExpect(content().string(containsString(MUNICIPALITY + ",Alstahaug,Nordland,")));
        String page = mvc.perform(get("/offentlig/statistikk").param("year", String.valueOf(year)))
                .andReturn().getResponse().getContentAsString();
        // The 1.7 MB border file is thinned to whole pixels before it reaches the page.
        assertThat(page.length()).isLessThan(900_000);
        mvc.perform(get("/offentlig/statistikk").param("year", String.valueOf(year)))
                .andExpect(content().string(containsString("© Kartverket")))
                .andExpect(content().string(containsString("<path")))
                .andExpect(content().string(not(containsString("id=\"long-waiting\""))));
        // Staff statistics stay behind the login.
        mvc.perform(get("/statistikk")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/statistics/other")).andExpect(status().isUnauthorized());
    }

    @Test
    void smallCellsAreSuppressedInPublicBreakdownsButNotForTheAgency() throws Exception {
        // A past year in which only this test's households were settled: two households, two persons.
        int year = TestClock.today().getYear() - 7;
        LocalDate permit = LocalDate.of(year, 2, 1);
        LocalDate settledOn = LocalDate.of(year, 3, 1);
        jdbc.sql("update settlement_decision set status = 'DECLINED' where status = 'SETTLED' and extract(year from settlement_date) = :y")
                .param("y", year).update();
        fixtures.resetMunicipality(MUNICIPALITY);
        fixtures.decide(MUNICIPALITY, TestClock.today().getYear(), 30, 0);
        long centre = fixtures.centre(MUNICIPALITY);
        household(centre, 0, permit, settledOn);
        household(centre, 0, permit, settledOn);

        long days = java.time.temporal.ChronoUnit.DAYS.between(permit, settledOn);
        WaitingRow all = statistics.waiting(year).get(0);
        assertThat(all.settledHouseholds()).isEqualTo(2);
        assertThat(all.avgDaysToSettlement()).isEqualTo((double) days);
        assertThat(all.suppressed().settledHouseholds()).isEqualTo(-1);
        assertThat(all.suppressed().avgDaysToSettlement()).isNull();
        assertThat(statistics.livingSituation(year).stream().filter(r -> r.livingSituation().equals("RECEPTION_CENTRE")).findFirst()
                .orElseThrow().persons()).isEqualTo(2);

        String publicCsv = mvc.perform(get("/offentlig/statistikk/eksport/ventetid.csv").param("year", String.valueOf(year)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String firstRow = publicCsv.lines().skip(1).findFirst().orElseThrow();
        assertThat(firstRow).startsWith("Alle husstander,").contains(",:,").doesNotContain("," + days + ",");
        String living = mvc.perform(get("/offentlig/statistikk/eksport/boforhold.csv").param("year", String.valueOf(year)))
                .andReturn().getResponse().getContentAsString();
        assertThat(living).contains("Asylmottak,:,:");

        String staffCsv = mvc.perform(get("/statistikk/eksport/ventetid.csv").param("year", String.valueOf(year)).with(as(fixtures.caseworker())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(staffCsv.lines().skip(1).findFirst().orElseThrow()).contains(",2," + days + "," + days + ",");
        // The statistics reader (county/KS) sees aggregated numbers only: the rule applies there too.
        String readerCsv = mvc.perform(get("/statistikk/eksport/ventetid.csv").param("year", String.valueOf(year)).with(as(fixtures.statistics())))
                .andReturn().getResponse().getContentAsString();
        assertThat(readerCsv).contains(",:,");
    }

    @Test
    void staffPageAndExportsWork() throws Exception {
        int year = TestClock.today().getYear();
        mvc.perform(get("/statistikk").param("year", String.valueOf(year)).with(as(fixtures.caseworker())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"long-waiting\"")))
                .andExpect(content().string(containsString("<caption")))
                .andExpect(content().string(containsString("scope=\"col\"")));
        mvc.perform(get("/statistikk").param("lang", "en").with(as(fixtures.statistics())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Requested, decided and settled")))
                .andExpect(content().string(not(containsString("id=\"long-waiting\""))));

        byte[] xlsx = mvc.perform(get("/statistikk/eksport/kommuner.xlsx").param("year", String.valueOf(year)).with(as(fixtures.statistics())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("kommuner-" + year + ".xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(zipEntry(xlsx, "xl/worksheets/sheet1.xml")).isTrue();
        for (String table : List.of("kommuner", "fylker", "sentralitet", "ventetid", "boforhold")) {
            mvc.perform(get("/offentlig/statistikk/eksport/{t}.xlsx", table)).andExpect(status().isOk());
            mvc.perform(get("/statistikk/eksport/{t}.csv", table).with(as(fixtures.caseworker()))).andExpect(status().isOk());
        }
        String csv = mvc.perform(get("/statistikk/eksport/fylker.csv").with(as(fixtures.caseworker())))
                .andReturn().getResponse().getContentAsString();
        assertThat(csv.lines().count()).isEqualTo(16);
        mvc.perform(get("/statistikk/eksport/ukjent.csv").with(as(fixtures.caseworker()))).andExpect(status().isNotFound());
    }

    private LocalDate historyDate(long caseId, String command) {
        return jdbc.sql("select min(occurred_at)::date from case_history where case_id = :c and command = :cmd")
                .param("c", caseId).param("cmd", command).query(LocalDate.class).single();
    }

    private static boolean zipEntry(byte[] zip, String name) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }
}
