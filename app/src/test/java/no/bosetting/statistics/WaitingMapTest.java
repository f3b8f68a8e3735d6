package no.bosetting.statistics;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandResult;
import no.bosetting.statistics.web.StatisticsView;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The waiting-time map agrees with a recomputation from the cases, suppresses small cells for everyone
 * but the agency, and the living-situation series are sums of one consistent definition.
 */
@IntegrationTest
class WaitingMapTest {

    private static final String VEFSN = "1824";
    private static final String LEIRFJORD = "1822";
    private static final String LURØY = "1834";

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

    private void settledHousehold(String municipalityNumber, long centre, LocalDate permit, LocalDate settledOn) {
        long caseId = fixtures.household(centre, 0, permit);
        fixtures.ready(caseId);
        long proposal = fixtures.propose(caseId, municipalityNumber);
        Actor municipality = fixtures.municipality(municipalityNumber);
        List<Long> ids = CommandResult.attempt(() -> proposals.accept(municipality, proposal,
                fixtures.plannedDates(caseId, TestClock.today()), null)).value();
        fixtures.decisionsMadeOn(caseId, settledOn);
        ids.forEach(id -> decisions.registerSettlementDate(id, settledOn, null, municipality).value());
    }

    /** Median days from permit to first settlement date of the households first settled in the municipality in the year, from the tables. */
    private Double recomputedMedian(String municipalityNumber, int year, int[] households) {
        List<Long> days = jdbc.sql("""
                with first as (
                    select d.case_id, min(d.settlement_date) as settled from settlement_decision d where d.status = 'SETTLED' group by d.case_id
                ), place as (
                    select distinct on (d.case_id) d.case_id, d.municipality_number from settlement_decision d
                    where d.status = 'SETTLED' order by d.case_id, d.settlement_date, d.id
                )
                select f.settled - c.permit_date from first f join place p on p.case_id = f.case_id
                join settlement_case c on c.id = f.case_id
                where p.municipality_number = :m and extract(year from f.settled) = :y
                """).param("m", municipalityNumber).param("y", year).query(Long.class).list();
        households[0] = days.size();
        long[] sorted = days.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return null;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? (double) sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    @Test
    void waitingTimeMapValuesAgreeWithTheCasesAndSmallCellsAreSuppressed() throws Exception {
        int year = TestClock.today().getYear();
        LocalDate today = TestClock.today();
        // Settled in a past year only this test settles households in, accepted today: the public cells of that year are this
        // test's alone, so which cells the small-cell rule withholds does not depend on other tests' data (issue 21).
        int settledYear = year - 8;
        LocalDate settledOn = LocalDate.of(settledYear, 6, 1);
        jdbc.sql("update settlement_decision set status = 'DECLINED' where status = 'SETTLED' and extract(year from settlement_date) = :y")
                .param("y", settledYear).update();
        fixtures.resetMunicipality(VEFSN);
        fixtures.resetMunicipality(LEIRFJORD);
        fixtures.decide(VEFSN, year, 30, 0);
        fixtures.decide(LEIRFJORD, year, 30, 0);
        long vefsnCentre = fixtures.centre(VEFSN);
        for (int wait : new int[]{20, 35, 50, 80, 130, 200}) {
            settledHousehold(VEFSN, vefsnCentre, settledOn.minusDays(wait), settledOn);
        }
        long leirfjordCentre = fixtures.centre(LEIRFJORD);
        settledHousehold(LEIRFJORD, leirfjordCentre, settledOn.minusDays(40), settledOn);
        settledHousehold(LEIRFJORD, leirfjordCentre, settledOn.minusDays(44), settledOn);
        // Leirfjord's two households need a complementary suppression against the Nordland and centrality-class totals
        // (issue 21). Without another candidate that would be Vefsn; Lurøy, same county and class as Leirfjord, with five
        // households is the smaller one, so Vefsn stays published.
        fixtures.resetMunicipality(LURØY);
        fixtures.decide(LURØY, year, 30, 0);
        long lurøyCentre = fixtures.centre(LURØY);
        for (int i = 0; i < 5; i++) {
            settledHousehold(LURØY, lurøyCentre, settledOn.minusDays(30), settledOn);
        }

        int[] n = new int[1];
        Double expected = recomputedMedian(VEFSN, settledYear, n);
        assertThat(n[0]).isEqualTo(6);
        assertThat(expected).isEqualTo(65.0);
        MunicipalWaiting vefsn = statistics.waitingByMunicipality(settledYear, WaitingStatistics.Measure.SETTLEMENT).stream()
                .filter(r -> r.number().equals(VEFSN)).findFirst().orElseThrow();
        assertThat(vefsn.households()).isEqualTo(n[0]);
        assertThat(vefsn.medianDays()).isEqualTo(expected);
        assertThat(vefsn.suppressed()).isEqualTo(vefsn);

        // To acceptance: the same households, accepted by Vefsn today (permit to acceptance).
        MunicipalWaiting accepted = statistics.waitingByMunicipality(year, WaitingStatistics.Measure.ACCEPTANCE).stream()
                .filter(r -> r.number().equals(VEFSN)).findFirst().orElseThrow();
        long acceptedHere = jdbc.sql("""
                select count(distinct c.id) from settlement_case c where exists (select 1 from settlement_decision d where d.case_id = c.id
                and d.municipality_number = :m and d.decided_at = (select min(x.decided_at) from settlement_decision x where x.case_id = c.id))
                and exists (select 1 from case_history h where h.case_id = c.id and h.command = 'ACCEPT'
                and extract(year from h.occurred_at) = :y)
                """).param("m", VEFSN).param("y", year).query(Long.class).single();
        assertThat((long) accepted.households()).isEqualTo(acceptedHere);
        // Accepted today, permits counted back from the settlement date: 65 days plus the time since then.
        assertThat(accepted.medianDays()).isEqualTo(65.0 + java.time.temporal.ChronoUnit.DAYS.between(settledOn, today));

        MunicipalWaiting leirfjord = statistics.waitingByMunicipality(settledYear, WaitingStatistics.Measure.SETTLEMENT).stream()
                .filter(r -> r.number().equals(LEIRFJORD)).findFirst().orElseThrow();
        assertThat(recomputedMedian(LEIRFJORD, settledYear, n)).isEqualTo(42.0);
        assertThat(leirfjord.households()).isEqualTo(n[0]).isEqualTo(2);
        assertThat(leirfjord.suppressed().households()).isEqualTo(-1);
        assertThat(leirfjord.suppressed().medianDays()).isNull();
        assertThat(StatisticsView.waitingBand(65.0)).isEqualTo("b2");

        // Public export: Vefsn's median shown, Leirfjord's two households suppressed; the agency sees both.
        String publicCsv = mvc.perform(get("/offentlig/statistikk/eksport/ventetid-kommuner.csv").param("year", String.valueOf(settledYear)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String vefsnRow = publicCsv.lines().filter(l -> l.startsWith(VEFSN + ",")).findFirst().orElseThrow();
        assertThat(vefsnRow).contains(",6,65,");
        String leirfjordRow = publicCsv.lines().filter(l -> l.startsWith(LEIRFJORD + ",")).findFirst().orElseThrow();
        assertThat(leirfjordRow).contains(",:,").doesNotContain(",42");
        String staffCsv = mvc.perform(get("/statistikk/eksport/ventetid-kommuner.csv").param("year", String.valueOf(settledYear))
                        .with(as(fixtures.caseworker())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(staffCsv.lines().filter(l -> l.startsWith(LEIRFJORD + ",")).findFirst().orElseThrow()).contains(",2,42,");

        // The page: the map coloured by waiting time, its legend in words and the table alternative.
        mvc.perform(get("/offentlig/statistikk").param("year", String.valueOf(settledYear)).param("kart", "ventetid-bosetting"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kart over ventetid til bosetting")))
                .andExpect(content().string(containsString("Vefsn: median 65 dager til bosetting (6 husstander)")))
                .andExpect(content().string(containsString("Leirfjord: tallet vises ikke (regel for små tall)")))
                .andExpect(content().string(containsString("Ingen husstander, eller tallet vises ikke (skravert)")))
                .andExpect(content().string(containsString("61–90 dager")))
                .andExpect(content().string(containsString("1824 Vefsn")));
        mvc.perform(get("/statistikk").param("year", String.valueOf(year)).param("kart", "ventetid-aksept").with(as(fixtures.caseworker())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kart over ventetid til aksept")))
                .andExpect(content().string(containsString("/statistikk/selvbosetting")));
    }

    @Test
    void livingSituationSeriesAreSumsOfOneDefinitionAndAmotIsNeverPrivate() {
        assertThat(LivingSituationRow.series("AMOT")).isEqualTo(LivingSituationRow.Series.AMOT_MAMOT);
        assertThat(LivingSituationRow.series("MAMOT")).isEqualTo(LivingSituationRow.Series.AMOT_MAMOT);
        assertThat(LivingSituationRow.series("PRIVATE")).isEqualTo(LivingSituationRow.Series.PRIVATE);
        assertThat(LivingSituationRow.series("EMERGENCY_ACCOMMODATION")).isEqualTo(LivingSituationRow.Series.RECEPTION);

        int year = TestClock.today().getYear();
        List<LivingSituationRow> rows = statistics.livingSituation(year);
        List<LivingSituationRow> series = StatisticsQueries.livingSeries(rows);
        assertThat(series).extracting(LivingSituationRow::livingSituation)
                .containsExactly(Arrays.stream(LivingSituationRow.Series.values()).map(Enum::name).toArray(String[]::new));
        assertThat(series.stream().mapToInt(LivingSituationRow::persons).sum()).isEqualTo(rows.stream().mapToInt(LivingSituationRow::persons).sum());
        assertThat(series.stream().mapToInt(LivingSituationRow::households).sum())
                .isEqualTo(rows.stream().mapToInt(LivingSituationRow::households).sum());
        int amot = rows.stream().filter(r -> r.livingSituation().equals("AMOT") || r.livingSituation().equals("MAMOT"))
                .mapToInt(LivingSituationRow::persons).sum();
        assertThat(series.get(1).persons()).isEqualTo(amot);

        // Households: one per household first settled in the year, the same count the tables give.
        int households = jdbc.sql("""
                select count(*) from (select case_id, min(settlement_date) s from settlement_decision where status = 'SETTLED' group by case_id) f
                where extract(year from f.s) = :y
                """).param("y", year).query(Integer.class).single();
        assertThat(rows.stream().mapToInt(LivingSituationRow::households).sum()).isEqualTo(households);
    }
}
