package no.bosetting.planning;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import no.bosetting.indicators.IndicatorCsvImport;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Real data behind the request criteria (issue 14 item 7): the settlement-experience weight now changes requests
 * because IMDi's settlement history is loaded, and each request says which data and year each criterion used, or
 * that data is missing and which default was used instead.
 */
@IntegrationTest
class CriteriaDataTest {

    private static final String PORSGRUNN = "4001";
    private static final String OSLO = "0301";

    @Autowired
    CapacityRequests requests;
    @Autowired
    CriteriaData criteriaData;
    @Autowired
    IndicatorCsvImport csvImport;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    private void fresh(int year) {
        jdbc.sql("delete from capacity_request where year = :y").param("y", year).update();
        jdbc.sql("delete from request_input where year = :y").param("y", year).update();
        jdbc.sql("delete from request_criteria where year = :y").param("y", year).update();
        jdbc.sql("delete from national_need_county where year = :y").param("y", year).update();
        jdbc.sql("delete from national_need where year = :y").param("y", year).update();
    }

    private Map<String, Integer> persons(int year) {
        return requests.compute(year).stream().collect(Collectors.toMap(RequestComputation::municipalityNumber, RequestComputation::persons));
    }

    @Test
    void raisingTheSettlementExperienceWeightFromZeroToOneChangesRequests() throws Exception {
        int year = 2027; // experience years 2022–2026: IMDi's numbers for 2022–2024, the system's own for 2025–2026
        fresh(year);
        requests.saveNeed(fixtures.planner(), year, 5_500, TestClock.today(), Map.of()).value();
        Map<String, Integer> without = persons(year);
        mvc.perform(post("/kapasitet/anmodninger/kriterier").with(as(fixtures.planner())).with(csrf()).param("year", String.valueOf(year))
                        .param("weight1", "1").param("weight2", "1,125").param("weight3", "1,525").param("weight4", "2,45")
                        .param("weight5", "3,525").param("weight6", "5,925").param("minimumPersons", "10").param("closedImmigrantShare", "30")
                        .param("experienceWeight", "1").param("dispersalWeight", "0").param("minorsNeed", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(requests.criteria(year).experienceWeight()).isEqualTo(1.0);
        Map<String, Integer> with = persons(year);
        long changed = with.keySet().stream().filter(m -> !with.get(m).equals(without.get(m))).count();
        assertThat(changed).as("municipalities whose request changed").isGreaterThan(100);
        RequestComputation porsgrunn = requests.compute(year).stream().filter(c -> c.municipalityNumber().equals(PORSGRUNN)).findFirst().orElseThrow();
        assertThat(porsgrunn.input().settledPer1000Data()).isNotNull();
        assertThat(porsgrunn.explanation()).contains("(data)");
        assertThat(porsgrunn.experienceFactor()).isNotEqualTo(1.0);
    }

    @Test
    void eachCriterionSaysWhichDataAndYearItUsedOrWhichDefault() throws Exception {
        int year = 2027;
        fresh(year);
        requests.saveNeed(fixtures.planner(), year, 5_500, TestClock.today(), Map.of()).value();
        List<CriteriaData.Use> porsgrunn = criteriaData.uses(year, requests.input(PORSGRUNN, year));
        CriteriaData.Use labour = porsgrunn.get(0);
        assertThat(labour.criterion()).isEqualTo(CriteriaData.Criterion.LABOUR_MARKET);
        assertThat(labour.origin()).isEqualTo(CriteriaData.Origin.DATA);
        assertThat(labour.figure()).isEqualTo(3.0);
        assertThat(labour.dataYear()).isEqualTo(2026);
        assertThat(labour.source()).contains("NAV");
        assertThat(labour.used()).isEqualTo(Math.round(Math.max(0.5, Math.min(2.0, labour.average() / 3.0)) * 100) / 100.0);
        assertThat(porsgrunn.get(1).origin()).isEqualTo(CriteriaData.Origin.DEFAULT); // no introduction results per municipality
        assertThat(porsgrunn.get(1).used()).isEqualTo(1.0);
        assertThat(porsgrunn.get(2).origin()).isEqualTo(CriteriaData.Origin.DATA);
        assertThat(porsgrunn.get(2).used()).isEqualTo(14.0);
        assertThat(porsgrunn.get(2).tableId()).isEqualTo("SSB 09817");
        CriteriaData.Use experience = porsgrunn.get(3);
        assertThat(experience.origin()).isEqualTo(CriteriaData.Origin.DATA);
        // imdi_bosetting_2020_2023.csv: 122 in 2022; bosatte_flyktninger_2022_2024.csv: 138 in 2023, 99 in 2024 (to 13 Nov).
        assertThat(experience.parts()).extracting(p -> p.fromYear() + "-" + p.toYear() + ":" + p.persons() + ":" + p.fromData())
                .startsWith("2022-2022:122:true", "2023-2023:138:true", "2024-2024:99:true");
        assertThat(experience.parts().get(experience.parts().size() - 1).fromData()).isFalse();
        assertThat(experience.parts().get(experience.parts().size() - 1).toYear()).isEqualTo(2026);

        List<CriteriaData.Use> oslo = criteriaData.uses(year, requests.input(OSLO, year));
        assertThat(oslo.get(0).origin()).isEqualTo(CriteriaData.Origin.DEFAULT);
        assertThat(oslo.get(2).origin()).isEqualTo(CriteriaData.Origin.DEFAULT);
        assertThat(oslo.get(2).used()).isNull();

        // The version sent keeps which data and year each criterion used.
        requests.issue(fixtures.planner(), year, TestClock.today(), "Første anmodning").value();
        assertThat(requests.versions(PORSGRUNN, year).get(0).explanation()).contains("sources=labourMarket NAV helt ledige 2026, "
                + "introduction missing (default), immigrantShare SSB 09817 2026, experience 2022 IMDi bosatt_anmodede + 2023 IMDi bosettingstall"
                + " + 2024 IMDi bosettingstall + 2025-2026 system");

        mvc.perform(get("/kapasitet/anmodninger/{nr}", PORSGRUNN).param("year", String.valueOf(year)).with(as(fixtures.planner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Data bak kriteriene")))
                .andExpect(content().string(containsString("3,0 % helt ledige i 2026 (NAV, Hovedtall om arbeidsmarkedet")))
                .andExpect(content().string(containsString("14,0 % innvandrere i 2026")))
                .andExpect(content().string(containsString("Standardverdien 1,0 er brukt")))
                .andExpect(content().string(containsString("2022: 122 bosatte (IMDi")))
                .andExpect(content().string(containsString("Anmodet, vedtatt og bosatt (IMDi)")));
        mvc.perform(get("/kapasitet/anmodninger/{nr}", OSLO).param("year", String.valueOf(year)).with(as(fixtures.planner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Mangler data")))
                .andExpect(content().string(containsString("stengingen ved 30,0 % kan ikke slå inn")));
    }

    @Test
    void anImportedImmigrantShareAtTheThresholdClosesTheMunicipalityAndThePlannersFigureWins() {
        int year = 2096; // a year of its own, so the imported figure touches no other test
        fresh(year);
        csvImport.importCsv(new StringReader("kommunenummer,indikator,aar,verdi,kilde,tabell\n"
                + "4003,innvandrerandel,2096,31,SSB,09817\n4003,arbeidsledighet,2096,5.0,NAV,helt ledige\n"
                + "4005,arbeidsledighet,2096,2.5,NAV,helt ledige\n"), "test.csv", fixtures.planner());
        requests.saveNeed(fixtures.planner(), year, 5_500, TestClock.today(), Map.of()).value();
        RequestComputation skien = requests.compute(year).stream().filter(c -> c.municipalityNumber().equals("4003")).findFirst().orElseThrow();
        assertThat(skien.closure()).isEqualTo(RequestComputation.Closure.IMMIGRANT_SHARE);
        assertThat(skien.persons()).isZero();
        RequestComputation notodden = requests.compute(year).stream().filter(c -> c.municipalityNumber().equals("4005")).findFirst().orElseThrow();
        CriteriaData.Use labour = criteriaData.uses(year, requests.input("4005", year)).get(0);
        assertThat(labour.figure()).isEqualTo(2.5);
        assertThat(labour.dataYear()).isEqualTo(2096);
        assertThat(notodden.input().labourMarketFactor()).isEqualTo(Math.round(Math.min(2.0, labour.average() / 2.5) * 100) / 100.0)
;

        RequestInput stored = requests.input("4005", year);
        requests.saveInput(fixtures.planner(), year, new RequestInput("4005", stored.countyNumber(), stored.population(), stored.centrality(),
                0.8, 1.0, null, false, 0, null, null, null)).value();
        assertThat(requests.compute(year).stream().filter(c -> c.municipalityNumber().equals("4005")).findFirst().orElseThrow()
                .input().labourMarketFactor()).isEqualTo(0.8);
        assertThat(criteriaData.uses(year, requests.input("4005", year)).get(0).origin()).isEqualTo(CriteriaData.Origin.PLANNER);
    }
}
