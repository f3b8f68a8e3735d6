package no.bosetting;

import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ApplicationStartsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void migrationsLoadAllMunicipalitiesAndNeighbours() {
        assertThat(jdbc.sql("select count(*) from municipality").query(Long.class).single()).isEqualTo(357L);
        assertThat(jdbc.sql("select count(*) from county").query(Long.class).single()).isEqualTo(15L);
        assertThat(jdbc.sql("select count(*) from municipality_neighbour").query(Long.class).single()).isEqualTo(1500L);
        assertThat(jdbc.sql("select sum(population) from municipality").query(Long.class).single()).isEqualTo(5_594_340L);
    }

    @Test
    void loginPageIsPublicAndInNorwegian() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Logg inn")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("lang=\"nb\"")));
    }

    @Test
    void pagesNeedLogin() throws Exception {
        mvc.perform(get("/saker")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
    }

    @Test
    void apiRefusalsAreProblemDetails() throws Exception {
        mvc.perform(get("/api/v1/cases")).andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("\"status\":401")));
        mvc.perform(get("/api/v1/cases").with(no.bosetting.support.Fixtures.as(new no.bosetting.access.Actor("stat", "KS",
                        no.bosetting.access.Role.STATISTICS_READER, null, null))).header("Content-Type", "application/json")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is(org.hamcrest.Matchers.oneOf(200, 403)));
    }

    @Test
    void healthIsUp() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }
}
