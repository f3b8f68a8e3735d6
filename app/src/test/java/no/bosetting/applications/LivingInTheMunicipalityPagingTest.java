package no.bosetting.applications;

import no.bosetting.cases.PermitImport;
import no.bosetting.selfservice.RefugeeSupport;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 16 point 4: the municipality's list of households living privately in it pages with the count (it was cut at
 * 500 rows without a word, and in 2022 a large municipality had thousands).
 */
@IntegrationTest
class LivingInTheMunicipalityPagingTest {

    /** Bø (Nordland): no other test has households living there. */
    private static final String MUNICIPALITY = "1867";

    @Autowired
    Fixtures fixtures;
    @Autowired
    PermitImport permits;
    @Autowired
    MockMvc mvc;

    @Test
    void householdsLivingPrivatelyArePagedWithTheirCount() throws Exception {
        for (int i = 0; i < 3; i++) {
            RefugeeSupport.privateHousehold(permits, Fixtures.duf(), TestClock.today().minusDays(10 + i), MUNICIPALITY);
        }
        var officer = fixtures.municipality(MUNICIPALITY);
        String first = mvc.perform(get("/kommune/i-kommunen").param("size", "2").with(as(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(first).contains("Viser 1–2 av 3").contains("rel=\"next\"");
        String second = mvc.perform(get("/kommune/i-kommunen").param("size", "2").param("page", "1").with(as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(second).contains("Viser 3–3 av 3").contains("rel=\"prev\"");
    }
}
