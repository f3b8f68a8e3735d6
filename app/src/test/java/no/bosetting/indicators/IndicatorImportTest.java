package no.bosetting.indicators;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import no.bosetting.shared.CommandFailedException;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The indicator import (issue 14 item 7 and its bad input): every bad row refused with its own message and line,
 * nothing half-imported; and the real IMDi, NAV and SSB figures shipped with the application.
 */
@IntegrationTest
class IndicatorImportTest {

    private static final String HEADER = "kommunenummer,indikator,aar,verdi,kilde,tabell\n";

    @Autowired
    IndicatorCsvImport csvImport;
    @Autowired
    IndicatorValues values;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    private int stored(int year) {
        return jdbc.sql("select count(*) from indicator_value where year = :y").param("y", year).query(Integer.class).single();
    }

    private int imports() {
        return jdbc.sql("select count(*) from indicator_import").query(Integer.class).single();
    }

    @Test
    void theRealHistoryIsLoadedAsTheCsvFilesSay() {
        // Spot checks against app/src/main/resources/data/indicators/*.csv (copies of shared/data/indicators/).
        assertThat(values.latest(Indicator.SETTLED, 2020).get("0301").asInt()).isEqualTo(129);
        assertThat(values.latest(Indicator.SETTLED, 2022).get("0301").asInt()).isEqualTo(1924); // imdi_bosetting 2020–2022
        assertThat(values.latest(Indicator.SETTLED, 2023).get("0301").asInt()).isEqualTo(2018); // bosatte_flyktninger 2023 (full year)
        IndicatorValue oslo2024 = values.latest(Indicator.SETTLED, 2024).get("0301");
        assertThat(oslo2024.asInt()).isEqualTo(1357);
        assertThat(oslo2024.note()).isEqualTo("til 13.11.2024");
        assertThat(values.latest(Indicator.REQUESTED, 2023).get("4601").asInt()).isEqualTo(1200);
        assertThat(values.latest(Indicator.DECIDED, 2023).get("4601").asInt()).isEqualTo(1000);
        assertThat(values.latest(Indicator.DECIDED, 2024).get("4601").asInt()).isEqualTo(1000);
        assertThat(values.latest(Indicator.DECIDED, 2026).get("4001").asInt()).isEqualTo(45);
        assertThat(values.latest(Indicator.DECIDED, 2026).get("4001").source()).contains("Nøkkeltall bosetting 2026");
        assertThat(values.latest(Indicator.UNEMPLOYMENT, 2026).get("4001").value()).isEqualByComparingTo("3.0");
        assertThat(values.latest(Indicator.UNEMPLOYMENT, 2026).get("4601").source()).contains("april 2026");
        assertThat(values.latest(Indicator.IMMIGRANT_SHARE, 2026).get("4001").value()).isEqualByComparingTo("14");
        // Ålesund was split in 2024: IMDi's 2020–2022 numbers cannot be apportioned and are missing, never 0.
        assertThat(values.series(Indicator.SETTLED, 2020, 2022).stream().filter(v -> v.municipalityNumber().equals("1508"))).isEmpty();
        assertThat(values.series(Indicator.DECIDED, 2026, 2026)).hasSize(300);
        assertThat(values.series(Indicator.DECIDED, 2026, 2026).stream().mapToInt(IndicatorValue::asInt).sum()).isEqualTo(9_853);
        assertThat(values.series(Indicator.UNEMPLOYMENT, 2026, 2026)).hasSize(60);
    }

    @Test
    void eachBadRowIsRefusedWithItsOwnMessageAndNothingIsImported() {
        int before = imports();
        String csv = HEADER
                + "4001,arbeidsledighet,2091,3.1,NAV,helt ledige\n"       // line 2: fine
                + "9999,arbeidsledighet,2091,2.0,NAV,helt ledige\n"       // line 3: unknown municipality
                + "4001,arbeidsledighet,2091,3.5,NAV,helt ledige\n"       // line 4: repeats line 2
                + "4003,arbeidsledighet,2091,140,NAV,helt ledige\n"       // line 5: share out of range
                + "4003,bosatt,2091,12.5,IMDi,bosatte\n"                  // line 6: persons not whole
                + "4005,ledighet,2091,2,NAV,helt ledige\n"                // line 7: unknown indicator
                + "4005,innvandrerandel,tjue,2,SSB,09817\n"               // line 8: year not a number
                + "4010,innvandrerandel,2091,mange,SSB,09817\n"           // line 9: value not a number
                + "4012,innvandrerandel,2091,8,,09817\n"                  // line 10: no source
                + "4014,innvandrerandel,2091\n";                          // line 11: too few fields
        IndicatorCsvImport.Report report = csvImport.importCsv(new StringReader(csv), "feil.csv", fixtures.planner());

        assertThat(report.refused()).isTrue();
        assertThat(report.imported()).isZero();
        assertThat(report.problems()).extracting(p -> p.line() + " " + p.problem().field() + " " + p.problem().messageKey()).containsExactly(
                "3 kommunenummer indicators.error.municipality",
                "4 kommunenummer indicators.error.duplicate",
                "5 verdi indicators.error.share",
                "6 verdi indicators.error.persons",
                "7 indikator indicators.error.indicator",
                "8 aar indicators.error.year",
                "9 verdi indicators.error.value",
                "10 kilde indicators.error.source",
                "11 row indicators.error.cells");
        assertThat(report.problems().get(1).problem().args()).containsExactly("4001", "arbeidsledighet", 2091, 2L);
        // All or nothing: not even line 2, which was fine, is stored.
        assertThat(stored(2091)).isZero();
        assertThat(imports()).isEqualTo(before);
    }

    @Test
    void aMissingColumnRefusesTheFileNamingTheColumn() {
        IndicatorCsvImport.Report report = csvImport.importCsv(new StringReader(
                "kommunenummer,indikator,aar,verdi,kilde\n4001,arbeidsledighet,2092,3.1,NAV\n"), "uten-tabell.csv", fixtures.planner());
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.problem().messageKey()).isEqualTo("indicators.error.column");
            assertThat(p.problem().args().get(0)).isEqualTo("tabell");
        });
        assertThat(stored(2092)).isZero();
    }

    @Test
    void aGoodFileIsStoredWithItsSourceAndReplacesEarlierFigures() {
        String csv = HEADER + "4001,arbeidsledighet,2093,3.1,NAV januar,helt ledige\n" + "301,innvandrerandel,2093,\"15,5\",SSB,09817\n";
        assertThat(csvImport.importCsv(new StringReader(csv), "ok.csv", fixtures.planner()).imported()).isEqualTo(2);
        assertThat(csvImport.importCsv(new StringReader(HEADER + "4001,arbeidsledighet,2093,2.9,NAV februar,helt ledige\n"), "ny.csv",
                fixtures.planner()).imported()).isEqualTo(1);
        IndicatorValue porsgrunn = values.latest(Indicator.UNEMPLOYMENT, 2093).get("4001");
        assertThat(porsgrunn.value()).isEqualByComparingTo(new BigDecimal("2.9"));
        assertThat(porsgrunn.source()).isEqualTo("NAV februar");
        assertThat(porsgrunn.tableId()).isEqualTo("helt ledige");
        // A spreadsheet's dropped leading zero is restored; a decimal comma is read.
        assertThat(values.latest(Indicator.IMMIGRANT_SHARE, 2093).get("0301").value()).isEqualByComparingTo("15.5");
        assertThat(stored(2093)).isEqualTo(2);
    }

    @Test
    void onlyPlannersImport() {
        assertThatThrownBy(() -> csvImport.importCsv(new StringReader(HEADER), "x.csv", fixtures.caseworker()))
                .isInstanceOf(CommandFailedException.class);
    }

    @Test
    void theUploadPageAndTheApiReportEveryRow() throws Exception {
        byte[] bad = (HEADER + "9999,arbeidsledighet,2094,2.0,NAV,helt ledige\n4001,arbeidsledighet,2094,101,NAV,helt ledige\n")
                .getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/kapasitet/indikatorer").file(new MockMultipartFile("file", "feil.csv", "text/csv", bad))
                        .with(as(fixtures.planner())).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Filen ble ikke importert: 2 feil.")))
                .andExpect(content().string(containsString("Kommunenummeret «9999» finnes ikke")))
                .andExpect(content().string(containsString("Verdien 101 er utenfor 0–100 prosent for arbeidsledighet.")));
        mvc.perform(post("/api/v1/indicators").contentType("text/csv").content(bad).with(as(fixtures.planner())))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].field", hasItem("line2.kommunenummer")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("line3.verdi")));
        assertThat(stored(2094)).isZero();

        byte[] good = (HEADER + "4001,arbeidsledighet,2094,2.0,NAV,helt ledige\n").getBytes(StandardCharsets.UTF_8);
        mvc.perform(post("/api/v1/indicators").contentType("text/csv").content(good).with(as(fixtures.caseworker())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/indicators").contentType("text/csv").content(good).with(as(fixtures.planner())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(1));
        mvc.perform(get("/api/v1/indicators").param("municipality", "4001").param("indicator", "arbeidsledighet")
                        .with(as(fixtures.planner())))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].year", hasItem(2094)));
        mvc.perform(get("/kapasitet/indikatorer").with(as(fixtures.planner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nøkkeltall bosetting 2026")))
                .andExpect(content().string(containsString("Statistisk sentralbyrå tabell 09817")));
        List<IndicatorValue> porsgrunn = values.series(Indicator.UNEMPLOYMENT, 2094, 2094);
        assertThat(porsgrunn).singleElement().extracting(IndicatorValue::municipalityNumber).isEqualTo("4001");
    }
}
