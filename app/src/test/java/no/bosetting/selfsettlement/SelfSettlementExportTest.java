package no.bosetting.selfsettlement;

import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class SelfSettlementExportTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    @Test
    void everyStatisticsTableDownloadsAsCsvAndXlsxWithNorwegianHeadings() throws Exception {
        MvcResult outcomes = mvc.perform(get("/statistikk/selvbosetting/eksport/utfall.csv").with(as(fixtures.statistics())))
                .andExpect(status().isOk()).andReturn();
        assertThat(outcomes.getResponse().getContentType()).startsWith("text/csv");
        String csv = outcomes.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst()).hasValue("Status,Forespørsler");
        // One row per request state, suppressed counts as empty cells — never a 1–4.
        assertThat(csv.lines().skip(1)).hasSize(RequestStatus.values().length)
                .allSatisfy(line -> assertThat(line).doesNotMatch(".*,[1-4]$"));

        String variants = mvc.perform(get("/statistikk/selvbosetting/eksport/bosettingsformer.csv").with(as(fixtures.planner())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(variants.lines().findFirst().orElseThrow()).startsWith("Kommunenummer,Kommune,");

        byte[] xlsx = mvc.perform(get("/statistikk/selvbosetting/eksport/avslagsgrunner.xlsx").with(as(fixtures.statistics())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(xlsx, 0, 2, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PK");

        mvc.perform(get("/statistikk/selvbosetting/eksport/personer.csv").with(as(fixtures.statistics())))
                .andExpect(status().isNotFound());
    }
}
